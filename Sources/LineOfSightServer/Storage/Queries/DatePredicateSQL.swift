import LineOfSightCore
import SQLKit

/// The core's date predicates (`DatePredicate`) as SQL conditions: each column mapped to the
/// stored column that holds it, each date bound as ISO text (how civil dates are stored), which
/// compares in date order on SQLite and PostgreSQL alike.
enum DatePredicateSQL {
    static func expression<Column>(_ predicate: DatePredicate<Column>, _ column: (Column) -> any SQLExpression) -> any SQLExpression {
        switch predicate {
        case let .isNull(name):
            return SQLBinaryExpression(column(name), .is, SQLLiteral.null)
        case let .compare(name, comparison, date):
            return SQLBinaryExpression(left: column(name), op: SQLRaw(comparison.rawValue), right: SQLBind(date.iso))
        case let .compareColumns(left, comparison, right):
            return SQLBinaryExpression(left: column(left), op: SQLRaw(comparison.rawValue), right: column(right))
        case let .and(parts):
            return joined(parts, with: .and, empty: SQLLiteral.boolean(true), column)
        case let .or(parts):
            return joined(parts, with: .or, empty: SQLLiteral.boolean(false), column)
        case let .not(inner):
            return SQLGroupExpression(SQLList([SQLRaw("NOT"), SQLGroupExpression(expression(inner, column))], separator: SQLRaw(" ")))
        }
    }

    private static func joined<Column>(_ parts: [DatePredicate<Column>], with op: SQLBinaryOperator, empty: any SQLExpression,
                                       _ column: (Column) -> any SQLExpression) -> any SQLExpression {
        guard var result = parts.first.map({ expression($0, column) }) else { return empty }
        for part in parts.dropFirst() {
            result = SQLBinaryExpression(SQLGroupExpression(result), op, SQLGroupExpression(expression(part, column)))
        }
        return SQLGroupExpression(result)
    }
}
