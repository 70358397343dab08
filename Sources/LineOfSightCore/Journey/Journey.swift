/// Everything recorded about one child that a timescale can depend on: the facts, never a due
/// date. Obligations are derived from this by `derive(_:standards:calendar:)`.
///
/// Every list may be in any order; every event carries a stable `id` (the server's record id)
/// so that an obligation can name the event that started its clock and the one that met it.
public struct Journey: Sendable, Hashable, Codable {
    public var childID: String
    public var dateOfBirth: CivilDate?

    // Front door and assessment
    public var contacts: [Contact]
    public var referrals: [Referral]
    public var assessments: [Assessment]

    // Child protection and children in need
    public var strategyDiscussions: [StrategyDiscussion]
    public var s47Enquiries: [S47Enquiry]
    public var conferences: [Conference]
    public var cpPlans: [CPPlan]
    public var coreGroups: [DatedRecord]
    public var cinPlans: [CINPlan]
    public var visits: [Visit]

    // Looked after
    public var periodsOfCare: [PeriodOfCare]
    public var lacReviews: [DatedRecord]
    public var carePlans: [DatedRecord]
    public var healthAssessments: [HealthAssessment]
    public var peps: [DatedRecord]

    // Permanence, proceedings and adoption
    public var permanencePlans: [PermanencePlan]
    public var permanenceMeetings: [DatedRecord]
    public var temporaryApprovals: [TemporaryApproval]
    public var preProceedings: [PreProceedings]
    public var careProceedings: [CareProceedings]
    public var adoption: Adoption?
    public var adoptionReviews: [DatedRecord]

    // Care leavers
    public var needsAssessments: [DatedRecord]
    public var pathwayPlans: [DatedRecord]

    // Allegations against people who work with children, where this child is the subject of
    // the concern. Their obligations are keyed on the allegation, not the child.
    public var allegations: [Allegation]

    // Work management
    public var transfers: [Transfer]
    public var actions: [Action]
    public var allocations: [Allocation]

    public init(
        childID: String, dateOfBirth: CivilDate? = nil,
        contacts: [Contact] = [], referrals: [Referral] = [], assessments: [Assessment] = [],
        strategyDiscussions: [StrategyDiscussion] = [], s47Enquiries: [S47Enquiry] = [],
        conferences: [Conference] = [], cpPlans: [CPPlan] = [], coreGroups: [DatedRecord] = [],
        cinPlans: [CINPlan] = [], visits: [Visit] = [],
        periodsOfCare: [PeriodOfCare] = [], lacReviews: [DatedRecord] = [], carePlans: [DatedRecord] = [],
        healthAssessments: [HealthAssessment] = [], peps: [DatedRecord] = [],
        permanencePlans: [PermanencePlan] = [], permanenceMeetings: [DatedRecord] = [],
        temporaryApprovals: [TemporaryApproval] = [], preProceedings: [PreProceedings] = [],
        careProceedings: [CareProceedings] = [], adoption: Adoption? = nil, adoptionReviews: [DatedRecord] = [],
        needsAssessments: [DatedRecord] = [], pathwayPlans: [DatedRecord] = [],
        allegations: [Allegation] = [], transfers: [Transfer] = [], actions: [Action] = [],
        allocations: [Allocation] = []
    ) {
        self.childID = childID; self.dateOfBirth = dateOfBirth
        self.contacts = contacts; self.referrals = referrals; self.assessments = assessments
        self.strategyDiscussions = strategyDiscussions; self.s47Enquiries = s47Enquiries
        self.conferences = conferences; self.cpPlans = cpPlans; self.coreGroups = coreGroups
        self.cinPlans = cinPlans; self.visits = visits
        self.periodsOfCare = periodsOfCare; self.lacReviews = lacReviews; self.carePlans = carePlans
        self.healthAssessments = healthAssessments; self.peps = peps
        self.permanencePlans = permanencePlans; self.permanenceMeetings = permanenceMeetings
        self.temporaryApprovals = temporaryApprovals; self.preProceedings = preProceedings
        self.careProceedings = careProceedings; self.adoption = adoption; self.adoptionReviews = adoptionReviews
        self.needsAssessments = needsAssessments; self.pathwayPlans = pathwayPlans
        self.allegations = allegations; self.transfers = transfers; self.actions = actions
        self.allocations = allocations
    }

    /// Lists may be left out of a journey document: a missing list is an empty one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            childID: try c.decode(String.self, forKey: .childID),
            dateOfBirth: try c.decodeIfPresent(CivilDate.self, forKey: .dateOfBirth),
            contacts: try c.list(.contacts), referrals: try c.list(.referrals), assessments: try c.list(.assessments),
            strategyDiscussions: try c.list(.strategyDiscussions), s47Enquiries: try c.list(.s47Enquiries),
            conferences: try c.list(.conferences), cpPlans: try c.list(.cpPlans), coreGroups: try c.list(.coreGroups),
            cinPlans: try c.list(.cinPlans), visits: try c.list(.visits),
            periodsOfCare: try c.list(.periodsOfCare), lacReviews: try c.list(.lacReviews),
            carePlans: try c.list(.carePlans), healthAssessments: try c.list(.healthAssessments),
            peps: try c.list(.peps), permanencePlans: try c.list(.permanencePlans),
            permanenceMeetings: try c.list(.permanenceMeetings), temporaryApprovals: try c.list(.temporaryApprovals),
            preProceedings: try c.list(.preProceedings), careProceedings: try c.list(.careProceedings),
            adoption: try c.decodeIfPresent(Adoption.self, forKey: .adoption),
            adoptionReviews: try c.list(.adoptionReviews), needsAssessments: try c.list(.needsAssessments),
            pathwayPlans: try c.list(.pathwayPlans), allegations: try c.list(.allegations),
            transfers: try c.list(.transfers), actions: try c.list(.actions), allocations: try c.list(.allocations))
    }
}

/// An event that is only a date: a review held, a plan written, a meeting.
public struct DatedRecord: Sendable, Hashable, Codable {
    public var id: String
    public var date: CivilDate

    public init(id: String, date: CivilDate) {
        self.id = id
        self.date = date
    }
}

extension KeyedDecodingContainer {
    /// A list that may be absent (absent = empty).
    func list<T: Decodable>(_ key: Key) throws -> [T] {
        try decodeIfPresent([T].self, forKey: key) ?? []
    }
}
