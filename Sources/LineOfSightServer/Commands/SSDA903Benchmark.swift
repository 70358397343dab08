import Foundation
import LineOfSightReturns

/// `lineofsight bench ssda903 --children N`: generates a realistic return (every table, several
/// years of each child's history) and measures the commands a council runs on it, each as its own
/// process: `validate` without and with last year's files (on a return with a few per cent of its
/// cells spoilt), optionally the DfE's own tool on the same files, and `import` into an empty
/// SQLite database, again (nothing changes), and into PostgreSQL when given one. See
/// docs/ssda903-validation.md and docs/ssda903-import.md for the figures.
struct SSDA903Benchmark {
    /// The share of the validated returns' cells spoilt on purpose (a few per cent, as the issue asks).
    static let spoilt = 0.02

    let children: Int
    let ruleSet: SSDA903RuleSet
    let runs: Int
    /// An empty PostgreSQL database to import into (it is left holding the import).
    let postgres: String?
    /// A Python with the DfE's tool (`csc-validator-be-903`) installed, to time it on the same files;
    /// run from the repository, whose scripts/ssda903/dfe_findings.py drives it.
    let python: String?

    func run(print: (String) -> Void) throws {
        guard ruleSet > .lac2022_23 else { throw BenchError("there is no rule set for the year before \(ruleSet.years)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineofsight-bench-ssda903-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spoilt = directory.appendingPathComponent("spoilt").path, previous = directory.appendingPathComponent("previous").path
        let clean = directory.appendingPathComponent("clean").path
        var spoiltReturns = SSDA903Generator(children: children, ruleSet: ruleSet, errorRate: Self.spoilt)
        let (thisYear, lastYear) = spoiltReturns.generateWithPreviousYear()
        var cleanReturn = SSDA903Generator(children: children, ruleSet: ruleSet, errorRate: 0)
        for (tables, path) in [(thisYear, spoilt), (lastYear, previous), (cleanReturn.generate(), clean)] {
            try SSDA903CSVFiles.write(tables, to: URL(fileURLWithPath: path))
        }
        print("\(children) children, collection year \(ruleSet.years); each figure the best of \(runs) runs of the command as its own process")
        print("(CPU: all its threads; peak: its largest resident memory).")
        let year = String(ruleSet.collectionYear)
        let validation = try best { try command(["validate", "ssda903", spoilt, "--year", year]) }
        report("validate (\(Int(Self.spoilt * 100))% of cells spoilt)", validation, print: print)
        report("validate with last year's files", try best {
            try command(["validate", "ssda903", spoilt, "--year", year, "--prev", previous])
        }, print: print)
        if let python {
            // Once: it takes a minute or more for a large return. Its script exits 1 for findings
            // and for a failure alike; only a finished run prints the CPU time of its validation.
            let dfe = try MeasuredProcess.run(python, ["scripts/ssda903/dfe_findings.py", spoilt, "--year", year])
            let cpu = dfe.errors.split(separator: "\n").last { $0.hasPrefix("cpu_seconds ") }.flatMap { Double($0.dropFirst(12)) }
            guard let cpu else { throw BenchError("the DfE tool did not run (status \(dfe.status)): \(dfe.errors.suffix(2000))") }
            report("the DfE's tool (one run)", dfe, print: print)
            print(String(format: "  its validation alone: %.2f s CPU, %.0f times our whole command's", cpu, cpu / validation.cpuSeconds))
        }
        let sqlite = directory.appendingPathComponent("import.sqlite").path
        let onSQLite = ["DATABASE_URL": "", "LINEOFSIGHT_DATABASE_PATH": sqlite]
        try checked(command(["migrate", "--yes"], environment: onSQLite))
        report("import into an empty SQLite database", try checked(command(["import", "ssda903", clean, "--year", year], environment: onSQLite)), print: print)
        report("import it again (nothing changes)", try checked(command(["import", "ssda903", clean, "--year", year], environment: onSQLite)), print: print)
        if let postgres {
            let onPostgres = ["DATABASE_URL": postgres]
            try checked(command(["migrate", "--yes"], environment: onPostgres))
            report("import into an empty PostgreSQL database", try checked(command(["import", "ssda903", clean, "--year", year], environment: onPostgres)),
                   print: print)
            report("import it again (nothing changes)", try checked(command(["import", "ssda903", clean, "--year", year], environment: onPostgres)),
                   print: print)
        }
    }

    /// This program run again with `arguments`.
    private func command(_ arguments: [String], environment: [String: String] = [:]) throws -> MeasuredProcess {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return try MeasuredProcess.run(executable, arguments, environment: environment)
    }

    private func best(_ measure: () throws -> MeasuredProcess) throws -> MeasuredProcess {
        var results: [MeasuredProcess] = []
        for _ in 0..<max(1, runs) { results.append(try checked(measure())) }
        return results.min { $0.cpuSeconds < $1.cpuSeconds }!
    }

    /// Exit 0, or 1 for validation findings; anything else stops the benchmark with what it said.
    @discardableResult
    private func checked(_ result: MeasuredProcess) throws -> MeasuredProcess {
        guard result.status <= 1 else { throw BenchError("a command failed (status \(result.status)): \(result.errors.suffix(2000))") }
        return result
    }

    private func report(_ what: String, _ result: MeasuredProcess, print: (String) -> Void) {
        print(what.padding(toLength: 42, withPad: " ", startingAt: 0)
              + String(format: "%6.2f s CPU, %6.2f s elapsed, %5.0f MB peak", result.cpuSeconds, result.wallSeconds, result.peakMegabytes))
    }
}
