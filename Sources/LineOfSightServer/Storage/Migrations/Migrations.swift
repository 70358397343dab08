import Fluent

/// Every migration, in order. `lineofsight migrate` and `serve` apply them to SQLite or PostgreSQL.
enum AppMigrations {
    static let all: [any Migration] = [
        CreateOrganisation(),
        CreateChildren(),
        CreateAccess(),
        CreateAuditEvents(),
        HardenAccess(),
        CreateJourney(),
        AddAwaitingSteps(),
        IndexOpenWork(),
        CreateCareSummaries(),
        CreatePermanenceSummaries(),
        CreateLegalSummaries(),
        AddSocialWorkerIDs(),
        IndexOpenAllocations(),
        CreateFormSubmissions(),
        CreateTransferSummaries(),
        AddWorkforceRecords(),
        CreateSupervision(),
        AddFundedPostsHistory(),
        CreateReturnFindings(),
        AddPreProceedingsReviews(),
        IndexObligationsByRule(),
        IndexTransfersForTheTracker(),
        AddObligationDigests(),
        KeyAuditedChildrenByChild(),
        AddTransferStepsKept(),
        IndexTransferPairs(),
        IndexWorkerChangesByTeam(),
        IndexPermanenceByDrift(),
        IndexCareByLegalStatus(),
        IndexChildrenByDateOfBirth(),
        AddTransferAcceptanceDays(),
        CreateTransferStepMonths(),
    ]
}
