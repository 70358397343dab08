import Fluent

/// The open pre-proceedings and proceedings of each child (`LegalSummary`), derived with their
/// obligations: what the proceedings lists show.
struct CreateLegalSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.legal)
            .field("child_id", .uuid, .identifier(auto: false))
            .field("pre_proceedings_start", .string)
            .field("pre_proceedings_due", .string)
            .field("initial_meeting", .string)
            .field("issued", .string)
            .field("proceedings_due", .string)
            .field("extensions", .int, .required)
            .field("extension_weeks", .int, .required)
            .field("court", .string)
            .field("next_hearing", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.legal).delete()
    }
}
