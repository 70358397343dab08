import Fluent
import SQLKit

/// The index of unmet obligations (`IndexOpenWork`) with each one's rule and met date too, so that
/// My work reads a team's open obligations from the index alone. The core's open test names the
/// met date (always null in this index, which is why it costs nothing), and the page shows the
/// rule: without them SQLite read each of a team's few hundred rows from the table as well, which
/// was most of the time My work spent finding them.
struct CoverOpenWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.drop(index: "obligations_unmet").run()
        try await database.sql.raw("""
            CREATE INDEX obligations_unmet ON obligations (child_id, due, not_applicable_since, id, rule, met_date) WHERE met_date IS NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "obligations_unmet").run()
        try await database.sql.raw("CREATE INDEX obligations_unmet ON obligations (child_id, due, not_applicable_since, id) WHERE met_date IS NULL").run()
    }
}
