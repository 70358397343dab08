import Fluent
import SQLKit

/// The working days each accepted transfer took from request to acceptance, as the core counted
/// them when the child was derived (`TransferSummary.acceptanceDays`), and an index of first visits
/// holding everything the review pack counts of a month's completed transfers by team pair. The
/// pack read every transfer completed in the month whole, joined to its child, to count them (1,776
/// in the 15,000-child demo's November, 19 ms of statement); now the database counts them, by pair,
/// standards kept and days, from the index alone. The index also serves the trend's count of first
/// visits, so it replaces `transfer_summaries_visited_kept`. The next start re-derives everyone to
/// fill the days.
struct AddTransferAcceptanceDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DerivedRows.transfers).field("acceptance_days", .int).update()
        try await database.sql.drop(index: "transfer_summaries_visited_kept").run()
        try await Indexes.create(on: database, [
            ("transfer_summaries_visited_pair", DerivedRows.transfers,
             ["first_visit", "visited_on_time", "from_team_id", "to_team_id", "accepted_on_time", "acceptance_days", "child_id"]),
        ])
        try await database.sql.delete(from: DerivedRows.basis).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "transfer_summaries_visited_pair").run()
        try await Indexes.create(on: database, [
            ("transfer_summaries_visited_kept", DerivedRows.transfers, ["first_visit", "visited_on_time", "child_id"]),
        ])
        try await database.schema(DerivedRows.transfers).deleteField("acceptance_days").update()
    }
}
