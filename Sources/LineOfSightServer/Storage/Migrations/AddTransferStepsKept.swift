import Fluent
import SQLKit

/// Whether each transfer's acceptance and first visit kept the local standard, as the core judged
/// them when the child was derived (`TransferProgress.acceptedOnTime`, `visitedOnTime`), so that the monthly review pack's
/// 12-month trend is a count over an index by the step's day rather than a read of every transfer
/// live in the year (10,000 at 15,000 children). The next start re-derives everyone to fill them.
struct AddTransferStepsKept: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column a statement.
        for column in ["accepted_on_time", "visited_on_time"] {
            try await database.schema(DerivedRows.transfers).field(.string(column), .bool).update()
        }
        try await database.sql.drop(index: "transfer_summaries_first_visit").run()
        try await Indexes.create(on: database, [
            ("transfer_summaries_accepted_kept", DerivedRows.transfers, ["accepted", "accepted_on_time", "child_id"]),
            ("transfer_summaries_visited_kept", DerivedRows.transfers, ["first_visit", "visited_on_time", "child_id"]),
            ("transfer_summaries_rejected", DerivedRows.transfers, ["rejected", "child_id"]),
        ])
        try await database.sql.delete(from: DerivedRows.basis).run()
    }

    func revert(on database: any Database) async throws {
        for index in ["transfer_summaries_rejected", "transfer_summaries_visited_kept", "transfer_summaries_accepted_kept"] {
            try await database.sql.drop(index: index).run()
        }
        try await Indexes.create(on: database, [("transfer_summaries_first_visit", DerivedRows.transfers, ["first_visit"])])
        for column in ["visited_on_time", "accepted_on_time"] {
            try await database.schema(DerivedRows.transfers).deleteField(.string(column)).update()
        }
    }
}
