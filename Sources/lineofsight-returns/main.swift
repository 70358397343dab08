import Foundation
import LineOfSightReturns

// A shell entry to the returns library for the differential harness (scripts/ssda903-diff)
// and for timing: it builds without the server. Its `validate` is `lineofsight validate ssda903`.
let usage = """
    usage:
      lineofsight-returns generate DIR --children N --year YYYY [--seed S] [--error-rate R] [--previous DIR]
      lineofsight-returns validate DIR --year YYYY [--prev DIR] [--la CODE] [--postcodes FILE] [--providers FILE]
                                   [--format csv|json|table]
      lineofsight-returns xml DIR FILE
      lineofsight-returns rules [--year YYYY]
      lineofsight-returns examples DIR
      lineofsight-returns check-examples [--code CODE]
      lineofsight-returns bench --children N --year YYYY [--runs R]
    generate --previous also writes last year's return of the same children, as it stood then.
    validate (as `lineofsight validate ssda903`) prints rule_code,child_id,table,row_index by
    default; exit 0 without findings, 1 with, 2 when the files cannot be read. xml writes the
    return in DIR in its XML form (SWEpisodes and DoLo, which that form lacks, are left out).
    examples writes each rule's worked examples as files, one folder each, DIR/examples.csv
    listing them (folder,rule_code,year,table,rows) and DIR/providers.csv, their Ofsted lookup.
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else { fail(usage) }
let command = arguments.removeFirst()
var positional: [String] = []
var options: [String: String] = [:]
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    if argument.hasPrefix("--") {
        guard !arguments.isEmpty else { fail("\(argument) needs a value\n\(usage)") }
        options[String(argument.dropFirst(2))] = arguments.removeFirst()
    } else {
        positional.append(argument)
    }
}

@MainActor func ruleSet() -> SSDA903RuleSet {
    guard let year = options["year"].flatMap(Int.init), let ruleSet = SSDA903RuleSet(collectionYear: year) else {
        fail("--year must be a collection year from 2023 to 2027\n\(usage)")
    }
    return ruleSet
}

@MainActor func number(_ name: String, default value: Int? = nil) -> Int {
    guard let number = options[name].flatMap(Int.init) ?? value else { fail("--\(name) must be a number\n\(usage)") }
    return number
}

func read(_ path: String) -> SSDA903Return {
    do {
        return try SSDA903Reader.read(directory: URL(fileURLWithPath: path))
    } catch {
        fail(error.description)
    }
}

func write(_ tables: [SSDA903Table: String], to directory: String) {
    do { try SSDA903CSVFiles.write(tables, to: URL(fileURLWithPath: directory)) } catch { fail("cannot write to \(directory): \(error)") }
}

/// CPU seconds of this thread: the work's cost on one core, unaffected by other processes
/// sharing the machine (wall-clock time on a busy 2-core machine varies threefold).
func seconds(_ work: () -> Void) -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    work()
    return now() - start
}

switch command {
case "generate":
    guard positional.count == 1 else { fail(usage) }
    var generator = SSDA903Generator(children: number("children"), ruleSet: ruleSet(),
                                     seed: UInt64(number("seed", default: 903)),
                                     errorRate: options["error-rate"].flatMap(Double.init) ?? 0.02)
    if let previous = options["previous"] {
        let (current, last) = generator.generateWithPreviousYear()
        write(current, to: positional[0])
        write(last, to: previous)
    } else {
        write(generator.generate(), to: positional[0])
    }
case "validate":
    guard positional.count == 1 else { fail(usage) }
    let validation: SSDA903ValidateCommand
    do {
        validation = try SSDA903ValidateCommand(directory: positional[0], year: options["year"], previous: options["prev"],
                                                localAuthority: options["la"], postcodes: options["postcodes"],
                                                providers: options["providers"], format: options["format"])
    } catch {
        fail("\(error)\n\(usage)")
    }
    exit(validation.run(output: { FileHandle.standardOutput.write(Data($0.utf8)) },
                        errors: { FileHandle.standardError.write(Data($0.utf8)) }))
case "xml":
    guard positional.count == 2 else { fail(usage) }
    let data = read(positional[0])
    for table in [SSDA903Table.swEpisodes, .doLo] where (data[table]?.rowCount ?? 0) > 0 {
        FileHandle.standardError.write(Data("\(table.rawValue) left out: the XML form has no place for it\n".utf8))
    }
    do {
        try Data(SSDA903XMLWriter.xml(data).utf8).write(to: URL(fileURLWithPath: positional[1]))
    } catch {
        fail("cannot write \(positional[1]): \(error)")
    }
case "examples":
    guard positional.count == 1 else { fail(usage) }
    var manifest = "folder,rule_code,year,table,rows\n"
    for (number, example) in SSDA903RuleExample.all.enumerated() {
        let folder = String(format: "%03d", number)
        let tables = example.tables.indices.map { (example.tables[$0].table, example.csv($0)) }
        write(Dictionary(uniqueKeysWithValues: tables), to: positional[0] + "/" + folder)
        if let xml = example.xml {
            do { try Data(xml.utf8).write(to: URL(fileURLWithPath: positional[0] + "/" + folder + "/return.xml")) } catch {
                fail("cannot write the examples: \(error)")
            }
        }
        // Last year's tables, for the DfE tool's "Prev year" files.
        let previous = example.previous.indices.map { (example.previous[$0].table, example.previousCSV($0)) }
        if !previous.isEmpty { write(Dictionary(uniqueKeysWithValues: previous), to: positional[0] + "/" + folder + "/prev") }
        manifest += "\(folder),\(example.code),\(example.ruleSet.collectionYear),\(example.table.rawValue),"
        manifest += example.flags.map(String.init).joined(separator: " ") + "\n"
    }
    do {
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: positional[0] + "/examples.csv"))
        try Data(SSDA903RuleExample.providersCSV.utf8).write(to: URL(fileURLWithPath: positional[0] + "/providers.csv"))
    } catch {
        fail("cannot write the examples: \(error)")
    }
case "check-examples":
    // Runs every worked example (or those of one rule) through our validator: the Swift tests'
    // check, without building the test targets. Exit 1 when an example's rows are not flagged.
    var wrong = 0
    let examples = SSDA903RuleExample.all.filter { example in options["code"].map { $0 == example.code } ?? true }
    for example in examples {
        let rules = SSDA903Rules.all.filter { $0.code == example.code }
        let data: SSDA903Return, previous: SSDA903Return?
        do {
            data = try example.read()
            previous = try example.readPrevious()
        } catch {
            fail("\(example): \(error.description)")
        }
        let report = SSDA903Validator.validate(data, previous: previous, ruleSet: example.ruleSet,
                                               localAuthority: SSDA903RuleExample.localAuthority,
                                               postcodes: SSDA903RuleExample.postcodes,
                                               providers: SSDA903RuleExample.providers, rules: rules)
        let found = report.findings.filter { $0.table == example.table }.map(\.row)
        if rules.isEmpty || found != example.flags {
            wrong += 1
            print("\(example): flags \(found), the example \(example.flags)\(rules.isEmpty ? " (no such rule)" : "")")
        }
    }
    print("\(examples.count - wrong) examples agree, \(wrong) do not")
    // The catalogue's own checks (as the Swift tests make them): every rule has an example with
    // rows that fail beside rows that pass; a rule flags columns of tables it reads; a code's
    // versions cover disjoint rule sets.
    var faults: [String] = []
    let shown = Set(SSDA903RuleExample.all.filter { example in
        !example.flags.isEmpty && example.flags.count < example.rowsInTable ?? 0
    }.map(\.code))
    for rule in SSDA903Rules.all {
        if !shown.contains(rule.code) { faults.append("\(rule.code): no worked example with rows that fail and rows that pass") }
        if !rule.needs.union(rule.optional).isSuperset(of: rule.flags.keys) { faults.append("\(rule.code): flags a table it does not need") }
        for (table, columns) in rule.flags where columns.isEmpty || !columns.allSatisfy((table.columns + table.xmlOnlyColumns).contains) {
            faults.append("\(rule.code): names columns \(columns.map(\.rawValue)) outside \(table.rawValue)")
        }
    }
    for (code, versions) in Dictionary(grouping: SSDA903Rules.all, by: \.code) {
        for ruleSet in SSDA903RuleSet.allCases where versions.filter({ $0.applies(to: ruleSet) }).count > 1 {
            faults.append("\(code): twice in \(ruleSet)")
        }
    }
    faults.sorted().forEach { print($0) }
    exit(wrong == 0 && faults.isEmpty ? 0 : 1)
case "rules":
    // With --year, each rule's code and message in that year, tab-separated; without, every code
    // implemented for any rule set. A rule no input can raise (411) is listed too, with a third
    // field saying so and why.
    if options["year"] == nil {
        var seen = Set<String>()
        for code in SSDA903Rules.all.map(\.code) + SSDA903Rules.unraisable.map(\.code) where seen.insert(code).inserted { print(code) }
    } else {
        let ruleSet = ruleSet()
        for rule in SSDA903Rules.rules(for: ruleSet) { print("\(rule.code)\t\(rule.message(in: ruleSet))") }
        for rule in SSDA903Rules.unraisable(for: ruleSet) { print("\(rule.code)\t\(rule.message)\tnever raised: \(rule.reason)") }
    }
case "bench":
    let ruleSet = ruleSet()
    let children = number("children")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-bench-\(children)")
    var generator = SSDA903Generator(children: children, ruleSet: ruleSet)
    write(generator.generate(), to: directory.path)
    var timings: [(read: Double, validate: Double)] = []
    var findings = 0
    for _ in 0..<number("runs", default: 5) {
        var data: SSDA903Return!
        let reading = seconds { data = read(directory.path) }
        let validating = seconds { findings = SSDA903Validator.validate(data, ruleSet: ruleSet).findings.count }
        timings.append((reading, validating))
    }
    let best = timings.min { $0.read + $0.validate < $1.read + $1.validate }!
    let data = read(directory.path)
    let rows = data.tables.values.reduce(0) { $0 + $1.rowCount }
    // The slowest rules, each timed alone less a validation with no rules (the work shared by
    // all rules, such as ordering each child's episodes): where the next optimisation should go.
    let shared = seconds { _ = SSDA903Validator.validate(data, ruleSet: ruleSet, rules: []) }
    let perRule = SSDA903Rules.rules(for: ruleSet).map { rule in
        (rule.code, seconds { _ = SSDA903Validator.validate(data, ruleSet: ruleSet, rules: [rule]) } - shared)
    }
    print(String(format: "  shared by all rules: %.1f ms", shared * 1000))
    for (code, time) in perRule.sorted(by: { $0.1 > $1.1 }).prefix(5) {
        print(String(format: "  rule %@: %.1f ms", code, time * 1000))
    }
    print(String(format: "%d children, %d rows, %d rules, %d findings: read %.3f s, validate %.3f s, total %.3f s (CPU time on one core, best of %d), files in %@",
                 children, rows, SSDA903Rules.rules(for: ruleSet).count, findings, best.read, best.validate,
                 best.read + best.validate, timings.count, directory.path))
default:
    fail(usage)
}
