import Fluent

/// Each child's state row keeps a digest of their stored obligations, so that re-deriving a child
/// whose obligations come out the same leaves those rows alone (`DerivedRows.replace`). Empty until
/// the child is next derived, which then writes everything once.
struct AddObligationDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.states).field("obligations_digest", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.states).deleteField("obligations_digest").update()
    }
}
