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
        select.predicate = conditions.dropFirst().reduce(conditions[0]) { SQLBinaryExpression($0, .and, $1) }
        return select
    }
}

extension SQLCommonTableExpressionBuilder {
    /// `WITH name AS MATERIALIZED (SELECT …)`: a set the database reads once, on its own, before
    /// the statement that uses it by `name`. Planned with the statement instead, a small set found
    /// by an index of its own can lose to walking a large index in the statement's order, as if
    /// its `LIMIT` let the walk stop early.
    @discardableResult
    func with(materialized name: String, as select: SQLSelect) -> Self {
        let table = MaterializedTable(name: SQLIdentifier(name), select: select)
        if tableExpressionGroup == nil {
            tableExpressionGroup = SQLCommonTableExpressionGroup(tableExpressions: [table])
        } else {
            tableExpressionGroup?.tableExpressions.append(table)
        }
        return self
    }
}

private struct MaterializedTable: SQLExpression {
    let name: SQLIdentifier
    let select: SQLSelect

    func serialize(to serializer: inout SQLSerializer) {
        serializer.statement { $0.append(name, "AS MATERIALIZED", SQLGroupExpression(select)) }
    }
}
