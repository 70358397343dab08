import Fluent

/// Each child's return check keeps a digest of what it read (`ReturnFindingRows.inputsDigest`),
/// so that re-deriving a child whose record, details and social workers are as they were leaves
/// their findings alone rather than checking them again. Empty until the child is next derived,
/// which then checks them once.
struct AddReturnCheckDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReturnFindingRows.checks).field("inputs_digest", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReturnFindingRows.checks).deleteField("inputs_digest").update()
    }
}
