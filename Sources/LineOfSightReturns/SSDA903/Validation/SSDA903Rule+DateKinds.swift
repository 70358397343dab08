import LineOfSightCore

/// The date comparisons many DfE rules make, each written once. A cell that is missing or not a
/// date never fails these (the date-validity rules report it), as in the DfE tool, where a
/// comparison with NaT is false.
extension SSDA903Rule {
    /// A date after the end of the collection year (31 March).
    public static func afterYearEnd(
        _ code: String, _ message: String, table: SSDA903Table, column: SSDA903Column,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every
    ) -> SSDA903Rule {
        eachRow(code, message, table: table, columns: [column], years: years) { data, context in
            let dates = data.dates(column)
            let end = context.collectionEnd
            return { row in dates[row].date.map { $0 > end } ?? false }
        }
    }

    /// A date before the start (1 April) or after the end (31 March) of the collection year.
    public static func outsideYear(
        _ code: String, _ message: String, table: SSDA903Table, column: SSDA903Column,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every
    ) -> SSDA903Rule {
        eachRow(code, message, table: table, columns: [column], years: years) { data, context in
            let dates = data.dates(column)
            let year = context.collectionStart ... context.collectionEnd
            return { row in dates[row].date.map { !year.contains($0) } ?? false }
        }
    }

    /// Two dates of one row out of order: `later` before `earlier`, or on the same day too
    /// when `sameDayAtFault`.
    public static func outOfOrder(
        _ code: String, _ message: String, table: SSDA903Table,
        earlier: SSDA903Column, later: SSDA903Column, sameDayAtFault: Bool,
        columns: [SSDA903Column]? = nil,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every
    ) -> SSDA903Rule {
        eachRow(code, message, table: table, columns: columns ?? [earlier, later], years: years) { data, _ in
            let first = data.dates(earlier), second = data.dates(later)
            return { row in
                guard let start = first[row].date, let end = second[row].date else { return false }
                return end < start || (sameDayAtFault && end == start)
            }
        }
    }
}
