import SQLKit

/// `(SELECT column FROM table WHERE c1 AND c2 …)`, for `IN`: lists narrow by a set of ids the
/// database finds by index, rather than testing every row.
enum Subquery {
    static func select(_ column: String, from table: String, where conditions: [any SQLExpression]) -> any SQLExpression {
        var select = SQLSelect()
        select.columns = [SQLColumn(column, table: table)]
        select.tables = [SQLIdentifier(table)]
        select.predicate = conditions.dropFirst().reduce(conditions[0]) { SQLBinaryExpression($0, .and, $1) }
        return SQLGroupExpression(select)
    }
}
