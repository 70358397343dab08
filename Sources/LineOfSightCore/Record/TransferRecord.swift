/// A transfer of the child's case to another team (M7): requested by the team holding the case,
/// then accepted or rejected by the receiving team's manager. Accepting allocates the child to the
/// receiving team from that day, so the allocation history shows the move.
public struct TransferRecord: JourneyRecord {
    public static let list = JourneyList.transfers

    public enum Decision: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, rejected
    }

    public var requested: CivilDate
    /// The team the case moves from: the one holding it on the day of the request. Kept in the
    /// record because accepting changes the allocation history it was checked against.
    public var fromTeam: String
    public var toTeam: String
    /// Why the case moves. (Not `reason`: a correction's own reason goes by that name in its form.)
    public var grounds: String
    /// The stored event that made the transfer due (an assessment authorised with a CIN outcome, a
    /// child protection plan …).
    public var promptedByID: String?
    public var decision: Decision?
    public var decided: CivilDate?
    public var rejectionReason: String?
    /// Why it was accepted later than the local standard, when it was.
    public var delayReason: String?
    /// The receiving team's worker the child is allocated to on acceptance; nil leaves them in the
    /// team's unallocated queue until the manager allocates.
    public var workerID: String?

    public init(requested: CivilDate, fromTeam: String, toTeam: String, grounds: String, promptedByID: String? = nil,
                decision: Decision? = nil, decided: CivilDate? = nil, rejectionReason: String? = nil, delayReason: String? = nil,
                workerID: String? = nil) {
        self.requested = requested; self.fromTeam = fromTeam; self.toTeam = toTeam; self.grounds = grounds
        self.promptedByID = promptedByID; self.decision = decision; self.decided = decided
        self.rejectionReason = rejectionReason; self.delayReason = delayReason; self.workerID = workerID
    }

    public var date: CivilDate { requested }
    public var dates: [RecordDate] {
        [RecordDate("requested", "The date of the request", requested), RecordDate("decided", "The date of the decision", decided)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.transfers.append(Transfer(
            id: id, fromTeam: fromTeam, toTeam: toTeam,
            assessmentCompleted: promptedByID.flatMap { journey.transferPrompt($0)?.date }, requested: requested,
            accepted: decision == .accepted ? decided : nil, rejected: decision == .rejected ? decided : nil,
            grounds: grounds, rejectionReason: rejectionReason, delayReason: delayReason))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if toTeam == fromTeam {
            problems.append(RecordProblem("toTeam", "Select a team other than the one the case moves from"))
        }
        // Until it is decided: once accepted, the child's allocation history shows the move.
        if decision == nil, context.journey.allocation(on: requested)?.teamID != fromTeam {
            problems.append(RecordProblem("fromTeam", "Select the team the child was allocated to on the date of the request"))
        }
        if decision == nil, context.journey.transfers.contains(where: { $0.accepted == nil && $0.rejected == nil }) {
            problems.append(RecordProblem("toTeam", "A transfer of this child is already waiting for a decision"))
        }
        if let promptedByID {
            if let prompt = context.journey.transferPrompt(promptedByID) {
                if prompt.date > requested {
                    problems.append(RecordProblem("promptedByID", "Select a record from on or before the date of the request"))
                }
            } else {
                problems.append(RecordProblem("promptedByID", "Select one of this child’s records from the list"))
            }
        }
        if let decided, decided < requested {
            problems.append(RecordProblem("decided", "The date of the decision must be on or after the date of the request"))
        }
        if decided != nil, decision == nil { problems.append(RecordProblem("decision", "Select whether the transfer was accepted or rejected")) }
        if decision != nil, decided == nil { problems.append(RecordProblem("decided", "Enter the date of the decision")) }
        if decision == .rejected, rejectionReason?.isEmpty ?? true {
            problems.append(RecordProblem("rejectionReason", "Enter why the transfer was rejected"))
        }
        if workerID != nil, decision != .accepted {
            problems.append(RecordProblem("workerID", "Choose a worker only when the transfer is accepted"))
        }
        return problems
    }
}

extension Journey {
    /// The team and worker holding the child's case on `date`.
    public func allocation(on date: CivilDate) -> Allocation? {
        allocations.last { $0.start <= date && ($0.end.map { date <= $0 } ?? true) }
    }

    /// The event of this journey that can make a transfer due, by id, and the day it did: an
    /// assessment when authorised, a plan or a period of care when it started.
    public func transferPrompt(_ id: String) -> (id: String, date: CivilDate)? {
        if let assessment = assessments.first(where: { $0.id == id }) { return assessment.authorised.map { (id, $0) } }
        if let plan = cpPlans.first(where: { $0.id == id }) { return (id, plan.start) }
        if let plan = cinPlans.first(where: { $0.id == id }) { return (id, plan.start) }
        if let period = periodsOfCare.first(where: { $0.id == id }) { return (id, period.start) }
        return nil
    }
}
