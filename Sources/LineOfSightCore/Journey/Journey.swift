/// Everything recorded about one child that a timescale can depend on: the facts, never a due
/// date. Obligations are derived from this by `derive(_:standards:calendar:)`.
///
/// Every list may be in any order, and may be left out of a journey document (`@DefaultEmpty`);
/// every event carries a stable `id` (the server's record id) so that an obligation can name the
/// event that started its clock and the one that met it.
public struct Journey: Sendable, Hashable, Codable {
    public var childID: String
    public var dateOfBirth: CivilDate?

    // Front door and assessment
    @DefaultEmpty public var contacts: [Contact]
    @DefaultEmpty public var referrals: [Referral]
    @DefaultEmpty public var assessments: [Assessment]

    // Child protection and children in need
    @DefaultEmpty public var strategyDiscussions: [StrategyDiscussion]
    @DefaultEmpty public var s47Enquiries: [S47Enquiry]
    @DefaultEmpty public var conferences: [Conference]
    @DefaultEmpty public var cpPlans: [CPPlan]
    @DefaultEmpty public var coreGroups: [DatedRecord]
    @DefaultEmpty public var cinPlans: [CINPlan]
    @DefaultEmpty public var visits: [Visit]

    // Looked after
    @DefaultEmpty public var periodsOfCare: [PeriodOfCare]
    @DefaultEmpty public var lacReviews: [DatedRecord]
    @DefaultEmpty public var carePlans: [DatedRecord]
    @DefaultEmpty public var healthAssessments: [HealthAssessment]
    @DefaultEmpty public var peps: [DatedRecord]
    @DefaultEmpty public var missingEpisodes: [MissingEpisode]

    // Permanence, proceedings and adoption
    @DefaultEmpty public var permanencePlans: [PermanencePlan]
    @DefaultEmpty public var permanenceOptions: [PermanenceOption]
    /// Permanence planning meetings and panel or agency decisions.
    @DefaultEmpty public var permanenceMeetings: [PermanenceDecision]
    @DefaultEmpty public var temporaryApprovals: [TemporaryApproval]
    @DefaultEmpty public var preProceedings: [PreProceedings]
    @DefaultEmpty public var careProceedings: [CareProceedings]
    public var adoption: Adoption?
    @DefaultEmpty public var adoptionReviews: [DatedRecord]

    // Care leavers
    @DefaultEmpty public var needsAssessments: [DatedRecord]
    @DefaultEmpty public var pathwayPlans: [DatedRecord]

    // Allegations against people who work with children, where this child is the subject of
    // the concern. Their obligations are keyed on the allegation, not the child.
    @DefaultEmpty public var allegations: [Allegation]

    // Work management
    @DefaultEmpty public var transfers: [Transfer]
    @DefaultEmpty public var actions: [Action]
    @DefaultEmpty public var allocations: [Allocation]

    public init(
        childID: String, dateOfBirth: CivilDate? = nil,
        contacts: [Contact] = [], referrals: [Referral] = [], assessments: [Assessment] = [],
        strategyDiscussions: [StrategyDiscussion] = [], s47Enquiries: [S47Enquiry] = [],
        conferences: [Conference] = [], cpPlans: [CPPlan] = [], coreGroups: [DatedRecord] = [],
        cinPlans: [CINPlan] = [], visits: [Visit] = [],
        periodsOfCare: [PeriodOfCare] = [], lacReviews: [DatedRecord] = [], carePlans: [DatedRecord] = [],
        healthAssessments: [HealthAssessment] = [], peps: [DatedRecord] = [], missingEpisodes: [MissingEpisode] = [],
        permanencePlans: [PermanencePlan] = [], permanenceOptions: [PermanenceOption] = [], permanenceMeetings: [PermanenceDecision] = [],
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
        self.healthAssessments = healthAssessments; self.peps = peps; self.missingEpisodes = missingEpisodes
        self.permanencePlans = permanencePlans; self.permanenceOptions = permanenceOptions; self.permanenceMeetings = permanenceMeetings
        self.temporaryApprovals = temporaryApprovals; self.preProceedings = preProceedings
        self.careProceedings = careProceedings; self.adoption = adoption; self.adoptionReviews = adoptionReviews
        self.needsAssessments = needsAssessments; self.pathwayPlans = pathwayPlans
        self.allegations = allegations; self.transfers = transfers; self.actions = actions
        self.allocations = allocations
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
