/// The timescales one kind of event touches, read from the rules' declarations
/// (`Rule.startingKinds`, `Rule.meetingKinds`): what a form can say before anything is saved.
public struct EventTimescales: Sendable, Hashable {
    /// Rules whose clock recording such an event can start, in catalogue order.
    public let starts: [Rule]
    /// Rules such an event can meet, in catalogue order.
    public let meets: [Rule]

    public var isEmpty: Bool { starts.isEmpty && meets.isEmpty }

    /// For events of any of `kinds` (one record can hold several, e.g. a placement and its plan).
    public init(_ kinds: [EventKind]) {
        let kinds = Set(kinds)
        starts = RuleCatalogue.all.filter { !kinds.isDisjoint(with: $0.startingKinds) }
        meets = RuleCatalogue.all.filter { !kinds.isDisjoint(with: $0.meetingKinds) }
    }

    /// For a record of one of the journey's lists.
    public init(recording list: JourneyList) {
        self.init(list.eventKinds)
    }
}

extension JourneyList {
    /// The kinds of event a record of this list projects into the journey (what obligations name
    /// as `startedBy` or `metBy`); none for records the derivation does not read.
    public var eventKinds: [EventKind] {
        switch self {
        case .contacts: [.contact]
        case .referrals: [.referral]
        case .assessments: [.assessment]
        case .strategyDiscussions: [.strategyDiscussion]
        case .s47Enquiries: [.s47Enquiry]
        case .conferences: [.conference]
        case .cpPlans: [.cpPlan]
        case .coreGroups: [.coreGroup]
        case .cinPlans: [.cinPlan]
        case .visits: [.visit]
        // The record of a period of care holds its first placement and that placement's plan.
        case .periodsOfCare: [.periodOfCare, .placement, .placementPlan]
        case .placements: [.placement, .placementPlan]
        case .legalStatuses: [.legalStatus]
        case .lacReviews: [.lacReview]
        case .carePlans: [.carePlan]
        case .healthAssessments: [.healthAssessment]
        case .peps: [.pep]
        case .missingEpisodes: [.missingEpisode]
        case .returnInterviews: [.returnInterview]
        case .permanencePlans: [.permanencePlan]
        case .permanenceOptions: [.permanenceOption]
        case .temporaryApprovals: [.temporaryApproval]
        case .preProceedings: [.preProceedings]
        case .ploReviews: [.ploReview]
        case .permanenceDecisions: [.permanenceDecision]
        case .careProceedings: [.careProceedings]
        // One record holds every milestone of a child's adoption, each a later step of it.
        case .adoptions: [.adoptionRecommendation, .agencyDecision, .familyFinding, .authorityToPlace, .adoptionMatch, .adoptionPlacement]
        case .adoptionReviews: [.adoptionReview]
        case .needsAssessments: [.needsAssessment]
        case .pathwayPlans: [.pathwayPlan]
        case .transfers: [.transfer]
        case .actions: [.action]
        // A hearing's extension moves the proceedings' due date but neither starts nor meets it.
        case .hearings, .iroEscalations, .personalAdvisers, .careLeaverContacts, .stayingPut,
             .caseDiscussions, .significantEvents, .parenthood, .convictions,
             .previousPermanence, .uasc, .deprivationsOfLiberty: []
        }
    }
}
