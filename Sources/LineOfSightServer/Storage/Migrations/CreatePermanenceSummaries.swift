import Fluent

/// The permanence summary of each child looked after (`PermanenceSummary`), derived with their
/// obligations: what the permanence tracker lists, filters and sorts by risk of drift.
struct CreatePermanenceSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.permanence)
            .field("child_id", .uuid, .identifier(auto: false))
            .field("plans", .string, .required)
            .field("plan_agreed", .string)
            .field("plan_due", .string)
            .field("routes_considered", .string, .required)
            .field("next_milestone", .string)
            .field("next_milestone_due", .string)
            .field("last_decision", .string)
            .field("last_decision_forum", .string)
            .field("last_progress", .string)
            .field("agency_decision", .string)
            .field("authority_to_place", .string)
            .field("matched", .string)
            .field("placed_for_adoption", .string)
            .create()
        try await Indexes.create(on: database, [
            ("permanence_summaries_next_due", DerivedRows.permanence, ["next_milestone_due", "child_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.permanence).delete()
    }
}
