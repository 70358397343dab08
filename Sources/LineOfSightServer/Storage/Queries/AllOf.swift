import SQLKit

/// `c1 AND c2 …`: every one of the conditions; true when there are none.
func allOf(_ conditions: [any SQLExpression]) -> any SQLExpression {
    conditions.dropFirst().reduce(conditions.first ?? SQLLiteral.boolean(true)) { SQLBinaryExpression($0, .and, $1) }
}
