/// The one definition of status for an as-of date, in two forms bound together by a property
/// test: `status(due:met:notApplicableSince:)` for a value in memory, and
/// `predicate(for:)` for stored obligations, so that SQL filters on stored due and met dates
/// without restating any rule. For `asOf` and `dueSoonEnd = asOf + dueSoonDays`, an obligation is
///
/// - **not applicable** when it stopped applying on or before `asOf`;
/// - otherwise **met on time** / **met late** when met on or before `asOf`, on or before / after
///   its due date;
/// - otherwise (open) **overdue** when due before `asOf`, **due soon** when due from `asOf` to
///   `dueSoonEnd`, and **upcoming** when due after `dueSoonEnd`.
public struct StatusBounds: Sendable, Hashable {
    public let asOf: CivilDate
    /// The last due date that counts as due soon.
    public let dueSoonEnd: CivilDate

    public init(asOf: CivilDate, dueSoonDays: Int) {
        self.asOf = asOf
        self.dueSoonEnd = asOf.adding(days: dueSoonDays)
    }

    public func status(due: CivilDate, met: CivilDate?, notApplicableSince: CivilDate?) -> ObligationStatus {
        if let since = notApplicableSince, since <= asOf { return .notApplicable }
        if let met, met <= asOf { return met <= due ? .metOnTime : .metLate }
        if due < asOf { return .overdue }
        return due <= dueSoonEnd ? .dueSoon : .upcoming
    }

    /// The condition on the stored columns under which an obligation has `status` as of `asOf`.
    /// For any stored row exactly one status's predicate holds, and it is the status
    /// `status(due:met:notApplicableSince:)` gives; every comparison of a nullable column is
    /// guarded by a null test, so SQL's three-valued logic gives the same answer.
    public func predicate(for status: ObligationStatus) -> StatusPredicate {
        switch status {
        case .notApplicable: notApplicable
        case .metOnTime: .and([applies, met, .compareColumns(.met, .lessThanOrEqual, .due)])
        case .metLate: .and([applies, met, .compareColumns(.met, .greaterThan, .due)])
        case .overdue: .and([applies, unmet, .compare(.due, .lessThan, asOf)])
        case .dueSoon: .and([applies, unmet, .compare(.due, .greaterThanOrEqual, asOf), .compare(.due, .lessThanOrEqual, dueSoonEnd)])
        case .upcoming: .and([applies, unmet, .compare(.due, .greaterThan, dueSoonEnd)])
        }
    }

    /// The condition under which an obligation is open as of `asOf` (overdue, due soon or
    /// upcoming: `ObligationStatus.isOpen`): it still applies and is not yet met, whenever it is
    /// due. The three statuses' predicates joined by OR say the same at three times the length.
    public var openPredicate: StatusPredicate { .and([applies, unmet]) }

    /// Stopped applying on or before the as-of date: `na IS NOT NULL AND na <= asOf`.
    private var notApplicable: StatusPredicate {
        .and([.not(.isNull(.notApplicableSince)), .compare(.notApplicableSince, .lessThanOrEqual, asOf)])
    }

    /// Still applies on the as-of date: `na IS NULL OR na > asOf`.
    private var applies: StatusPredicate {
        .or([.isNull(.notApplicableSince), .compare(.notApplicableSince, .greaterThan, asOf)])
    }

    /// Met on or before the as-of date: `met IS NOT NULL AND met <= asOf`.
    private var met: StatusPredicate {
        .and([.not(.isNull(.met)), .compare(.met, .lessThanOrEqual, asOf)])
    }

    /// Not met by the as-of date: `met IS NULL OR met > asOf`.
    private var unmet: StatusPredicate {
        .or([.isNull(.met), .compare(.met, .greaterThan, asOf)])
    }
}

/// The stored dates of an obligation a status predicate names. `due` is never null; the others are
/// null when absent.
public enum StatusColumn: String, Sendable, Hashable, CaseIterable {
    case due, met, notApplicableSince
}

/// A condition on an obligation's stored dates (`StatusBounds.predicate(for:)`).
public typealias StatusPredicate = DatePredicate<StatusColumn>

extension DatePredicate where Column == StatusColumn {
    /// Whether an obligation with these stored dates matches.
    public func evaluate(due: CivilDate, met: CivilDate?, notApplicableSince: CivilDate?) -> Bool {
        evaluate { column in
            switch column {
            case .due: due
            case .met: met
            case .notApplicableSince: notApplicableSince
            }
        }
    }
}
