import Fluent

/// The forms saved, by their id, so that a form sent twice is saved once (see `OnceOnly`).
struct CreateFormSubmissions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OnceOnly.table)
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("form_id", .uuid, .required)
            .field("location", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "user_id", "form_id")
            .create()
        try await Indexes.create(on: database, [("form_submissions_saved_at", OnceOnly.table, ["saved_at"])])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OnceOnly.table).delete()
    }
}
