import Fluent
import SQLKit

/// The transfer tracker counts a year of transfers by team pair and stage on every view (9,800 of
/// the 15,000-child demo's 10,457). Indexed by request date first, the database read them in that
/// order and sorted them all to group them (10 ms); indexed by pair and stage first, with the date
/// and child beside them for the filters, it groups them as it reads and sorts nothing (6 ms). A
/// month's transfers are still found by the date's own index.
struct IndexTransferPairs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.drop(index: "transfer_summaries_requested_pair").run()
        try await Indexes.create(on: database, [
            ("transfer_summaries_pair_requested", DerivedRows.transfers, ["from_team_id", "to_team_id", "stage", "requested", "child_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "transfer_summaries_pair_requested").run()
        try await Indexes.create(on: database, [
            ("transfer_summaries_requested_pair", DerivedRows.transfers, ["requested", "from_team_id", "to_team_id", "stage", "child_id"]),
        ])
    }
}
