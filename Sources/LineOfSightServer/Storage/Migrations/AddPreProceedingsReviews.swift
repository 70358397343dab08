import Fluent

/// The next review of each child's open pre-proceedings (`LegalSummary.nextReview`), for the
/// pre-proceedings list. Filled in for existing children by the re-derivation at start-up
/// (`Rederivation.summariesVersion` 3).
struct AddPreProceedingsReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.legal).field("next_review", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.legal).deleteField("next_review").update()
    }
}
