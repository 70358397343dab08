/// A referral: a request for services for a child not currently open, and the decision on it.
public struct ReferralRecord: JourneyRecord {
    public static let list = JourneyList.referrals

    public var received: CivilDate
    public var source: String?
    /// What the referrer is worried about.
    public var concerns: String?
    /// When the next steps were decided, and whether that was no further action.
    public var decided: CivilDate?
    public var noFurtherAction: Bool?
    public var decisionRationale: String?

    public init(received: CivilDate, source: String? = nil, concerns: String? = nil, decided: CivilDate? = nil,
                noFurtherAction: Bool? = nil, decisionRationale: String? = nil) {
        self.received = received; self.source = source; self.concerns = concerns; self.decided = decided
        self.noFurtherAction = noFurtherAction; self.decisionRationale = decisionRationale
    }

    public var date: CivilDate { received }
    public var dates: [RecordDate] {
        [RecordDate("received", "The date the referral was received", received),
         RecordDate("decided", "The date of the decision", decided)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.referrals.append(Referral(id: id, received: received, decided: decided, noFurtherAction: noFurtherAction, source: source))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let decided, decided < received {
            problems.append(RecordProblem("decided", "The date of the decision must be on or after the date the referral was received"))
        }
        if decided == nil, noFurtherAction != nil {
            problems.append(RecordProblem("decided", "Enter the date of the decision"))
        }
        return problems
    }
}

/// A child and family assessment, from its start to the manager's authorisation.
public struct AssessmentRecord: JourneyRecord {
    public static let list = JourneyList.assessments

    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case noFurtherAction, earlyHelp, childInNeedPlan, strategyDiscussion, lookedAfter
    }

    /// The referral it answers (a stored event id); when absent, the latest referral before its start.
    public var referralID: String?
    public var start: CivilDate
    public var childSeen: CivilDate?
    public var completed: CivilDate?
    /// Authorised by the team manager: this meets the assessment timescale.
    public var authorised: CivilDate?
    public var outcome: Outcome?
    public var analysis: String?
    public var childsViews: String?

    public init(referralID: String? = nil, start: CivilDate, childSeen: CivilDate? = nil, completed: CivilDate? = nil,
                authorised: CivilDate? = nil, outcome: Outcome? = nil, analysis: String? = nil, childsViews: String? = nil) {
        self.referralID = referralID; self.start = start; self.childSeen = childSeen; self.completed = completed
        self.authorised = authorised; self.outcome = outcome; self.analysis = analysis; self.childsViews = childsViews
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The start date", start), RecordDate("childSeen", "The date the child was seen", childSeen),
         RecordDate("completed", "The date the assessment was completed", completed),
         RecordDate("authorised", "The date the assessment was authorised", authorised)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.assessments.append(Assessment(id: id, referralID: referralID, start: start, authorised: authorised))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let referralID, !context.journey.referrals.contains(where: { $0.id == referralID }) {
            problems.append(RecordProblem("referralID", "Choose a referral recorded for this child"))
        }
        for (field, name, value) in [("childSeen", "The date the child was seen", childSeen),
                                     ("completed", "The date the assessment was completed", completed)] {
            if let value, value < start { problems.append(RecordProblem(field, "\(name) must be on or after the start date")) }
        }
        if let authorised {
            if let completed, authorised < completed {
                problems.append(RecordProblem("authorised", "The date the assessment was authorised must be on or after the date it was completed"))
            } else if completed == nil {
                problems.append(RecordProblem("completed", "Enter the date the assessment was completed before it is authorised"))
            }
        }
        if authorised != nil, outcome == nil {
            problems.append(RecordProblem("outcome", "Select the outcome of the assessment"))
        }
        return problems
    }
}
