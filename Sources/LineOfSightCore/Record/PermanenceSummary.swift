/// A looked-after child's permanence at a glance, for the permanence tracker: the plan and when it
/// was agreed against the second-review deadline, the ways to permanence considered, the next
/// milestone and its due date, the last decision, and the last day anything moved.
public struct PermanenceSummary: Sendable, Hashable {
    /// The current plan's Annex A codes (`PermanenceCodes.plans`), parallel plans together.
    public var plans: [String]
    /// The day the first plan of the current period was agreed, and the day it was due.
    public var planAgreed: CivilDate?
    public var planDue: CivilDate?
    /// Every way to permanence considered in the current period, in the order first considered.
    public var routesConsidered: [PermanenceOption.Route]
    /// The open permanence, proceedings or adoption obligation due first.
    public var nextMilestone: RuleID?
    public var nextMilestoneDue: CivilDate?
    /// The latest decision about the child's way to permanence in this period of care, and who made it.
    public var lastDecision: CivilDate?
    public var lastDecisionBy: DecisionMaker?
    /// The latest day a permanence record was made or moved on (a plan, an option, a decision, a
    /// hearing, an adoption milestone): the measure of drift.
    public var lastProgress: CivilDate?
    /// The adoption milestones reached, while adoption is the plan (no order yet, not reversed).
    public var adoption: Adoption?

    /// Operational visits are not milestones of the way to permanence.
    static let notMilestones: Set<RuleID> = [.adoptionVisitFirstWeek, .adoptionVisitWeekly, .adoptionVisitAfterReview]

    /// Whether `rule` is a milestone of the tracker.
    public static func isMilestone(_ rule: RuleID) -> Bool {
        guard let family = RuleCatalogue.rule(rule)?.family, !notMilestones.contains(rule) else { return false }
        return family == .permanence || family == .proceedings || family == .adoption
    }

    /// Nil unless the child is looked after now.
    public init?(journey: Journey, derivation: Derivation, events: [RecordedEvent]) {
        guard let period = journey.latestPeriodOfCare, period.end == nil else { return nil }
        let plans = journey.permanencePlans.filter { $0.date >= period.start }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.plans = plans.last?.plans ?? []
        let planObligation = derivation.obligations.first { $0.ruleID == .permanencePlan && $0.startedBy.id == period.id }
        planAgreed = planObligation?.metBy?.date ?? plans.first?.date
        planDue = planObligation?.due

        var routes: [PermanenceOption.Route] = []
        for option in journey.permanenceOptions.sorted(by: { ($0.considered, $0.id) < ($1.considered, $1.id) })
            where option.considered >= period.start.adding(years: -1) && !routes.contains(option.route) {
            routes.append(option.route)
        }
        routesConsidered = routes

        let next = derivation.obligations.filter { $0.metBy == nil && $0.notApplicable == nil && Self.isMilestone($0.ruleID) }
            .min { ($0.due, $0.id) < ($1.due, $1.id) }
        nextMilestone = next?.ruleID
        nextMilestoneDue = next?.due

        // A panel's or decision maker's decision, or a legal planning meeting's (on a day with both, the panel's).
        let decisions = events.compactMap { event -> (date: CivilDate, by: DecisionMaker)? in
            if let decision = event.record as? PermanenceDecisionRecord { return (decision.date, .forum(decision.forum)) }
            if let meeting = event.record as? PreProceedingsRecord { return (meeting.date, .legalPlanningMeeting) }
            return nil
        }.filter { $0.date >= period.start }
        let decision = decisions.max { ($0.date, $0.by.isForum ? 1 : 0) < ($1.date, $1.by.isForum ? 1 : 0) }
        lastDecision = decision?.date
        lastDecisionBy = decision?.by

        lastProgress = events.filter { JourneyList.permanenceLists.contains(type(of: $0.record).list) }
            .flatMap { event in event.record.dates.filter { !$0.mayBeFuture }.compactMap(\.value) }
            .filter { $0 >= period.start }.max()
        adoption = journey.adoption.flatMap { $0.adoptionOrder == nil && $0.placementEnded == nil ? $0 : nil }
    }
}

/// Who made a decision about a child's way to permanence: one of the permanence forums, or the
/// legal planning (gateway) meeting that decides on pre-proceedings or proceedings.
public enum DecisionMaker: Sendable, Hashable, RawRepresentable {
    case forum(PermanenceDecisionRecord.Forum)
    case legalPlanningMeeting

    /// A forum by its own code; the legal planning meeting by a code no forum has.
    public init?(rawValue: String) {
        if rawValue == "legalPlanningMeeting" { self = .legalPlanningMeeting; return }
        guard let forum = PermanenceDecisionRecord.Forum(rawValue: rawValue) else { return nil }
        self = .forum(forum)
    }

    public var rawValue: String {
        switch self {
        case let .forum(forum): forum.rawValue
        case .legalPlanningMeeting: "legalPlanningMeeting"
        }
    }

    var isForum: Bool { if case .forum = self { true } else { false } }
}

/// A child's place on the permanence tracker, by the rules in the council's standards: red once a
/// milestone is overdue; amber when one falls due soon or nothing has moved for a while; green
/// otherwise.
public enum DriftStatus: String, Sendable, Hashable, CaseIterable {
    case red, amber, green

    /// `lastProgress` nil means nothing has been recorded since the child came into care on `entered`.
    public static func of(nextDue: CivilDate?, lastProgress: CivilDate?, entered: CivilDate, today: CivilDate,
                          standards: LocalStandards) -> DriftStatus {
        if let nextDue, nextDue < today { return .red }
        if let nextDue, nextDue <= today.adding(days: standards.parameters.permanenceAmberDays) { return .amber }
        return (lastProgress ?? entered) <= stalledSince(today: today, standards: standards) ? .amber : .green
    }

    /// Children in care this many months without an agreed plan count as drifting on leaders'
    /// home pages: the plan is due by the second review, about four months in.
    public static let noPlanMonths = 4

    /// A child who came into care on or before this day without an agreed plan is drifting.
    public static func noPlanSince(today: CivilDate) -> CivilDate { today.adding(months: -noPlanMonths) }

    /// A child whose permanence last moved on or before this day is drifting.
    public static func stalledSince(today: CivilDate, standards: LocalStandards) -> CivilDate {
        today.adding(weeks: -standards.noProgressWeeks)
    }
}

extension JourneyList {
    /// The lists whose records move a child's permanence on.
    public static let permanenceLists: Set<JourneyList> = [
        .permanencePlans, .permanenceOptions, .permanenceDecisions, .temporaryApprovals, .preProceedings, .ploReviews, .careProceedings, .hearings,
        .adoptions, .adoptionReviews,
    ]
}
