import LineOfSightCore
import SQLKit

/// The core's status rule as an SQL condition over stored obligations' date columns: lists filter by
/// status in SQL without restating any rule (`DatePredicateSQL`).
enum StatusSQL {
    /// Where an obligation's dates are: a column for each of the core's status columns.
    struct Columns: Sendable {
        var due: any SQLExpression
        var met: any SQLExpression
        var notApplicableSince: any SQLExpression

        /// The stored obligations' own columns, qualified by `table` when the query names it.
        static func obligations(table: String? = nil) -> Columns {
            func column(_ name: String) -> SQLColumn { table.map { SQLColumn(name, table: $0) } ?? SQLColumn(name) }
            return Columns(due: column("due"), met: column("met_date"), notApplicableSince: column("not_applicable_since"))
        }

        func callAsFunction(_ column: StatusColumn) -> any SQLExpression {
            switch column {
            case .due: due
            case .met: met
            case .notApplicableSince: notApplicableSince
            }
        }
    }

    /// Open by the core's status rule: overdue, due soon or upcoming.
    static func open(bounds: StatusBounds, columns: Columns) -> any SQLExpression {
        DatePredicateSQL.expression(bounds.openPredicate) { columns($0) }
    }

    /// Open as `open` says, for a list as of today (the request's), written so the partial index of
    /// unmet obligations (`IndexOpenWork`, `CoverOpenWork`) serves it: nothing is met after today
    /// (an obligation is met by a recorded event, and every date a record holds of what happened is
    /// checked against today when it is saved), so what is open today is unmet. Other as-of dates
    /// use `open`.
    static func openToday(bounds: StatusBounds, columns: Columns) -> any SQLExpression {
        SQLBinaryExpression(SQLGroupExpression(SQLBinaryExpression(columns.met, .is, SQLLiteral.null)), .and,
                            open(bounds: bounds, columns: columns))
    }

    static func condition(_ status: ObligationStatus, bounds: StatusBounds, columns: Columns) -> any SQLExpression {
        DatePredicateSQL.expression(bounds.predicate(for: status)) { columns($0) }
    }
}
