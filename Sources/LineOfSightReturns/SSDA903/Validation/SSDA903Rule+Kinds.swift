/// The shapes most DfE rules take, so each rule of that shape is one declaration: its code,
/// message, cells and the condition, with the looping written once here.
extension SSDA903Rule {
    /// Whether an empty cell passes a validity rule. The DfE's rules differ column by column.
    public enum Blank: Sendable { case allowed, flagged }

    /// A rule that looks at each row of one table on its own. `prepare` runs once, takes the
    /// columns it needs out of the table, and returns the test for one row (true = at fault).
    public static func eachRow(
        _ code: String, _ message: String,
        earlierMessage: (through: SSDA903RuleSet, text: String)? = nil,
        table: SSDA903Table, columns: [SSDA903Column],
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903Context) -> (Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, earlierMessage: earlierMessage, table: table, columns: columns, years: years) {
            data, context, flags in
            let atFault = prepare(data, context)
            for row in data.rows where atFault(row) { flags.flag(row) }
        }
    }

    /// A coded column whose value must be one of `codes` (which may depend on the rule set).
    public static func codeList(
        _ code: String, _ message: String,
        earlierMessage: (through: SSDA903RuleSet, text: String)? = nil,
        table: SSDA903Table, column: SSDA903Column, blank: Blank,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        codes: @escaping @Sendable (SSDA903RuleSet) -> Set<String>
    ) -> SSDA903Rule {
        eachRow(code, message, earlierMessage: earlierMessage, table: table, columns: [column], years: years) {
            data, context in
            let cells = data[column]
            let valid = cells.matching(codes(context.ruleSet))
            let blankAtFault = blank == .flagged
            return { row in cells.isBlank(row) ? blankAtFault : !valid[row] }
        }
    }

    /// A date column whose cell, when present (or always, when blanks are flagged), must be a date.
    public static func validDate(
        _ code: String, _ message: String,
        table: SSDA903Table, column: SSDA903Column, blank: Blank,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every
    ) -> SSDA903Rule {
        eachRow(code, message, table: table, columns: [column], years: years) { data, _ in
            let dates = data.dates(column)
            let blankAtFault = blank == .flagged
            return { row in
                switch dates[row] {
                case .valid: false
                case .malformed: true
                case .missing: blankAtFault
                }
            }
        }
    }
}
