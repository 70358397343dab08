import Fluent
import SQLKit

/// Each member of staff's SSDA903 social worker ID (SW_ID), which the return's SWEpisodes table
/// names them by: an import allocates a child to the member of staff it names. At most one
/// person has a given ID.
struct AddSocialWorkerIDs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffMember.schema).field("sw_id", .string).update()
        try await database.sql.raw("CREATE UNIQUE INDEX staff_sw_id ON staff (sw_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "staff_sw_id").run()
        try await database.schema(StaffMember.schema).deleteField("sw_id").update()
    }
}
