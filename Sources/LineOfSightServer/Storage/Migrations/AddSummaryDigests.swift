import Fluent

/// Each child's state row keeps a digest of their stored summaries beside that of their
/// obligations, so that re-deriving a child whose summaries come out the same leaves those rows
/// alone (`DerivedRows.replace`). Empty until the child is next derived, which then writes their
/// summaries once.
struct AddSummaryDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.states).field("summaries_digest", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.states).deleteField("summaries_digest").update()
    }
}
