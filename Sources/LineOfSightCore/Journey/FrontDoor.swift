/// Any information or request about a child received by children's social care.
public struct Contact: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate
    /// The next step a manager authorised: `noFurtherAction`, `advice`, `earlyHelp` or `referral`.
    public var outcome: String?
    /// When a manager authorised the next step: this meets the contact decision timescale.
    public var decided: CivilDate?
    /// Who made the contact, as a CIN census referral source code (`9` is anonymous).
    public var source: String?
    /// When the person who made the contact was told the outcome.
    public var referrerInformed: CivilDate?

    public init(id: String, date: CivilDate, outcome: String? = nil, decided: CivilDate? = nil, source: String? = nil,
                referrerInformed: CivilDate? = nil) {
        self.id = id; self.date = date; self.outcome = outcome; self.decided = decided; self.source = source
        self.referrerInformed = referrerInformed
    }

    /// Someone to tell the outcome to: every contact but an anonymous one.
    public var hasReferrerToTell: Bool { source != ReferralSource.anonymous }
}

/// Who made a contact or referral: the CIN census `ReferralSource` codes, which Annex A uses for
/// contacts too (shared/reference/cin-census.md §3).
public enum ReferralSource {
    public static let codes: CodeList = [
        ("1A", "Individual: family member, relative or carer"),
        ("1B", "Individual: acquaintance, including neighbours and child minders"),
        ("1C", "Individual: self"),
        ("1D", "Individual: other, including strangers"),
        ("2A", "Schools"),
        ("2B", "Education services"),
        ("3A", "Health services: GP"),
        ("3B", "Health services: health visitor"),
        ("3C", "Health services: school nurse"),
        ("3D", "Health services: other primary health services"),
        ("3E", "Health services: accident and emergency"),
        ("3F", "Health services: other, for example a hospice"),
        ("4", "Housing: council housing or a housing association"),
        ("5A", "Council services: social care, for example adult social care"),
        ("5B", "Council services: another department, for example youth offending"),
        ("5C", "Council services: another council's services"),
        ("5D", "Council services: early help"),
        ("6", "Police"),
        ("7", "Other legal agency, including courts, probation, immigration, Cafcass or prison"),
        ("8", "Other, including children's centres, independent providers or voluntary organisations"),
        (anonymous, "Anonymous"),
        ("10", "Unknown"),
    ]
    public static let anonymous = "9"
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
    /// The latest referral received in the 12 months before this one: when there is one, this
    /// referral is a re-referral (CIN census; shared/reference/timescales.md §1).
    public func previousReferral(within12MonthsOf referral: Referral) -> Referral? {
        let from = referral.received.adding(months: -12)
        return referrals.filter { $0.id != referral.id && $0.received >= from && ($0.received, $0.id) < (referral.received, referral.id) }
            .max { ($0.received, $0.id) < ($1.received, $1.id) }
    }

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
