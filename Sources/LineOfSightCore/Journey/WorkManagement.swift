/// An allegation against a person who works with children, referred to the LADO.
public struct Allegation: Sendable, Hashable, Codable {
    public var id: String
    public var referred: CivilDate
    public var concluded: CivilDate?
    /// substantiated, malicious, false, unsubstantiated, unfounded.
    public var outcome: String?
    /// The LADO officer handling it.
    public var officerID: String?

    public init(id: String, referred: CivilDate, concluded: CivilDate? = nil, outcome: String? = nil, officerID: String? = nil) {
        self.id = id; self.referred = referred; self.concluded = concluded; self.outcome = outcome; self.officerID = officerID
    }
}

/// A transfer of the child's case between teams: requested by the team holding the case, then
/// accepted or rejected by the receiving team's manager.
public struct Transfer: Sendable, Hashable, Codable {
    public var id: String
    public var fromTeam: String
    public var toTeam: String
    /// The day the event that made the transfer due happened (an assessment authorised, a plan
    /// started): the start of the transfer tracker's measure.
    public var assessmentCompleted: CivilDate?
    public var requested: CivilDate
    public var accepted: CivilDate?
    /// Refused by the receiving team: the transfer is no longer awaited.
    public var rejected: CivilDate?
    /// Why the case moves (a CP plan made, an assessment with a CIN outcome …).
    public var grounds: String?
    public var rejectionReason: String?
    /// Why it was accepted later than the local standard, when it was.
    public var delayReason: String?

    public init(id: String, fromTeam: String, toTeam: String, assessmentCompleted: CivilDate? = nil,
                requested: CivilDate, accepted: CivilDate? = nil, rejected: CivilDate? = nil, grounds: String? = nil,
                rejectionReason: String? = nil, delayReason: String? = nil) {
        self.id = id; self.fromTeam = fromTeam; self.toTeam = toTeam
        self.assessmentCompleted = assessmentCompleted; self.requested = requested; self.accepted = accepted
        self.rejected = rejected; self.grounds = grounds; self.rejectionReason = rejectionReason; self.delayReason = delayReason
    }
}

/// An action from a plan, meeting, supervision or audit: what, who, by when.
public struct Action: Sendable, Hashable, Codable {
    public var id: String
    public var description: String
    public var ownerID: String?
    public var teamID: String?
    /// When the action was set (its clock start; the due date when not recorded).
    public var raised: CivilDate?
    public var due: CivilDate
    public var done: CivilDate?
    /// Cancelled actions are not applicable from this date.
    public var cancelled: CivilDate?

    public init(id: String, description: String, ownerID: String? = nil, teamID: String? = nil,
                raised: CivilDate? = nil, due: CivilDate, done: CivilDate? = nil, cancelled: CivilDate? = nil) {
        self.id = id; self.description = description; self.ownerID = ownerID; self.teamID = teamID
        self.raised = raised; self.due = due; self.done = done; self.cancelled = cancelled
    }
}

/// The team (and worker, once allocated) responsible for the child over a span of time.
/// A child's allocation to a team (and usually a worker). `start` and `end` are both days of the
/// allocation; an open allocation has no end. Successive allocations are gap-free.
public struct Allocation: Sendable, Hashable, Codable {
    public var teamID: String
    /// Nil while the child waits in the team's unallocated queue.
    public var workerID: String?
    public var start: CivilDate
    public var end: CivilDate?

    public init(teamID: String, workerID: String? = nil, start: CivilDate, end: CivilDate? = nil) {
        self.teamID = teamID; self.workerID = workerID; self.start = start; self.end = end
    }

    /// The last day of an allocation succeeded by one starting on `next`: the day before, so each
    /// day has exactly one responsible team.
    public static func lastDay(whenSucceededOn next: CivilDate) -> CivilDate {
        next.adding(days: -1)
    }
}

/// A staff member's case supervision: obligations about it are keyed on the staff member.
public struct StaffSupervision: Sendable, Hashable, Codable {
    public var staffID: String
    public var teamID: String?
    /// The supervising manager, responsible for the sessions.
    public var managerID: String?
    /// Started in post (or started holding cases).
    public var start: CivilDate
    public var end: CivilDate?
    /// In the assessed and supported year in employment (newly qualified).
    public var newlyQualified: Bool?
    public var sessions: [DatedRecord]

    public init(staffID: String, teamID: String? = nil, managerID: String? = nil, start: CivilDate, end: CivilDate? = nil,
                newlyQualified: Bool? = nil, sessions: [DatedRecord] = []) {
        self.staffID = staffID; self.teamID = teamID; self.managerID = managerID; self.start = start; self.end = end
        self.newlyQualified = newlyQualified; self.sessions = sessions
    }
}
