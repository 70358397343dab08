/// The permanence plan: the plan (or parallel plans) for the child's long-term upbringing, when it
/// was agreed, and at which review. It meets the permanence plan due by the second review.
public struct PermanencePlanRecord: JourneyRecord {
    public static let list = JourneyList.permanencePlans

    /// The date the plan was agreed.
    public var date: CivilDate
    /// `PermanenceCodes.plans`: more than one while plans run in parallel.
    public var plans: [String]
    /// The looked-after review at which it was agreed (a stored event id), if it was at one.
    public var reviewID: String?
    public var notes: String?
    public var childsViews: String?

    public init(date: CivilDate, plans: [String], reviewID: String? = nil, notes: String? = nil, childsViews: String? = nil) {
        self.date = date; self.plans = plans; self.reviewID = reviewID; self.notes = notes; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date the plan was agreed", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.permanencePlans.append(PermanencePlan(id: id, date: date, plans: plans))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: date, field: "date", what: "a permanence plan agreed for them")
        if plans.isEmpty {
            problems.append(RecordProblem("plans", "Select the permanence plan"))
        } else if plans.contains(where: { !PermanenceCodes.plans.contains($0) }) {
            problems.append(RecordProblem("plans", "Select each plan from the list"))
        }
        if let reviewID {
            if let review = context.journey.lacReviews.first(where: { $0.id == reviewID }) {
                if review.date != date {
                    problems.append(RecordProblem("reviewID", "That review was held on \(review.date.long): the plan agreed at it has the same date"))
                }
            } else {
                problems.append(RecordProblem("reviewID", "Choose a looked-after review recorded for this child"))
            }
        }
        return problems
    }
}

/// A way to permanence considered for the child — return home, family and friends, special
/// guardianship, adoption, long-term fostering … — the assessment of it, and its outcome.
public struct PermanenceOptionRecord: JourneyRecord {
    public static let list = JourneyList.permanenceOptions

    public var route: PermanenceOption.Route
    public var considered: CivilDate
    /// Who: the relative, friend or carers assessed.
    public var who: String?
    public var assessment: PermanenceOption.Assessment?
    public var assessmentStarted: CivilDate?
    public var assessmentCompleted: CivilDate?
    public var outcome: PermanenceOption.Outcome?
    /// The date it was pursued or ruled out.
    public var decided: CivilDate?
    public var reason: String?
    public var childsViews: String?

    public init(route: PermanenceOption.Route, considered: CivilDate, who: String? = nil, assessment: PermanenceOption.Assessment? = nil,
                assessmentStarted: CivilDate? = nil, assessmentCompleted: CivilDate? = nil, outcome: PermanenceOption.Outcome? = nil,
                decided: CivilDate? = nil, reason: String? = nil, childsViews: String? = nil) {
        self.route = route; self.considered = considered; self.who = who; self.assessment = assessment
        self.assessmentStarted = assessmentStarted; self.assessmentCompleted = assessmentCompleted; self.outcome = outcome
        self.decided = decided; self.reason = reason; self.childsViews = childsViews
    }

    public var date: CivilDate { considered }
    public var dates: [RecordDate] {
        [RecordDate("considered", "The date it was considered", considered),
         RecordDate("assessmentStarted", "The date the assessment started", assessmentStarted),
         RecordDate("assessmentCompleted", "The date the assessment was completed", assessmentCompleted),
         RecordDate("decided", "The date of the decision", decided)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.permanenceOptions.append(PermanenceOption(id: id, route: route, considered: considered, assessment: assessment,
                                                          assessmentStarted: assessmentStarted, assessmentCompleted: assessmentCompleted,
                                                          outcome: outcome, decided: decided))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if assessment == nil, assessmentStarted != nil || assessmentCompleted != nil {
            problems.append(RecordProblem("assessment", "Select the assessment, or leave its dates empty"))
        }
        if assessment == .returnHomeRisk, route != .returnHome {
            problems.append(RecordProblem("assessment", "A risk assessment of a return home is for the option of returning home"))
        }
        if assessmentCompleted != nil, assessmentStarted == nil {
            problems.append(RecordProblem("assessmentStarted", "Enter the date the assessment started"))
        }
        if let started = assessmentStarted, let completed = assessmentCompleted, completed < started {
            problems.append(RecordProblem("assessmentCompleted", "The date the assessment was completed must be on or after the date it started"))
        }
        if let started = assessmentStarted, started < considered {
            problems.append(RecordProblem("assessmentStarted", "The assessment cannot start before the option was considered"))
        }
        if outcome != nil, decided == nil {
            problems.append(RecordProblem("decided", "Enter the date of the decision"))
        }
        if decided != nil, outcome == nil {
            problems.append(RecordProblem("outcome", "Select whether it is being pursued or was ruled out"))
        }
        if let decided, decided < considered {
            problems.append(RecordProblem("decided", "The date of the decision must be on or after the date it was considered"))
        }
        if outcome == .ruledOut, (reason ?? "").isEmpty {
            problems.append(RecordProblem("reason", "Enter why it was ruled out"))
        }
        return problems
    }
}

/// A permanence planning meeting, or a panel's or agency decision maker's decision about the
/// child's permanence. The actions it sets are actions (`ActionRecord.sourceID`).
public struct PermanenceDecisionRecord: JourneyRecord {
    public static let list = JourneyList.permanenceDecisions

    public enum Forum: String, Sendable, Hashable, Codable, CaseIterable {
        case planningMeeting, permanencePanel, fosteringPanel, adoptionPanel, agencyDecisionMaker, nominatedOfficer
    }

    public var date: CivilDate
    public var forum: Forum
    public var decision: String
    /// The route decided on or recommended, if the decision is about one.
    public var route: PermanenceOption.Route?
    public var chairID: String?
    /// The milestone the decision concludes, if any: the connected-person carers' full assessment,
    /// or the long-term fostering match.
    public var concludes: PermanenceDecision.Milestone?
    public var childsViews: String?

    public init(date: CivilDate, forum: Forum, decision: String, route: PermanenceOption.Route? = nil, chairID: String? = nil,
                concludes: PermanenceDecision.Milestone? = nil, childsViews: String? = nil) {
        self.date = date; self.forum = forum; self.decision = decision; self.route = route; self.chairID = chairID
        self.concludes = concludes; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the decision", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.permanenceMeetings.append(PermanenceDecision(id: id, date: date, concludes: concludes))
    }

    /// Who may conclude each milestone: the fostering panel recommends and the agency decision
    /// maker decides on connected carers' approval (CPPCR 2010 reg 24–25, Fostering Services
    /// Regulations 2011); a nominated officer approves a long-term foster placement (CPPCR 2010 as
    /// amended in 2015), or the agency decision maker where the council's scheme of delegation says so.
    public static func forums(concluding milestone: PermanenceDecision.Milestone) -> [Forum] {
        switch milestone {
        case .connectedPersonAssessment: [.fosteringPanel, .agencyDecisionMaker]
        case .longTermFosteringMatch: [.nominatedOfficer, .agencyDecisionMaker]
        }
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: date, field: "date", what: "a decision about their permanence")
        if let concludes, !Self.forums(concluding: concludes).contains(forum) {
            problems.append(RecordProblem("concludes", concludes == .connectedPersonAssessment
                ? "The full assessment of family or friends as foster carers is concluded by the fostering panel or the agency decision maker"
                : "A long-term fostering match is approved by a nominated officer or the agency decision maker"))
        }
        if let concludes, let route, route != concludes.route {
            problems.append(RecordProblem("route", concludes == .connectedPersonAssessment
                ? "The full assessment of family or friends as foster carers is about living with family or friends"
                : "A long-term fostering match is about long-term fostering"))
        }
        return problems
    }
}
