/// Any information or request about a child received by children's social care.
public struct Contact: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate
    public var outcome: String?

    public init(id: String, date: CivilDate, outcome: String? = nil) {
        self.id = id; self.date = date; self.outcome = outcome
    }
}

/// A request for services for a child not currently open (CIN census referral).
public struct Referral: Sendable, Hashable, Codable {
    public var id: String
    /// The date the referral is effective from: the clock for the decision and the assessment.
    public var received: CivilDate
    /// When the next steps and type of response were decided.
    public var decided: CivilDate?
    /// No further action: no assessment follows.
    public var noFurtherAction: Bool?
    public var source: String?

    public init(id: String, received: CivilDate, decided: CivilDate? = nil, noFurtherAction: Bool? = nil, source: String? = nil) {
        self.id = id; self.received = received; self.decided = decided
        self.noFurtherAction = noFurtherAction; self.source = source
    }
}

/// A child and family assessment under s17 or s47.
public struct Assessment: Sendable, Hashable, Codable {
    public var id: String
    /// The referral it answers; when absent, the latest referral received on or before `start`
    /// (`Journey.referral(answering:)` decides).
    public var referralID: String?
    public var start: CivilDate
    /// Completed and authorised by the team manager.
    public var authorised: CivilDate?

    public init(id: String, referralID: String? = nil, start: CivilDate, authorised: CivilDate? = nil) {
        self.id = id; self.referralID = referralID; self.start = start; self.authorised = authorised
    }
}

extension Journey {
    /// The referral an assessment answers, whose receipt starts its 45-working-day clock: the one
    /// its `referralID` names, else the latest referral received on or before its start (the
    /// last by id on the same day). Nil when it names a referral that is not in the journey, or
    /// when no referral was received by its start: the clock then starts at the assessment itself.
    ///
    /// The one definition: the assessment obligations, the assessment timeliness measure and the
    /// data-quality findings all ask this function, so they cannot disagree about a clock.
    public func referral(answering assessment: Assessment) -> Referral? {
        if let linked = assessment.referralID { return referrals.first { $0.id == linked } }
        return referrals.filter { $0.received <= assessment.start }.max { ($0.received, $0.id) < ($1.received, $1.id) }
    }
}
