import Fluent
import SQLKit

/// Workforce data kept here rather than in a spreadsheet: when each member of staff started and
/// left (leavers in the last 12 months, supervision from their first day), a version so two people
/// editing one staff record cannot overwrite each other, and each team's funded posts in
/// full-time equivalents (its establishment), from which vacancies are counted; and on each
/// allocation whether it changed the child's social worker (the stability measure).
struct AddWorkforceRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffMember.schema).field("start_date", .string).update()
        try await database.schema(StaffMember.schema).field("leaving_date", .string).update()
        try await database.schema(StaffMember.schema).field("version", .int, .required, .sql(.default(1))).update()
        try await database.schema(Team.schema).field("funded_fte", .double, .required, .sql(.default(0))).update()
        try await database.schema(StoredAllocation.schema).field("changes_worker", .bool, .required, .sql(.default(false))).update()
        try await AllocationHistory.markChangesOfWorker(children: nil, on: database.sql)
        // The caseload page reads the allocations started and ended in the last year, and for each
        // change of worker the worker the child had before: all from indexes, not the table.
        try await Indexes.create(on: database, [
            ("allocations_start", StoredAllocation.schema, ["start_date", "worker_id"]),
            ("allocations_worker_changes", StoredAllocation.schema, ["changes_worker", "start_date", "child_id"]),
            ("allocations_end", StoredAllocation.schema, ["end_date", "worker_id"]),
            ("allocations_child_start", StoredAllocation.schema, ["child_id", "start_date", "worker_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        for index in ["allocations_start", "allocations_worker_changes", "allocations_end", "allocations_child_start"] {
            try await database.sql.drop(index: index).run()
        }
        try await database.schema(StoredAllocation.schema).deleteField("changes_worker").update()
        for field in ["start_date", "leaving_date", "version"] {
            try await database.schema(StaffMember.schema).deleteField(.string(field)).update()
        }
        try await database.schema(Team.schema).deleteField("funded_fte").update()
    }
}
