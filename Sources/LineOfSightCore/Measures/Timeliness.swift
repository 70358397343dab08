/// How many obligations of one rule fell due in a period, and how many were met on time.
///
/// The cohort is every obligation due in the period that still applied on its due date (one
/// that stopped applying before it fell due — the plan ended first — is left out; one that
/// stopped applying after it fell due unmet counts as missed).
public struct Timeliness: Sendable, Hashable {
    public let ruleID: RuleID
    public private(set) var due = 0
    public private(set) var metOnTime = 0
    public private(set) var metLate = 0
    /// Not met by the as-of date (still open, or lapsed unmet).
    public private(set) var notMet = 0

    public init(ruleID: RuleID) { self.ruleID = ruleID }

    /// Percentage met on time, or nil when nothing fell due.
    public var percentOnTime: Double? { due == 0 ? nil : 100 * Double(metOnTime) / Double(due) }

    /// Counts one obligation by its own status as of `asOf` (the due-soon window plays no part:
    /// only met on time and met late are told apart from the rest).
    mutating func count(_ obligation: Obligation, asOf: CivilDate) {
        due += 1
        switch obligation.status(asOf: asOf, dueSoonDays: 0) {
        case .metOnTime: metOnTime += 1
        case .metLate: metLate += 1
        case .upcoming, .dueSoon, .overdue, .notApplicable: notMet += 1
        }
    }

    /// Timeliness per rule for obligations due from `start` to `end` inclusive, judged as of `asOf`.
    public static func byRule(_ obligations: [Obligation], dueFrom start: CivilDate, to end: CivilDate,
                              asOf: CivilDate) -> [RuleID: Timeliness] {
        var result: [RuleID: Timeliness] = [:]
        for obligation in obligations where obligation.due >= start && obligation.due <= end {
            if let since = obligation.notApplicable?.since, since <= obligation.due { continue }
            result[obligation.ruleID, default: Timeliness(ruleID: obligation.ruleID)].count(obligation, asOf: asOf)
        }
        return result
    }
}
