import Fluent
import SQLKit

/// What a database needs after a whole authority may have been written at once (the demo's load,
/// a council's first SSDA903 import, every child re-derived by `obligations rederive` or at start-up).
enum TableStatistics {
    /// On PostgreSQL, tables just written in bulk have no statistics and no visibility map until
    /// autovacuum reaches them, a minute or more later and then beside the first requests: until
    /// then the planner guesses at every table's size and an index-only scan reads each row's page
    /// as well. Measured at 15,000 children, 20 connections: straight after the load My work's p95
    /// was 397 ms while autovacuum ran and 81 ms once it had finished; the child list's 58–75 ms,
    /// and 36 ms after this (which took 0.9 s). Only this application's tables (those of its
    /// schema), so a database shared with others is not vacuumed whole. A failure only leaves the
    /// work to autovacuum, so it is logged rather than stopping the server. SQLite plans without
    /// statistics unless it is told to gather them, and its plans here are chosen for that
    /// (`CoverOpenWork`), so it is left as it is.
    static func refreshAfterBulkLoad(on db: any Database) async {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return }
        do {
            let tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
                .all().map { try $0.decode(column: "tablename", as: String.self) }
            guard !tables.isEmpty else { return }
            try await sql.raw("VACUUM (ANALYZE) \(idents: tables, joinedBy: ", ")").run()
        } catch {
            db.logger.warning("The tables' statistics were not brought up to date after the load (autovacuum will): \(String(reflecting: error))")
        }
    }
}
