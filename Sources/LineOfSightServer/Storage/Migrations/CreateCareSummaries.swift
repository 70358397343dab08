import Fluent
import SQLKit

/// One row per child who is or was looked after (`CareSummary`), derived with their obligations:
/// what the children in care, reviews due and care leavers lists show and filter on. Existing
/// databases fill it when start-up re-derives every child (the rules changed with it).
struct CreateCareSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.care)
            .field("child_id", .uuid, .identifier(auto: false))
            .field("looked_after", .bool, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string)
            .field("end_reason", .string)
            .field("legal_status", .string)
            .field("placement_type", .string)
            .field("placement_provider", .string)
            .field("placement_postcode", .string)
            .field("placement_start", .string)
            .field("placement_starts", .string, .required)
            .field("last_review", .string)
            .field("review_chair_id", .string)
            .field("next_review_due", .string)
            .field("open_escalations", .int, .required)
            .field("care_leaver", .bool, .required)
            .field("last_pathway_plan", .string)
            .field("next_pathway_plan_due", .string)
            .field("personal_adviser_id", .string)
            .field("last_contact", .string)
            .field("in_touch", .string)
            .field("accommodation", .string)
            .field("accommodation_suitable", .bool)
            .field("activity", .string)
            .field("staying_put", .bool, .required)
            .create()
        try await Indexes.create(on: database, [
            ("care_summaries_looked_after", DerivedRows.care, ["looked_after", "child_id"]),
            ("care_summaries_chair", DerivedRows.care, ["review_chair_id", "next_review_due"]),
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.care).delete()
    }
}
