import Fluent
import SQLKit

/// What the transfer tracker reads on every view, at 15,000 children:
/// - a year of transfers counted by team pair and stage (9,800 of the demo's 10,457): from an
///   index holding every column the count needs rather than from the wide rows, 55 ms to 10 ms
///   (reordered for the count by `IndexTransferPairs`);
/// - the few restricted records, in an index of their own: a reader who may open every other child
///   is scoped by leaving those out, rather than by joining every transfer to its child to test it;
/// - the children waiting in duty, by the team holding them (kept with the wait when the child is
///   derived): 105 of the demo's 5,582 waits are in a duty team, and without it each view read them all.
struct IndexTransfersForTheTracker: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "transfer_summaries_requested_pair").on(DerivedRows.transfers)
            .column("requested").column("from_team_id").column("to_team_id").column("stage").column("child_id").run()
        try await database.sql.raw("CREATE INDEX children_restricted ON children (id) WHERE restricted = TRUE").run()
        try await database.schema(DerivedRows.transferWaits).field("team_id", .uuid).update()
        try await database.sql.create(index: "transfer_waits_team").on(DerivedRows.transferWaits).column("team_id").column("since").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "transfer_waits_team").run()
        try await database.schema(DerivedRows.transferWaits).deleteField("team_id").update()
        try await database.sql.drop(index: "children_restricted").run()
        try await database.sql.drop(index: "transfer_summaries_requested_pair").run()
    }
}
