import Fluent
import SQLKit

/// Each child's transfers between teams and how far each has gone (`TransferProgress`), and since
/// when the record says their case should have moved with no transfer asked for (`TransferWait`),
/// derived with their obligations: what the transfer tracker and the monthly review pack read.
struct CreateTransferSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.transfers)
            .field("transfer_id", .string, .identifier(auto: false))
            .field("child_id", .uuid, .required)
            // Teams by id (nil for one a record names that is not a team), to join with `teams`.
            .field("from_team_id", .uuid)
            .field("to_team_id", .uuid)
            .field("stage", .string, .required)
            .field("reason", .string)
            .field("prompted", .string)
            .field("requested", .string, .required)
            .field("acceptance_due", .string, .required)
            .field("accepted", .string)
            .field("rejected", .string)
            .field("rejection_reason", .string)
            .field("delay_reason", .string)
            .field("allocated", .string)
            .field("first_visit_due", .string)
            .field("first_visit", .string)
            .create()
        try await database.schema(DerivedRows.transferWaits)
            .field("child_id", .uuid, .identifier(auto: false))
            .field("since", .string, .required)
            .field("event_id", .string, .required)
            .create()
        try await Indexes.create(on: database, [
            ("transfer_summaries_child", DerivedRows.transfers, ["child_id"]),
            ("transfer_summaries_requested", DerivedRows.transfers, ["requested"]),
            ("transfer_summaries_first_visit", DerivedRows.transfers, ["first_visit"]),
            // Incoming transfers a receiving team may open (`ChildScope`), and the tracker's filters.
            ("transfer_summaries_to_stage", DerivedRows.transfers, ["to_team_id", "stage"]),
            ("transfer_summaries_stage_requested", DerivedRows.transfers, ["stage", "requested"]),
            ("transfer_waits_since", DerivedRows.transferWaits, ["since"]),
        ])
        // Children recorded before this version have no rows here yet: forgetting the basis the
        // stored rows were derived on makes the next start re-derive everyone.
        try await database.sql.delete(from: DerivedRows.basis).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DerivedRows.transferWaits).delete()
        try await database.schema(DerivedRows.transfers).delete()
    }
}
