import Fluent
import SQLKit

/// The return errors each child's record would raise in the SSDA903 return (`ReturnFindingRows`),
/// derived with their obligations: what the child's page reads.
struct CreateReturnFindings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReturnFindingRows.checks)
            .field("child_id", .uuid, .identifier(auto: false))
            // The collection year checked against (the year the collection ends on 31 March).
            .field("collection_year", .int, .required)
            .field("in_return", .bool, .required)
            .create()
        try await database.schema(ReturnFindingRows.findings)
            .field("child_id", .uuid, .required)
            .field("position", .int, .required)
            .field("rule_code", .string, .required)
            .field("message", .string, .required)
            .field("table_name", .string, .required)
            // The DfE's column names the rule points at, separated by spaces.
            .field("fields", .string, .required)
            .field("record_date", .string)
            .create()
        try await Indexes.create(on: database, [("return_findings_child", ReturnFindingRows.findings, ["child_id", "position"])])
        // Children recorded before this version have no rows here yet: forgetting the basis the
        // stored rows were derived on makes the next start re-derive everyone.
        try await database.sql.delete(from: DerivedRows.basis).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReturnFindingRows.findings).delete()
        try await database.schema(ReturnFindingRows.checks).delete()
    }
}
