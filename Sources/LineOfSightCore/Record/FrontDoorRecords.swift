/// A contact: information or a request about a child received at the front door, screened by a
/// worker, its next step authorised by a manager, and the person who made it told the outcome.
public struct ContactRecord: JourneyRecord {
    public static let list = JourneyList.contacts

    /// The next step for a contact, recommended at screening and authorised by a manager.
    public enum NextStep: String, Sendable, Hashable, Codable, CaseIterable {
        case noFurtherAction, advice, earlyHelp, referral
    }

    /// Whether the family agreed to the contact being taken further, or a manager overrode the
    /// need for their consent (with the reason).
    public enum Consent: String, Sendable, Hashable, Codable, CaseIterable {
        case obtained, overridden
    }

    public var received: CivilDate
    /// The time of day it came in, 24-hour "14:30".
    public var receivedTime: String?
    /// A CIN census referral source code (`ReferralSource`).
    public var source: String?
    /// The person or organisation who made it.
    public var referrer: String?
    public var concerns: String?
    public var consent: Consent?
    public var consentRationale: String?
    /// The worker's recommendation at screening, and why.
    public var screening: NextStep?
    public var screeningNotes: String?
    /// The manager's authorisation: this meets the contact decision timescale.
    public var decided: CivilDate?
    public var outcome: NextStep?
    public var decisionRationale: String?
    public var referrerInformed: CivilDate?

    public init(received: CivilDate, receivedTime: String? = nil, source: String? = nil, referrer: String? = nil,
                concerns: String? = nil, consent: Consent? = nil, consentRationale: String? = nil, screening: NextStep? = nil,
                screeningNotes: String? = nil, decided: CivilDate? = nil, outcome: NextStep? = nil, decisionRationale: String? = nil,
                referrerInformed: CivilDate? = nil) {
        self.received = received; self.receivedTime = receivedTime; self.source = source; self.referrer = referrer
        self.concerns = concerns; self.consent = consent; self.consentRationale = consentRationale; self.screening = screening
        self.screeningNotes = screeningNotes; self.decided = decided; self.outcome = outcome
        self.decisionRationale = decisionRationale; self.referrerInformed = referrerInformed
    }

    public var date: CivilDate { received }
    public var dates: [RecordDate] {
        [RecordDate("received", "The date the contact was received", received),
         RecordDate("decided", "The date of the decision", decided),
         RecordDate("referrerInformed", "The date they were told the outcome", referrerInformed)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.contacts.append(Contact(id: id, date: received, outcome: outcome?.rawValue, decided: decided, source: source,
                                        referrerInformed: referrerInformed))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let receivedTime, !Self.isClockTime(receivedTime) {
            problems.append(RecordProblem("receivedTime", "Enter the time as hours and minutes on the 24-hour clock, for example 14:30"))
        }
        if let source, !ReferralSource.codes.contains(source) {
            problems.append(RecordProblem("source", "Select who made the contact from the list"))
        }
        if consent == .overridden, consentRationale?.isEmpty ?? true {
            problems.append(RecordProblem("consentRationale", "Enter why consent was overridden"))
        }
        if let decided {
            if decided < received {
                problems.append(RecordProblem("decided", "The date of the decision must be on or after the date the contact was received"))
            }
            if outcome == nil { problems.append(RecordProblem("outcome", "Select the next step that was authorised")) }
        } else if outcome != nil {
            problems.append(RecordProblem("decided", "Enter the date of the decision"))
        }
        if let referrerInformed {
            if let decided, referrerInformed < decided {
                problems.append(RecordProblem("referrerInformed", "The date they were told must be on or after the date of the decision"))
            } else if decided == nil {
                problems.append(RecordProblem("referrerInformed", "Record the decision before the date they were told the outcome"))
            }
        }
        return problems
    }

    /// "14:30": hours 00–23 and minutes 00–59, with a colon.
    static func isClockTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return false }
        return (0...23).contains(hours) && (0...59).contains(minutes)
    }
}

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

    /// A re-referral is flagged from the record: another referral received in the 12 months before.
    public func remarks(id: String, in journey: Journey) -> [RecordRemark] {
        guard let referral = journey.referrals.first(where: { $0.id == id }),
              let previous = journey.previousReferral(within12MonthsOf: referral) else { return [] }
        return [RecordRemark("Re-referral", "Within 12 months of the referral received on", previous.received, eventID: previous.id)]
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
