/// How a council counts caseloads (M13): the most children a full-time worker in each service
/// should hold, a lower limit for newly qualified workers, and, when the council weights
/// caseloads, each child's weight by the stage of their journey. Read from the local standards
/// `caseload.*` (docs/workforce.md).
public struct CaseloadStandard: Sendable, Equatable {
    /// Whether children are counted by their stage's weight rather than as one each.
    public let weighted: Bool
    private let thresholds: [String: Int]
    private let newlyQualifiedThreshold: Int
    private let weights: [ChildState.Stage: Int]

    public init(_ standards: LocalStandards) {
        func integer(_ key: String) -> Int {
            if case let .integer(value)? = standards.values[key] { return value }
            preconditionFailure("caseload standard \(key) is not defined")
        }
        weighted = standards.values["caseload.weighted"] == .boolean(true)
        thresholds = Dictionary(uniqueKeysWithValues: Self.services.map { ($0, integer("caseload.threshold.\($0)")) })
        newlyQualifiedThreshold = integer("caseload.threshold.newly_qualified")
        weights = Dictionary(uniqueKeysWithValues: ChildState.Stage.allCases.map { ($0, integer("caseload.weight.\(Self.weightKey($0))_percent")) })
    }

    /// The services a threshold is set for, by the key a team's service is stored under.
    public static let services = ["front_door", "duty_assessment", "cin_cp", "children_in_care", "permanence", "care_leavers",
                                  "early_help", "disabilities"]

    /// The most children a worker in `service` should hold, scaled by their full-time equivalent
    /// (a worker on 0.5 holds half); a newly qualified worker's limit is the lower of theirs and
    /// the service's. Nil for a service with no threshold.
    public func threshold(service: String, newlyQualified: Bool, fte: Double) -> Double? {
        guard var limit = thresholds[service] else { return nil }
        if newlyQualified { limit = min(limit, newlyQualifiedThreshold) }
        return Double(limit) * fte
    }

    /// What a child at `stage` counts for in a caseload: one, or their stage's weight when the
    /// council weights caseloads.
    public func weight(_ stage: ChildState.Stage) -> Double {
        weighted ? Double(weights[stage] ?? 100) / 100 : 1
    }

    /// The stage's weight standard: the stages a council weights alike share one.
    static func weightKey(_ stage: ChildState.Stage) -> String {
        switch stage {
        case .childProtectionPlan, .s47Enquiry: "child_protection"
        case .lookedAfter: "looked_after"
        case .childInNeedPlan: "child_in_need"
        case .careLeaver: "care_leaver"
        case .assessment, .referral, .contact: "assessment"
        case .noOpenWork: "other"
        }
    }
}

/// One calendar month of a workforce trend: its first day and its last day counted (today, for
/// the current month).
public struct TrendMonth: Sendable, Hashable {
    public let first: CivilDate
    public let last: CivilDate

    /// The twelve months ending with the one `today` is in, oldest first: "the last 12 months".
    public static func lastTwelve(endingOn today: CivilDate) -> [TrendMonth] {
        let thisMonth = CivilDate(year: today.year, month: today.month, day: 1) ?? today
        return (0..<12).reversed().map { back in
            let first = thisMonth.adding(months: -back)
            return TrendMonth(first: first, last: back == 0 ? today : first.adding(months: 1).adding(days: -1))
        }
    }

    /// The first day of the twelve-month window ending today: leavers and changes of worker from
    /// this day on are "in the last 12 months".
    public static func yearBefore(_ today: CivilDate) -> CivilDate { today.adding(years: -1).adding(days: 1) }

    /// "March 2026".
    public var title: String { "\(CivilDate.monthNames[first.month - 1]) \(first.year)" }

    /// "2026-03": the month as a filter or a file name names it.
    public var id: String { String(first.iso.prefix(7)) }

    /// Whether the month is counted to its last day (false for the current month, counted to today).
    public var isComplete: Bool { last == first.lastOfMonth }
}
