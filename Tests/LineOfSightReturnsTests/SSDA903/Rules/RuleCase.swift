@testable import LineOfSightReturns
import Testing

/// One worked example for a rule: tables as CSV rows, the rule set, and the rows the rule must
/// flag in `table`. Each case has rows that must pass beside the rows that must fail, so one
/// case shows both.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let code: String
    let ruleSet: SSDA903RuleSet
    let table: SSDA903Table
    let tables: [SSDA903TableData]
    let flags: [Int]
    let note: String

    init(_ code: String, _ note: String, _ ruleSet: SSDA903RuleSet = .lac2025_26, flags: [Int],
         in table: SSDA903Table? = nil, _ tables: SSDA903TableData...) {
        self.code = code
        self.note = note
        self.ruleSet = ruleSet
        self.table = table ?? tables[0].table
        self.tables = tables
        self.flags = flags
    }

    var testDescription: String { "\(code) (\(ruleSet)): \(note)" }

    var flagged: [Int] {
        let current = SSDA903Return(tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.table, $0) }))
        let rules = SSDA903Rules.all.filter { $0.code == code }
        return SSDA903Validator.validate(current, ruleSet: ruleSet, rules: rules).findings
            .filter { $0.table == table }.map(\.row)
    }

    /// True when the case has a row at fault and a row that is not.
    var showsBoth: Bool { !flags.isEmpty && flags.count < tables.first { $0.table == table }!.rowCount }
}

/// Header rows: CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB.
func header(_ rows: String...) -> SSDA903TableData {
    csv(.header, rows)
}

/// Episodes rows: CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN.
func episodes(_ rows: String...) -> SSDA903TableData {
    csv(.episodes, rows)
}
