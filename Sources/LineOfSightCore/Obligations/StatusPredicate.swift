/// A condition on an obligation's stored dates, as a small tree the server turns into SQL
/// (SQLKit predicates) by mapping each `Column` to its own column name and each date to a bound
/// parameter. `StatusBounds.predicate(for:)` builds one per status; nothing here knows SQL.
///
/// `evaluate` is the reference meaning, with SQL's three-valued logic: a comparison involving a
/// null column is unknown, `not` of unknown is unknown, and a row matches only when the whole
/// predicate is true (as in a `WHERE` clause). The property test that checks each status's
/// predicate against `StatusBounds.status` therefore also checks that the SQL form treats
/// absent dates correctly.
public indirect enum StatusPredicate: Sendable, Hashable {
    /// The stored dates of an obligation. `due` is never null; the others are null when absent.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case due, met, notApplicableSince
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
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

    /// `column IS NULL`.
    case isNull(Column)
    /// `column op date`.
    case compare(Column, Comparison, CivilDate)
    /// `left op right`, both columns (e.g. met on or before due).
    case compareColumns(Column, Comparison, Column)
    /// All hold (true when empty).
    case and([StatusPredicate])
    /// Any holds (false when empty).
    case or([StatusPredicate])
    case not(StatusPredicate)

    /// Whether a row with these stored dates matches (SQL `WHERE` semantics: unknown does not match).
    public func evaluate(due: CivilDate, met: CivilDate?, notApplicableSince: CivilDate?) -> Bool {
        truth { column in
            switch column {
            case .due: due
            case .met: met
            case .notApplicableSince: notApplicableSince
            }
        } == true
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
