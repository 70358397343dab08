/// The needs assessment of an eligible child, the start of their pathway plan.
public struct NeedsAssessmentRecord: JourneyRecord {
    public static let list = JourneyList.needsAssessments

    public var date: CivilDate
    public var summary: String?
    public var childsViews: String?

    public init(date: CivilDate, summary: String? = nil, childsViews: String? = nil) {
        self.date = date; self.summary = summary; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date the assessment was completed", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.needsAssessments.append(DatedRecord(id: id, date: date))
    }
}

/// A care leaver's pathway plan, or a review of it: reviewed at least every 6 months.
public struct PathwayPlanRecord: JourneyRecord {
    public static let list = JourneyList.pathwayPlans

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case plan, review
    }

    public var kind: Kind
    public var date: CivilDate
    /// The personal adviser (a member of staff).
    public var adviserID: String?
    /// Accommodation, education and work, health, money, relationships and support.
    public var summary: String?
    public var childsViews: String?

    public init(kind: Kind, date: CivilDate, adviserID: String? = nil, summary: String? = nil, childsViews: String? = nil) {
        self.kind = kind; self.date = date; self.adviserID = adviserID; self.summary = summary; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the plan", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.pathwayPlans.append(DatedRecord(id: id, date: date))
    }
}

/// Keeping in touch with a care leaver: whether they are in touch, where they live and what they
/// do, in the codes the return reports (OC3).
public struct CareLeaverContactRecord: JourneyRecord {
    public static let list = JourneyList.careLeaverContacts

    public var date: CivilDate
    /// `CareLeaverCodes.inTouch`.
    public var inTouch: String
    /// `CareLeaverCodes.accommodation` (the letter).
    public var accommodation: String?
    public var accommodationSuitable: Bool?
    /// `CareLeaverCodes.activities`.
    public var activity: String?
    public var notes: String?
    public var childsViews: String?

    public init(date: CivilDate, inTouch: String, accommodation: String? = nil, accommodationSuitable: Bool? = nil,
                activity: String? = nil, notes: String? = nil, childsViews: String? = nil) {
        self.date = date; self.inTouch = inTouch; self.accommodation = accommodation; self.accommodationSuitable = accommodationSuitable
        self.activity = activity; self.notes = notes; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the contact", date)] }

    /// Not a fact any timescale depends on: it is kept for the care leavers' list and the return.
    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if !CareLeaverCodes.inTouch.contains(inTouch) { problems.append(RecordProblem("inTouch", "Select whether they are in touch from the list")) }
        if let accommodation {
            if !CareLeaverCodes.accommodation.contains(accommodation) {
                problems.append(RecordProblem("accommodation", "Select where they live from the list"))
            } else if accommodationSuitable == true, CareLeaverCodes.neverSuitable.contains(accommodation) {
                problems.append(RecordProblem("accommodationSuitable", "Being homeless or in custody cannot be suitable accommodation"))
            }
        }
        if let activity, !CareLeaverCodes.activities.contains(activity) {
            problems.append(RecordProblem("activity", "Select what they do from the list"))
        }
        return problems
    }
}

/// A personal adviser appointed for a care leaver (to 25).
public struct PersonalAdviserRecord: JourneyRecord {
    public static let list = JourneyList.personalAdvisers

    public var date: CivilDate
    public var adviserID: String
    public var notes: String?

    public init(date: CivilDate, adviserID: String, notes: String? = nil) {
        self.date = date; self.adviserID = adviserID; self.notes = notes
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date they were appointed", date)] }

    /// Not a fact any timescale depends on (the adviser is who the care leavers' list names).
    public func project(id: String, into journey: inout Journey) {}
}

/// Staying put: a young person stays with their former foster carers after 18 (to 21).
public struct StayingPutRecord: JourneyRecord {
    public static let list = JourneyList.stayingPut

    public var start: CivilDate
    public var end: CivilDate?
    public var carers: String?
    public var notes: String?

    public init(start: CivilDate, end: CivilDate? = nil, carers: String? = nil, notes: String? = nil) {
        self.start = start; self.end = end; self.carers = carers; self.notes = notes
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The date the arrangement started", start), RecordDate("end", "The date it ended", end)]
    }

    /// Not a fact any timescale depends on.
    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        if let end, end < start { return [RecordProblem("end", "The date it ended must be on or after the date it started")] }
        if let born = context.dateOfBirth, start < born.birthday(age: 18) {
            return [RecordProblem("start", "Staying put starts at 18 or later: the young person is 18 on \(born.birthday(age: 18).long)")]
        }
        return []
    }
}

/// An independent reviewing officer's escalation of a concern about a child's plan, under the
/// council's dispute resolution process, until it is resolved.
public struct IROEscalationRecord: JourneyRecord {
    public static let list = JourneyList.iroEscalations

    public var raised: CivilDate
    /// The stage of the dispute resolution process, 1 (informal, with the social worker) to 5
    /// (referral to Cafcass).
    public var stage: String
    public var concern: String?
    public var resolved: CivilDate?
    public var outcome: String?

    public static let stages: CodeList = [
        ("1", "Informal: raised with the social worker"),
        ("2", "Raised with the team manager"),
        ("3", "Raised with the head of service"),
        ("4", "Raised with the director"),
        ("5", "Referred to Cafcass"),
    ]

    public init(raised: CivilDate, stage: String, concern: String? = nil, resolved: CivilDate? = nil, outcome: String? = nil) {
        self.raised = raised; self.stage = stage; self.concern = concern; self.resolved = resolved; self.outcome = outcome
    }

    public var date: CivilDate { raised }
    public var dates: [RecordDate] {
        [RecordDate("raised", "The date it was raised", raised), RecordDate("resolved", "The date it was resolved", resolved)]
    }

    /// Not a fact any timescale depends on (open escalations are listed for the reviewing officer).
    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if !Self.stages.contains(stage) { problems.append(RecordProblem("stage", "Select the stage from the list")) }
        if let resolved, resolved < raised {
            problems.append(RecordProblem("resolved", "The date it was resolved must be on or after the date it was raised"))
        }
        return problems
    }
}
