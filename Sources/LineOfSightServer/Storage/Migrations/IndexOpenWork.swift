import Fluent
import SQLKit

/// Indexes for what is open now, which every child's page and My work read. Both are partial (SQLite
/// and PostgreSQL take the same form; SQLKit's index builder has no WHERE), so they hold only the
/// few rows that matter:
/// - a child's unmet obligations, with the columns the core's open test and the lists need, so
///   finding what is open reads the index alone (`StatusSQL.openToday`);
/// - a child's events awaiting a manager's authorisation.
struct IndexOpenWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX obligations_unmet ON obligations (child_id, due, not_applicable_since, id) WHERE met_date IS NULL").run()
        try await database.sql.raw("CREATE INDEX journey_events_awaiting ON journey_events (child_id) WHERE awaiting IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "journey_events_awaiting").run()
        try await database.sql.drop(index: "obligations_unmet").run()
    }
}
