public struct StrategyDiscussion: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate
    /// Whether s47 enquiries were initiated at this discussion (the ICPC clock starts only then).
    public var s47Initiated: Bool

    public init(id: String, date: CivilDate, s47Initiated: Bool) {
        self.id = id; self.date = date; self.s47Initiated = s47Initiated
    }
}

public struct S47Enquiry: Sendable, Hashable, Codable {
    public var id: String
    public var strategyDiscussionID: String?
    public var start: CivilDate
    public var end: CivilDate?
    /// False when the enquiry concluded that no initial conference is needed.
    public var conferenceRequired: Bool?

    public init(id: String, strategyDiscussionID: String? = nil, start: CivilDate, end: CivilDate? = nil,
                conferenceRequired: Bool? = nil) {
        self.id = id; self.strategyDiscussionID = strategyDiscussionID; self.start = start
        self.end = end; self.conferenceRequired = conferenceRequired
    }
}

public struct Conference: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case initial, review
    }

    public var id: String
    public var kind: Kind
    public var date: CivilDate

    public init(id: String, kind: Kind, date: CivilDate) {
        self.id = id; self.kind = kind; self.date = date
    }
}

/// Categories of abuse (CIN census codes NEG, PHY, SAB, EMO, MUL).
public enum AbuseCategory: String, Sendable, Hashable, Codable {
    case neglect, physical, sexual, emotional, multiple
}

public struct CPPlan: Sendable, Hashable, Codable {
    public var id: String
    /// The date of the conference that made the plan.
    public var start: CivilDate
    public var end: CivilDate?
    public var category: AbuseCategory?

    public init(id: String, start: CivilDate, end: CivilDate? = nil, category: AbuseCategory? = nil) {
        self.id = id; self.start = start; self.end = end; self.category = category
    }
}

public struct CINPlan: Sendable, Hashable, Codable {
    public var id: String
    public var start: CivilDate
    public var end: CivilDate?

    public init(id: String, start: CivilDate, end: CivilDate? = nil) {
        self.id = id; self.start = start; self.end = end
    }
}

/// A visit to the child by a practitioner. One visit can meet several visiting standards at
/// once (a child on a CP plan who is also looked after).
public struct Visit: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate
    /// Whether the child was seen; nil = not recorded (treated as seen: see docs/timescales.md).
    public var seen: Bool?
    public var seenAlone: Bool?
    /// The visiting team and worker; when absent, the allocation on the visit date.
    public var teamID: String?
    public var workerID: String?

    public init(id: String, date: CivilDate, seen: Bool? = nil, seenAlone: Bool? = nil,
                teamID: String? = nil, workerID: String? = nil) {
        self.id = id; self.date = date; self.seen = seen; self.seenAlone = seenAlone
        self.teamID = teamID; self.workerID = workerID
    }
}
