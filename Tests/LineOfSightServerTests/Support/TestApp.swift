import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The fixed "today" of every server test, so ages, expiry dates and demo histories never drift.
let testToday = CivilDate(iso: "2026-03-31")!
let testMetricsToken = "test-metrics-token"

/// Runs a test against a real application on a real database: a fresh SQLite file by default, or the
/// PostgreSQL server named by `DATABASE_URL` (scripts/test runs the suite both ways; the PostgreSQL
/// pass runs serially and each test starts from emptied tables). A small demo authority is loaded.
func withTestApp(seedDemo: Bool = true, adjusting adjust: (inout Settings) -> Void = { _ in },
                 _ test: (Application, DemoAuthority) async throws -> Void) async throws {
    let database: Settings.DatabaseLocation
    var sqliteFile: String?
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        database = .postgres(url: url)
    } else {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lineofsight-test-\(UUID().uuidString).sqlite").path
        sqliteFile = path
        database = .sqlite(path: path)
    }
    defer { if let sqliteFile { try? FileManager.default.removeItem(atPath: sqliteFile) } }
    var settings = Settings(database: database, sessionIdleTimeout: 30 * 60, metricsToken: testMetricsToken, today: testToday.iso)
    adjust(&settings)
    let authority = DemoAuthority.generate(seed: 7, today: testToday, childCount: 120)
    try await withApp(configure: { app in
        app.logger.logLevel = .warning
        try await configure(app, settings: settings)
    }) { app in
        try await app.autoMigrate()
        try await TestDatabase.empty(app.db)
        if seedDemo { try await DemoSeeder.seed(authority, today: testToday, now: app.clock.now, on: app.db, passwordCost: 4) }
        try await test(app, authority)
    }
}

/// Every session has been idle for longer than the timeout, as if its user walked away: moved in
/// the database rather than waited for, so the test does not depend on how fast the machine is.
func idleEverySession(_ app: Application) async throws {
    try await UserSession.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-2 * 60 * 60)).update()
}

enum TestDatabase {
    /// PostgreSQL's clock, to ask later whether its tables' statistics were brought up to date
    /// since (`statisticsRefreshed`); nil on SQLite, which keeps none.
    static func postgresNow(_ db: any Database) async throws -> String? {
        guard db.sql.dialect.name == "postgresql" else { return nil }
        return try await db.sql.raw("SELECT clock_timestamp()::text AS now").first()?.decode(column: "now", as: String.self)
    }

    /// Whether `children` and `obligations` were vacuumed and analysed by this application since
    /// `start` (`TableStatistics`): autovacuum's own runs are recorded in other columns.
    static func statisticsRefreshed(since start: String, on db: any Database) async throws -> Bool {
        let refreshed = try await db.sql.raw("""
            SELECT count(*) AS n FROM pg_stat_user_tables WHERE schemaname = current_schema()
            AND relname IN ('children', 'obligations') AND last_vacuum >= \(bind: start)::timestamptz AND last_analyze >= \(bind: start)::timestamptz
            """).first()?.decode(column: "n", as: Int.self)
        return refreshed == 2
    }

    /// Empties every table but the migrations' own (the PostgreSQL pass shares one database between
    /// tests), found in the catalogue so that a new table cannot be forgotten. TRUNCATE fires no row
    /// triggers, so the append-only audit table can be emptied here but not through the app.
    static func empty(_ db: any Database) async throws {
        let sql = db.sql
        // SQLite files are new for every test.
        guard sql.dialect.name == "postgresql" else { return }
        struct Table: Decodable { let tablename: String }
        let tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_fluent_migrations'")
            .all(decoding: Table.self).map { "\"\($0.tablename)\"" }
        guard !tables.isEmpty else { return }
        try await sql.raw("TRUNCATE \(unsafeRaw: tables.joined(separator: ", ")) CASCADE").run()
    }

    /// How many rows a table holds.
    static func rows(in table: String, on db: any Database) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Which children the audit trail names as shown: those one audit row names, or the reads that name one child.
    enum Shown {
        case byAuditRow(UUID)
        case child(UUID)
    }

    /// How many children an audit row names as shown, or how many reads name a child, through the
    /// sets of children reads name (`ChildSet`; not the rows written before sets).
    static func shownChildren(_ which: Shown, on db: any Database) async throws -> Int {
        let (column, value) = switch which {
        case let .byAuditRow(id): (SQLColumn("id", table: "e"), id)
        case let .child(id): (SQLColumn("child_id", table: "m"), id)
        }
        return try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier(Audit.childSetMembers), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier(AuditEvent.schema), as: SQLIdentifier("e")), method: SQLJoinMethod.inner,
                  on: SQLColumn("child_set", table: "e"), .equal, SQLColumn("set_id", table: "m"))
            .where(column, .equal, SQLBind(value))
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

extension DemoAuthority {
    func account(_ role: Role) -> AccountRecord { accounts.first { $0.role == role }! }

    /// A child allocated to the demo social worker: visible to them, their team manager and head of service.
    var socialWorkersChild: ChildRecord {
        let worker = account(.socialWorker).staffID!
        let open = allocations.first { $0.workerID == worker && $0.end == nil }!
        return children.first { $0.id == open.childID }!
    }

    func team(named name: String) -> TeamRecord { teams.first { $0.name == name }! }
}
