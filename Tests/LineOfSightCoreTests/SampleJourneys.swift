import LineOfSightCore

/// Hand-made journeys shared by tests.
enum SampleJourneys {
    /// A child who goes through every stage: referral, s47, CP plan, care, proceedings, adoption
    /// planning, a transfer, an allegation and an action.
    static let rich = Journey(
        childID: "C-RICH", dateOfBirth: d("2014-06-15"),
        contacts: [Contact(id: "CT1", date: d("2025-01-02"))],
        referrals: [Referral(id: "R1", received: d("2025-01-06"), decided: d("2025-01-07"))],
        assessments: [Assessment(id: "A1", referralID: "R1", start: d("2025-01-07"), authorised: d("2025-02-28"))],
        strategyDiscussions: [StrategyDiscussion(id: "SD1", date: d("2025-01-08"), s47Initiated: true)],
        s47Enquiries: [S47Enquiry(id: "S1", strategyDiscussionID: "SD1", start: d("2025-01-08"), end: d("2025-01-24"))],
        conferences: [Conference(id: "ICPC1", kind: .initial, date: d("2025-01-29")),
                      Conference(id: "RCPC1", kind: .review, date: d("2025-04-28"))],
        cpPlans: [CPPlan(id: "CPP1", start: d("2025-01-29"), end: d("2025-06-02"), category: .neglect)],
        coreGroups: [DatedRecord(id: "CG1", date: d("2025-02-10")), DatedRecord(id: "CG2", date: d("2025-03-10"))],
        visits: ["2025-02-05", "2025-02-18", "2025-03-03", "2025-03-17", "2025-04-01", "2025-06-05", "2025-07-15",
                 "2025-08-20", "2025-10-01"].enumerated().map { Visit(id: "V\($0.offset + 1)", date: d($0.element), seen: true) },
        periodsOfCare: [PeriodOfCare(
            id: "POC1", start: d("2025-06-02"),
            legalStatuses: [LegalStatusChange(date: d("2025-06-02"), code: "C1")],
            placements: [Placement(id: "PL1", start: d("2025-06-02"), end: d("2025-08-01"), type: "U1", placementPlan: d("2025-06-04")),
                         Placement(id: "PL2", start: d("2025-08-01"), type: "U4", provider: "PR1", placementPlan: d("2025-08-06"))])],
        lacReviews: [DatedRecord(id: "LR1", date: d("2025-06-27")), DatedRecord(id: "LR2", date: d("2025-09-26"))],
        carePlans: [DatedRecord(id: "CARE1", date: d("2025-06-10"))],
        healthAssessments: [HealthAssessment(id: "IHA1", kind: .initial, date: d("2025-06-25"))],
        peps: [DatedRecord(id: "PEP1", date: d("2025-06-20"))],
        permanencePlans: [PermanencePlan(id: "PP1", date: d("2025-09-26"), plans: ["ADOPTION"])],
        temporaryApprovals: [TemporaryApproval(id: "TA1", placementID: "PL1", start: d("2025-06-02"), ended: d("2025-08-01"))],
        preProceedings: [PreProceedings(id: "PLO1", start: d("2025-03-03"), end: d("2025-05-30"), outcome: "issued")],
        careProceedings: [CareProceedings(id: "PROC1", issued: d("2025-05-30"))],
        adoption: Adoption(agencyDecision: d("2025-10-10"), placementOrder: d("2025-11-20")),
        allegations: [Allegation(id: "AL1", referred: d("2025-07-01"))],
        transfers: [Transfer(id: "TR1", fromTeam: "CP-TEAM", toTeam: "CLA-TEAM", requested: d("2025-06-03"), accepted: d("2025-06-09"))],
        actions: [Action(id: "ACT1", description: "Arrange family group conference", ownerID: "W1", due: d("2025-07-01"))],
        allocations: [Allocation(teamID: "CP-TEAM", workerID: "W1", start: d("2025-01-06"), end: d("2025-06-09")),
                      Allocation(teamID: "CLA-TEAM", workerID: "W2", start: d("2025-06-10"))])
}
