/// The plan for the child's long-term upbringing, recorded in the care plan.
public struct PermanencePlan: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate
    /// `PermanenceCodes.plans` (Annex A): more than one while plans run in parallel.
    @DefaultEmpty public var plans: [String]

    public init(id: String, date: CivilDate, plans: [String] = []) {
        self.id = id; self.date = date; self.plans = plans
    }
}

/// A way to permanence considered for the child, and the assessment of it.
public struct PermanenceOption: Sendable, Hashable, Codable {
    public enum Route: String, Sendable, Hashable, Codable, CaseIterable {
        case returnHome, connectedPerson, specialGuardianship, childArrangementsOrder, adoption, longTermFostering, residential, supportedLiving
    }

    public enum Assessment: String, Sendable, Hashable, Codable, CaseIterable {
        case viability, connectedPerson, specialGuardianship, parenting, returnHomeRisk
    }

    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case pursued, ruledOut
    }

    public var id: String
    public var route: Route
    public var considered: CivilDate
    public var assessment: Assessment?
    public var assessmentStarted: CivilDate?
    public var assessmentCompleted: CivilDate?
    public var outcome: Outcome?
    public var decided: CivilDate?

    public init(id: String, route: Route, considered: CivilDate, assessment: Assessment? = nil, assessmentStarted: CivilDate? = nil,
                assessmentCompleted: CivilDate? = nil, outcome: Outcome? = nil, decided: CivilDate? = nil) {
        self.id = id; self.route = route; self.considered = considered; self.assessment = assessment
        self.assessmentStarted = assessmentStarted; self.assessmentCompleted = assessmentCompleted; self.outcome = outcome; self.decided = decided
    }
}

/// A permanence planning meeting, or a panel's or decision maker's decision about the child's
/// permanence; when it concludes a milestone, which one.
public struct PermanenceDecision: Sendable, Hashable, Codable {
    /// The milestones a decision concludes.
    public enum Milestone: String, Sendable, Hashable, Codable, CaseIterable {
        /// The full assessment of connected-person carers as foster carers: the fostering panel's
        /// recommendation or the agency decision on their approval, whichever way it went.
        case connectedPersonAssessment
        /// The long-term foster placement approved by a nominated officer (the match).
        case longTermFosteringMatch

        /// The way to permanence the milestone is on.
        public var route: PermanenceOption.Route {
            switch self {
            case .connectedPersonAssessment: .connectedPerson
            case .longTermFosteringMatch: .longTermFostering
            }
        }
    }

    public var id: String
    public var date: CivilDate
    public var concludes: Milestone?

    public init(id: String, date: CivilDate, concludes: Milestone? = nil) {
        self.id = id; self.date = date; self.concludes = concludes
    }
}

/// Temporary approval of a connected person as a foster carer (CPPCR reg 24) and its
/// extension (reg 25).
public struct TemporaryApproval: Sendable, Hashable, Codable {
    public var id: String
    /// The placement made under the approval; its visits follow reg 28(4) while approval is temporary.
    public var placementID: String?
    public var start: CivilDate
    @DefaultEmpty public var extensions: [Extension]
    /// Approved as a foster carer: the temporary approval is no longer needed.
    public var approved: CivilDate?
    /// The temporary arrangement ended without approval (placement ended, assessment negative).
    public var ended: CivilDate?

    public init(id: String, placementID: String? = nil, start: CivilDate, extensions: [Extension] = [],
                approved: CivilDate? = nil, ended: CivilDate? = nil) {
        self.id = id; self.placementID = placementID; self.start = start; self.extensions = extensions
        self.approved = approved; self.ended = ended
    }
}

/// An extension of a time limit by a number of weeks (court or nominated officer).
public struct Extension: Sendable, Hashable, Codable {
    public var granted: CivilDate
    public var weeks: Int

    public init(granted: CivilDate, weeks: Int) {
        self.granted = granted; self.weeks = weeks
    }
}

/// Pre-proceedings under the Public Law Outline.
public struct PreProceedings: Sendable, Hashable, Codable {
    public var id: String
    /// The letter before proceedings (or the legal gateway decision when no letter is recorded).
    public var start: CivilDate
    public var end: CivilDate?
    /// e.g. "issued", "stepped down".
    public var outcome: String?
    /// The review meetings held while they ran.
    @DefaultEmpty public var reviews: [DatedRecord]

    public init(id: String, start: CivilDate, end: CivilDate? = nil, outcome: String? = nil, reviews: [DatedRecord] = []) {
        self.id = id; self.start = start; self.end = end; self.outcome = outcome; self.reviews = reviews
    }
}

/// A care or supervision application under Part IV of the Children Act 1989.
public struct CareProceedings: Sendable, Hashable, Codable {
    public var id: String
    public var issued: CivilDate
    @DefaultEmpty public var extensions: [Extension]
    /// The final order or other disposal (withdrawal) of the application.
    public var concluded: CivilDate?
    public var outcome: String?

    public init(id: String, issued: CivilDate, extensions: [Extension] = [], concluded: CivilDate? = nil,
                outcome: String? = nil) {
        self.id = id; self.issued = issued; self.extensions = extensions
        self.concluded = concluded; self.outcome = outcome
    }
}

/// Adoption milestones (SSDA903 AD1 / PlacedAdoption items).
public struct Adoption: Sendable, Hashable, Codable {
    /// The adoption panel's recommendation that the child should be placed for adoption.
    public var panelRecommendation: CivilDate?
    /// Agency decision-maker's decision that the child should be placed for adoption.
    public var agencyDecision: CivilDate?
    /// Searching for an adoptive family began.
    public var familyFindingStarted: CivilDate?
    /// Authority to place: a placement order (ACA 2002 s21) …
    public var placementOrder: CivilDate?
    /// … or parents' consent to placement for adoption (ACA 2002 s19).
    public var consentToPlacement: CivilDate?
    public var matched: CivilDate?
    /// Moved in with the prospective adopters.
    public var placed: CivilDate?
    public var adoptionOrder: CivilDate?
    /// Adopted by the child's foster carers (A10 then counts from moving in with them).
    public var adoptedByFosterCarer: Bool?
    public var movedInWithFosterCarer: CivilDate?
    /// The plan or the adoptive placement ended without an adoption order.
    public var placementEnded: CivilDate?

    public init(panelRecommendation: CivilDate? = nil, agencyDecision: CivilDate? = nil, familyFindingStarted: CivilDate? = nil,
                placementOrder: CivilDate? = nil, consentToPlacement: CivilDate? = nil,
                matched: CivilDate? = nil, placed: CivilDate? = nil, adoptionOrder: CivilDate? = nil,
                adoptedByFosterCarer: Bool? = nil, movedInWithFosterCarer: CivilDate? = nil,
                placementEnded: CivilDate? = nil) {
        self.panelRecommendation = panelRecommendation; self.agencyDecision = agencyDecision
        self.familyFindingStarted = familyFindingStarted; self.placementOrder = placementOrder
        self.consentToPlacement = consentToPlacement; self.matched = matched; self.placed = placed
        self.adoptionOrder = adoptionOrder; self.adoptedByFosterCarer = adoptedByFosterCarer
        self.movedInWithFosterCarer = movedInWithFosterCarer; self.placementEnded = placementEnded
    }

    /// The date the agency first had authority to place: consent under s19 or a placement order,
    /// whichever came first (AAR 2005 reg 36(1) counts from the first authority; a later placement
    /// order does not restart the clock).
    public var authorityToPlace: CivilDate? { earliest(consentToPlacement, placementOrder) }
}
