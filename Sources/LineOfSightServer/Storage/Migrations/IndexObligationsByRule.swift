import Fluent
import SQLKit

/// The authority-wide counts (the director's home page, the care lists' milestone filters) ask which
/// children have an open, overdue obligation of a few rules. Without this index that question reads
/// every obligation of every child (957,000 rows in the 15,000-child demo, 150–450 ms a count); with
/// it, only the rows of those rules due before today (under 10 ms).
struct IndexObligationsByRule: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "obligations_rule_due").on(DerivedRows.obligations).column("rule").column("due").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "obligations_rule_due").run()
    }
}
