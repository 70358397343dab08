import SQLKit

/// `(SELECT column FROM table WHERE c1 AND c2 …)`, for `IN`: lists narrow by a set of ids the
/// database finds by index, rather than testing every row.
enum Subquery {
    static func select(_ column: String, from table: String, where conditions: [any SQLExpression]) -> any SQLExpression {
        SQLGroupExpression(statement(column, from: table, where: conditions))
    }

    /// `(SELECT … UNION ALL SELECT …)`: the ids any of `selects` finds, for one `IN`. PostgreSQL
    /// cannot look up the rows of `id IN (a) OR id IN (b)` by index (it tests every row against
    /// each set), while a single set it joins to by index; SQLite does as well with either.
    static func union(_ selects: [SQLSelect]) -> any SQLExpression {
        precondition(!selects.isEmpty, "a union of no sets: say what the empty set means where it is asked for")
        var union = SQLUnion(initialQuery: selects[0])
        for select in selects.dropFirst() { union.add(select, all: true) }
        return SQLGroupExpression(union)
    }

    static func statement(_ column: String, from table: String, where conditions: [any SQLExpression]) -> SQLSelect {
        var select = SQLSelect()
        select.columns = [SQLColumn(column, table: table)]
        select.tables = [SQLIdentifier(table)]
        select.predicate = allOf(conditions)
        return select
    }
}
