import Foundation

/// A worked example of one rule: small tables as CSV rows (or, for a rule that reads what only
/// the XML form holds, a return in that form), the rule set, and the rows the rule
/// flags in `table`. Each example has rows that pass beside the rows that fail. The Swift tests
/// run every example through our validator, and `scripts/ssda903-diff` runs every example
/// through the DfE tool too, so an example is a claim checked against both.
public struct SSDA903RuleExample: Sendable, CustomStringConvertible {
    public let code: String
    public let note: String
    public let ruleSet: SSDA903RuleSet
    /// The table whose rows are flagged.
    public let table: SSDA903Table
    /// Each table's data rows, as CSV lines under the table's header row.
    public let tables: [(table: SSDA903Table, rows: [String])]
    /// Last year's tables, for the rules that compare with them (empty for the others).
    public let previous: [(table: SSDA903Table, rows: [String])]
    /// The return in the XML form, when the example is one (`tables` is then empty).
    public let xml: String?
    public let flags: [Int]

    init(_ code: String, _ note: String, _ ruleSet: SSDA903RuleSet = .lac2025_26, flags: [Int],
         in table: SSDA903Table? = nil, previous: [(table: SSDA903Table, rows: [String])] = [],
         _ tables: (table: SSDA903Table, rows: [String])...) {
        self.code = code
        self.note = note
        self.ruleSet = ruleSet
        self.table = table ?? tables[0].table
        self.tables = tables
        self.previous = previous
        xml = nil
        self.flags = flags
    }

    init(_ code: String, _ note: String, _ ruleSet: SSDA903RuleSet = .lac2025_26, flags: [Int],
         in table: SSDA903Table, xml: String) {
        self.code = code
        self.note = note
        self.ruleSet = ruleSet
        self.table = table
        tables = []
        previous = []
        self.xml = xml
        self.flags = flags
    }

    public var description: String { "\(code) (\(ruleSet)): \(note)" }

    /// A table's file: its header row (in the DfE's column order), then the rows.
    public func csv(_ index: Int) -> String { Self.csv(tables[index]) }

    /// Last year's table's file.
    public func previousCSV(_ index: Int) -> String { Self.csv(previous[index]) }

    private static func csv(_ table: (table: SSDA903Table, rows: [String])) -> String {
        ([table.table.columns.map(\.rawValue).joined(separator: ",")] + table.rows).joined(separator: "\n") + "\n"
    }

    /// The example's tables, read as files are read.
    public func read() throws(SSDA903ReadError) -> SSDA903Return {
        if let xml { return try SSDA903XMLReader.read(Data(xml.utf8), file: "\(code).xml") }
        return try Self.read(tables)
    }

    /// The rows of the table the example flags (nil when the example does not read).
    public var rowsInTable: Int? { (try? read())?[table]?.rowCount }

    /// Last year's tables, read as files are read; nil when the example has none.
    public func readPrevious() throws(SSDA903ReadError) -> SSDA903Return? {
        previous.isEmpty ? nil : try Self.read(previous)
    }

    private static func read(_ tables: [(table: SSDA903Table, rows: [String])]) throws(SSDA903ReadError) -> SSDA903Return {
        var read: [SSDA903Table: SSDA903TableData] = [:]
        for table in tables {
            read[table.table] = try SSDA903Reader.readTable(bytes: Array(csv(table).utf8), file: "\(table.table.rawValue).csv")
        }
        return SSDA903Return(tables: read)
    }

    /// Every example, by table.
    public static let all = headerExamples + episodeExamples + otherTableExamples + integrityExamples
        + episodeHeaderExamples + acrossTableExamples + episodeChainExamples
        + outcomeAcrossExamples + adoptionAcrossExamples + missingAcrossExamples
        + careLeaverAcrossExamples + socialWorkerSequenceExamples + previousYearExamples
        + permanenceAcrossExamples + placementLocationExamples + uascStatusExamples + providerExamples + episodeChangeExamples
        + uascAcrossYearsExamples + socialWorkerChainExamples + careAcrossExamples
}

/// Header rows: CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB.
func header(_ rows: String...) -> (table: SSDA903Table, rows: [String]) { (.header, rows) }

/// Episodes rows: CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN.
func episodes(_ rows: String...) -> (table: SSDA903Table, rows: [String]) { (.episodes, rows) }

/// Rows of any table, in its DfE column order.
func csv(_ table: SSDA903Table, _ rows: String...) -> (table: SSDA903Table, rows: [String]) { (table, rows) }
