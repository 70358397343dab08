/// A child's transfers between teams and how far each has gone — requested, accepted (or
/// rejected), a worker of the receiving team allocated, first visit by that team — for the
/// transfer tracker and the monthly review pack; and, when the record says the case should have
/// moved but nobody has asked, since when.
public struct TransferSummary: Sendable, Hashable {
    public var transfers: [TransferProgress]
    /// Set when the record says the case belongs with a long-term team and no transfer is in
    /// flight. The child waits in duty if they are still allocated to a front door or duty team.
    public var waiting: TransferWait?
    /// Working days from request to acceptance of each accepted transfer, by its id: stored with
    /// it, so that the review pack's median by team pair is counted by the database.
    public var acceptanceDays: [String: Int]

    public init(journey: Journey, derivation: Derivation, events: [RecordedEvent], calendar: WorkingDayCalendar) {
        let obligations = Dictionary(derivation.obligations.filter { $0.ruleID == .transferAcceptance || $0.ruleID == .transferFirstVisit }
            .map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        transfers = journey.transfers.map { transfer in
            let acceptance = obligations["\(RuleID.transferAcceptance):\(transfer.id)"]
            let visit = obligations["\(RuleID.transferFirstVisit):\(transfer.id)"]
            // The first day after acceptance that a worker of the receiving team held the case.
            let allocated = transfer.accepted.flatMap { accepted in
                journey.allocations.filter { $0.teamID == transfer.toTeam && $0.workerID != nil && ($0.end.map { $0 >= accepted } ?? true) }
                    .map { max($0.start, accepted) }.min()
            }
            return TransferProgress(id: transfer.id, fromTeam: transfer.fromTeam, toTeam: transfer.toTeam, reason: transfer.grounds,
                                    prompted: transfer.assessmentCompleted, requested: transfer.requested,
                                    acceptanceDue: acceptance?.due ?? transfer.requested, accepted: transfer.accepted,
                                    rejected: transfer.rejected, rejectionReason: transfer.rejectionReason, delayReason: transfer.delayReason,
                                    allocated: allocated, firstVisitDue: visit?.due, firstVisit: visit?.metBy?.date)
        }
        let outcomes = Dictionary(events.compactMap { event in (event.record as? AssessmentRecord)?.outcome.map { (event.id, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        waiting = Self.waiting(journey, assessmentOutcomes: outcomes)
        acceptanceDays = Dictionary(transfers.compactMap { transfer in
            transfer.accepted.map { (transfer.id, transfer.days(asOf: $0, calendar: calendar).toDecision) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Assessment outcomes that mean a long-term team takes the case on.
    public static let transferringOutcomes: Set<AssessmentRecord.Outcome> = [.childInNeedPlan, .lookedAfter]

    /// The one rule for a transfer nobody has asked for. What says the case should move: the
    /// latest authorised assessment, if its outcome is a child in need plan or becoming looked
    /// after; a child protection plan, a child in need plan or a period of care still open. Only
    /// those since the last accepted transfer count (what came before moved with it), and none
    /// while a transfer awaits its decision. A rejected transfer leaves the child waiting again.
    public static func waiting(_ journey: Journey, assessmentOutcomes: [String: AssessmentRecord.Outcome]) -> TransferWait? {
        guard !journey.transfers.contains(where: { $0.accepted == nil && $0.rejected == nil }) else { return nil }
        var prompts: [TransferWait] = []
        prompts += journey.cpPlans.filter { $0.end == nil }.map { TransferWait(since: $0.start, eventID: $0.id) }
        prompts += journey.cinPlans.filter { $0.end == nil }.map { TransferWait(since: $0.start, eventID: $0.id) }
        prompts += journey.periodsOfCare.filter { $0.end == nil }.map { TransferWait(since: $0.start, eventID: $0.id) }
        let latest = journey.assessments.compactMap { assessment in assessment.authorised.map { (date: $0, id: assessment.id) } }
            .max { ($0.date, $0.id) < ($1.date, $1.id) }
        if let latest, let outcome = assessmentOutcomes[latest.id], transferringOutcomes.contains(outcome) {
            prompts.append(TransferWait(since: latest.date, eventID: latest.id))
        }
        let lastMove = journey.transfers.compactMap(\.accepted).max()
        return prompts.filter { prompt in lastMove.map { prompt.since > $0 } ?? true }.min { ($0.since, $0.eventID) < ($1.since, $1.eventID) }
    }
}

/// Since when, and because of which event, a child's case should have moved to another team.
public struct TransferWait: Sendable, Hashable {
    public var since: CivilDate
    public var eventID: String

    public init(since: CivilDate, eventID: String) {
        self.since = since; self.eventID = eventID
    }

    /// How long the child has waited by `today`, in working days as the local standards count.
    public func workingDaysWaiting(on today: CivilDate, calendar: WorkingDayCalendar) -> Int {
        calendar.workingDays(from: since, to: today)
    }
}

/// One transfer and its steps. Day counts are working days, as the local standards are.
public struct TransferProgress: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Requested; the receiving team has not decided.
        case awaitingDecision
        /// Accepted; the receiving team has not yet visited the child.
        case awaitingVisit
        /// Accepted and the child visited by the receiving team.
        case completed
        case rejected

        /// Requested and not yet finished: awaiting the decision or the first visit.
        public static let inFlight: [Stage] = [.awaitingDecision, .awaitingVisit]
    }

    public var id: String
    public var fromTeam: String
    public var toTeam: String
    public var reason: String?
    /// The day the event that made it due happened.
    public var prompted: CivilDate?
    public var requested: CivilDate
    public var acceptanceDue: CivilDate
    public var accepted: CivilDate?
    public var rejected: CivilDate?
    public var rejectionReason: String?
    public var delayReason: String?
    /// The first day a worker of the receiving team held the case, once accepted.
    public var allocated: CivilDate?
    public var firstVisitDue: CivilDate?
    public var firstVisit: CivilDate?

    public init(id: String, fromTeam: String, toTeam: String, reason: String? = nil, prompted: CivilDate? = nil, requested: CivilDate,
                acceptanceDue: CivilDate, accepted: CivilDate? = nil, rejected: CivilDate? = nil, rejectionReason: String? = nil,
                delayReason: String? = nil, allocated: CivilDate? = nil, firstVisitDue: CivilDate? = nil, firstVisit: CivilDate? = nil) {
        self.id = id; self.fromTeam = fromTeam; self.toTeam = toTeam; self.reason = reason; self.prompted = prompted
        self.requested = requested; self.acceptanceDue = acceptanceDue; self.accepted = accepted; self.rejected = rejected
        self.rejectionReason = rejectionReason; self.delayReason = delayReason; self.allocated = allocated
        self.firstVisitDue = firstVisitDue; self.firstVisit = firstVisit
    }

    public var stage: Stage {
        if rejected != nil { return .rejected }
        guard accepted != nil else { return .awaitingDecision }
        return firstVisit == nil ? .awaitingVisit : .completed
    }

    /// The day it was accepted or rejected.
    public var decided: CivilDate? { accepted ?? rejected }

    /// Accepted after its due date, or still waiting for a decision after it (as of `today`).
    public func acceptanceBreached(asOf today: CivilDate) -> Bool {
        guard rejected == nil else { return false }
        return (accepted ?? today) > acceptanceDue
    }

    /// Visited after its due date, or still not visited after it (as of `today`).
    public func visitBreached(asOf today: CivilDate) -> Bool {
        guard let firstVisitDue else { return false }
        return (firstVisit ?? today) > firstVisitDue
    }

    public func breached(asOf today: CivilDate) -> Bool { acceptanceBreached(asOf: today) || visitBreached(asOf: today) }

    /// Working days at each step, to the step's day or (while it is the step in progress) to
    /// `today`: request to decision, acceptance to a worker allocated, acceptance to first visit.
    public func days(asOf today: CivilDate, calendar: WorkingDayCalendar) -> StepDays {
        let decisionDay = decided ?? today
        guard let accepted else {
            return StepDays(toDecision: calendar.workingDays(from: requested, to: decisionDay), toAllocation: nil, toFirstVisit: nil)
        }
        return StepDays(toDecision: calendar.workingDays(from: requested, to: accepted),
                        toAllocation: calendar.workingDays(from: accepted, to: allocated ?? today),
                        toFirstVisit: calendar.workingDays(from: accepted, to: firstVisit ?? today))
    }

    public struct StepDays: Sendable, Hashable {
        public let toDecision: Int
        public let toAllocation: Int?
        public let toFirstVisit: Int?

        public init(toDecision: Int, toAllocation: Int?, toFirstVisit: Int?) {
            self.toDecision = toDecision; self.toAllocation = toAllocation; self.toFirstVisit = toFirstVisit
        }
    }
}
