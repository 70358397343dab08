/// A strategy discussion, and whether it initiated s47 enquiries (which starts the ICPC clock).
public struct StrategyDiscussionRecord: JourneyRecord {
    public static let list = JourneyList.strategyDiscussions

    public enum Agency: String, Sendable, Hashable, Codable, CaseIterable {
        case socialCare, police, health, education, other
    }

    public var date: CivilDate
    public var agencies: [Agency]
    public var s47Initiated: Bool
    public var rationale: String?

    public init(date: CivilDate, agencies: [Agency], s47Initiated: Bool, rationale: String? = nil) {
        self.date = date; self.agencies = agencies; self.s47Initiated = s47Initiated; self.rationale = rationale
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the strategy discussion", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.strategyDiscussions.append(StrategyDiscussion(id: id, date: date, s47Initiated: s47Initiated))
    }
}

/// Enquiries under section 47, from their start to their outcome.
public struct S47EnquiryRecord: JourneyRecord {
    public static let list = JourneyList.s47Enquiries

    public var strategyDiscussionID: String?
    public var start: CivilDate
    public var end: CivilDate?
    /// Whether the enquiry concluded that an initial conference is needed.
    public var conferenceRequired: Bool?
    public var outcome: String?

    public init(strategyDiscussionID: String? = nil, start: CivilDate, end: CivilDate? = nil, conferenceRequired: Bool? = nil,
                outcome: String? = nil) {
        self.strategyDiscussionID = strategyDiscussionID; self.start = start; self.end = end
        self.conferenceRequired = conferenceRequired; self.outcome = outcome
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The start date", start), RecordDate("end", "The end date", end)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.s47Enquiries.append(S47Enquiry(id: id, strategyDiscussionID: strategyDiscussionID, start: start, end: end,
                                               conferenceRequired: conferenceRequired))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let strategyDiscussionID {
            if let discussion = context.journey.strategyDiscussions.first(where: { $0.id == strategyDiscussionID }) {
                if start < discussion.date {
                    problems.append(RecordProblem("start", "The start date must be on or after the strategy discussion"))
                }
            } else {
                problems.append(RecordProblem("strategyDiscussionID", "Choose a strategy discussion recorded for this child"))
            }
        }
        if let end, end < start { problems.append(RecordProblem("end", "The end date must be on or after the start date")) }
        return problems
    }
}

/// An initial or review child protection conference and its decision.
public struct ConferenceRecord: JourneyRecord {
    public static let list = JourneyList.conferences

    public var kind: Conference.Kind
    public var date: CivilDate
    /// Whether the child needs (or still needs) a child protection plan.
    public var planNeeded: Bool
    public var category: AbuseCategory?
    public var childsViews: String?
    public var decisionNotes: String?

    public init(kind: Conference.Kind, date: CivilDate, planNeeded: Bool, category: AbuseCategory? = nil,
                childsViews: String? = nil, decisionNotes: String? = nil) {
        self.kind = kind; self.date = date; self.planNeeded = planNeeded; self.category = category
        self.childsViews = childsViews; self.decisionNotes = decisionNotes
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the conference", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.conferences.append(Conference(id: id, kind: kind, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        let initiating = context.journey.strategyDiscussions.filter(\.s47Initiated)
        if kind == .initial, !initiating.isEmpty, !initiating.contains(where: { $0.date <= date }) {
            problems.append(RecordProblem("date", "The date of the conference must be on or after the strategy discussion that started the enquiries"))
        }
        if planNeeded, category == nil {
            problems.append(RecordProblem("category", "Select the category of abuse"))
        }
        return problems
    }
}

/// A child protection plan: its span, category, what it must achieve and the contingency.
public struct CPPlanRecord: JourneyRecord {
    public static let list = JourneyList.cpPlans

    public var start: CivilDate
    public var end: CivilDate?
    public var category: AbuseCategory?
    public var outcomes: String?
    public var contingency: String?
    public var childsViews: String?

    public init(start: CivilDate, end: CivilDate? = nil, category: AbuseCategory? = nil, outcomes: String? = nil,
                contingency: String? = nil, childsViews: String? = nil) {
        self.start = start; self.end = end; self.category = category; self.outcomes = outcomes
        self.contingency = contingency; self.childsViews = childsViews
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] { PlanSpan.dates(start: start, end: end) }

    public func project(id: String, into journey: inout Journey) {
        journey.cpPlans.append(CPPlan(id: id, start: start, end: end, category: category))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] { PlanSpan.problems(start: start, end: end) }
}

/// A child in need plan.
public struct CINPlanRecord: JourneyRecord {
    public static let list = JourneyList.cinPlans

    public var start: CivilDate
    public var end: CivilDate?
    public var outcomes: String?
    public var contingency: String?
    public var childsViews: String?

    public init(start: CivilDate, end: CivilDate? = nil, outcomes: String? = nil, contingency: String? = nil, childsViews: String? = nil) {
        self.start = start; self.end = end; self.outcomes = outcomes; self.contingency = contingency; self.childsViews = childsViews
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] { PlanSpan.dates(start: start, end: end) }

    public func project(id: String, into journey: inout Journey) {
        journey.cinPlans.append(CINPlan(id: id, start: start, end: end))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] { PlanSpan.problems(start: start, end: end) }
}

/// A core group meeting of the child's protection plan.
public struct CoreGroupRecord: JourneyRecord {
    public static let list = JourneyList.coreGroups

    public var date: CivilDate
    public var notes: String?
    public var childsViews: String?

    public init(date: CivilDate, notes: String? = nil, childsViews: String? = nil) {
        self.date = date; self.notes = notes; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the meeting", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.coreGroups.append(DatedRecord(id: id, date: date))
    }
}

/// The start and end of a plan: the same rules for every kind of plan.
enum PlanSpan {
    static func dates(start: CivilDate, end: CivilDate?) -> [RecordDate] {
        [RecordDate("start", "The start date", start), RecordDate("end", "The end date", end)]
    }

    static func problems(start: CivilDate, end: CivilDate?) -> [RecordProblem] {
        guard let end, end < start else { return [] }
        return [RecordProblem("end", "The end date must be on or after the start date")]
    }
}
