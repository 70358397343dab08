import Fluent
import SQLKit

/// What a database needs after a whole authority has been written at once (the demo's load).
enum TableStatistics {
    /// On PostgreSQL, tables just written in bulk have no statistics and no visibility map until
    /// autovacuum reaches them, a minute or more later and then beside the first requests: until
    /// then the planner guesses at every table's size and an index-only scan reads each row's page
    /// as well. Measured at 15,000 children, 20 connections: straight after the load My work's p95
    /// was 397 ms (autovacuum running), then 81 ms; the child list's 58–75 ms, then 36 ms after
    /// this (which took 0.9 s). SQLite plans without statistics unless it is told to gather them,
    /// and its plans here are chosen for that (`CoverOpenWork`), so it is left as it is.
    static func refreshAfterBulkLoad(on db: any Database) async throws {
        guard db.sql.dialect.name == "postgresql" else { return }
        try await db.sql.raw("VACUUM (ANALYZE)").run()
    }
}
