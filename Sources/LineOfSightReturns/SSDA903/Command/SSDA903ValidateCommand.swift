import Foundation

/// `validate ssda903 DIR --year YYYY [--prev DIR] [--la CODE] [--postcodes FILE] [--providers FILE]
/// [--format csv|json|table]`:
/// reads a return, runs its collection year's rules and prints the findings. The one
/// implementation behind both `lineofsight validate ssda903` and `lineofsight-returns validate`;
/// each parses its own command line into the options' text and calls `run`.
public struct SSDA903ValidateCommand: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, json, table }

    /// A problem with the command line itself, in words for the person who typed it.
    public struct UsageProblem: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: String
    public let ruleSet: SSDA903RuleSet
    public let previous: String?
    public let localAuthority: String?
    public let postcodes: String?
    public let providers: String?
    public let format: Format

    /// The options as typed; nil where an option was not given.
    public init(directory: String, year: String?, previous: String? = nil, localAuthority: String? = nil,
                postcodes: String? = nil, providers: String? = nil, format: String? = nil) throws(UsageProblem) {
        let ruleSet = try Self.ruleSet(year: year)
        guard let chosen = Format(rawValue: format ?? "csv") else {
            throw UsageProblem(description: "--format must be \(Format.allCases.map(\.rawValue).joined(separator: ", ")), not “\(format ?? "")”")
        }
        // The placement-location rules compare it with the ONS code of each placement's authority.
        if let localAuthority, localAuthority.wholeMatch(of: /[ENSW][0-9]{8}/) == nil {
            throw UsageProblem(description: "--la “\(localAuthority)” is not an ONS local authority code such as E08000035")
        }
        self.directory = directory
        self.ruleSet = ruleSet
        self.previous = previous
        self.localAuthority = localAuthority
        self.postcodes = postcodes
        self.providers = providers
        self.format = chosen
    }

    /// The rule set of `--year`, as typed (shared by the commands that read or write a return).
    public static func ruleSet(year: String?) throws(UsageProblem) -> SSDA903RuleSet {
        let years = "\(SSDA903RuleSet.allCases.first!.collectionYear) to \(SSDA903RuleSet.allCases.last!.collectionYear)"
        guard let year else { throw UsageProblem(description: "--year is required: the year the collection ends, \(years)") }
        guard let ruleSet = Int(year).flatMap(SSDA903RuleSet.init(collectionYear:)) else {
            throw UsageProblem(description: "--year “\(year)” is not a collection year from \(years) (the year the collection ends on 31 March)")
        }
        return ruleSet
    }

    /// Validates and writes the report to `output` (in pieces), and to `errors` a line for each
    /// rule that did not run (csv and table; json holds them) or the reason nothing could be
    /// read. Returns the exit status: 0 without findings, 1 with, 2 when the files cannot be read.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let report: SSDA903Report
        do {
            report = try validate()
        } catch {
            errors(error.description + "\n")
            return 2
        }
        switch format {
        case .csv: report.writeCSV(output)
        case .json: report.writeJSON(output)
        case .table: report.writeTable(output)
        }
        if format != .json {
            for skipped in report.skipped { errors("\(skipped.code) not run: \(skipped.reason)\n") }
        }
        return report.findings.isEmpty ? 0 : 1
    }

    private func validate() throws(SSDA903ReadError) -> SSDA903Report {
        let current = try SSDA903Reader.read(directory: URL(fileURLWithPath: directory))
        let last = try previous.map { path throws(SSDA903ReadError) in try SSDA903Reader.read(directory: URL(fileURLWithPath: path)) }
        let lookup = try postcodes.map { path throws(SSDA903ReadError) in
            try SSDA903Postcodes.read(csv: String(decoding: contents(of: path), as: UTF8.self), file: path)
        }
        let listings = try providers.map { path throws(SSDA903ReadError) in
            try SSDA903Providers.read(csv: Array(contents(of: path)), file: path)
        }
        return SSDA903Validator.validate(current, previous: last, ruleSet: ruleSet, localAuthority: localAuthority,
                                         postcodes: lookup, providers: listings)
    }

    private func contents(of path: String) throws(SSDA903ReadError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw SSDA903ReadError(file: path, .unreadable(error.localizedDescription))
        }
    }
}
