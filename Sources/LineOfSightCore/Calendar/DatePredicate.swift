/// A condition on a stored record's dates, as a small tree the server turns into SQL (SQLKit
/// predicates) by mapping each column to its own column name and each date to a bound parameter.
/// The core builds them (`StatusBounds.predicate(for:)` for obligations,
/// `TransferProgress.breachPredicate(from:to:)` for transfers); nothing here knows SQL.
///
/// `evaluate` is the reference meaning, with SQL's three-valued logic: a comparison involving a
/// null column is unknown, `not` of unknown is unknown, and a row matches only when the whole
/// predicate is true (as in a `WHERE` clause). The property tests that check each predicate
/// against the rule's form in memory therefore also check that the SQL form treats absent dates
/// correctly.
public indirect enum DatePredicate<Column: Hashable & Sendable>: Sendable, Hashable {
    public typealias Comparison = DateComparison

    /// `column IS NULL`.
    case isNull(Column)
    /// `column op date`.
    case compare(Column, Comparison, CivilDate)
    /// `left op right`, both columns (e.g. met on or before due).
    case compareColumns(Column, Comparison, Column)
    /// All hold (true when empty).
    case and([DatePredicate])
    /// Any holds (false when empty).
    case or([DatePredicate])
    case not(DatePredicate)

    /// Whether a row whose columns hold these dates (nil: null) matches, with SQL `WHERE`
    /// semantics: unknown does not match.
    public func evaluate(_ value: (Column) -> CivilDate?) -> Bool {
        truth(value) == true
    }

    /// Kleene three-valued logic: nil is SQL's unknown.
    private func truth(_ value: (Column) -> CivilDate?) -> Bool? {
        switch self {
        case .isNull(let column):
            return value(column) == nil
        case .compare(let column, let comparison, let date):
            return value(column).map { comparison.holds($0, date) }
        case .compareColumns(let left, let comparison, let right):
            guard let l = value(left), let r = value(right) else { return nil }
            return comparison.holds(l, r)
        case .and(let parts):
            var result: Bool? = true
            for part in parts {
                switch part.truth(value) {
                case false?: return false
                case nil: result = nil
                case true?: break
                }
            }
            return result
        case .or(let parts):
            var result: Bool? = false
            for part in parts {
                switch part.truth(value) {
                case true?: return true
                case nil: result = nil
                case false?: break
                }
            }
            return result
        case .not(let inner):
            return inner.truth(value).map(!)
        }
    }
}

public enum DateComparison: String, Sendable, Hashable, CaseIterable {
    case lessThan = "<", lessThanOrEqual = "<=", greaterThan = ">", greaterThanOrEqual = ">="

    func holds(_ left: CivilDate, _ right: CivilDate) -> Bool {
        switch self {
        case .lessThan: left < right
        case .lessThanOrEqual: left <= right
        case .greaterThan: left > right
        case .greaterThanOrEqual: left >= right
        }
    }
}
