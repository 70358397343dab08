import Fluent
import SQLKit

/// A worker's My work lists the open actions they own, of every child (`WorkQueries.actions`): a
/// worker's obligations of one rule. Indexed by worker and due date alone, the databases chose the
/// index of every obligation of the rule instead (every action of the authority, 41,000 at 15,000
/// children): SQLite walked it in due order for 43 ms a request (a social worker's My work p95
/// 659 ms at 20 connections) and PostgreSQL combined both indexes for 2.1 ms. By owner and rule,
/// both read only the worker's actions, in due order (0.4 ms on SQLite). The worker and due date
/// index served nothing else.
struct IndexActionsByOwner: AsyncMigration {
    private static let replaced = (name: "obligations_worker_due", columns: ["worker_id", "due"])
    private static let index = (name: "obligations_worker_rule_due", columns: ["worker_id", "rule", "due"])

    func prepare(on database: any Database) async throws {
        try await Indexes.create(on: database, [(Self.index.name, DerivedRows.obligations, Self.index.columns)])
        try await database.sql.drop(index: Self.replaced.name).run()
    }

    func revert(on database: any Database) async throws {
        try await Indexes.create(on: database, [(Self.replaced.name, DerivedRows.obligations, Self.replaced.columns)])
        try await database.sql.drop(index: Self.index.name).run()
    }
}
