import Fluent
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor

/// SQLite's statements kept on their connection (`SQLitePreparedStatements`). What each connection
/// keeps is read from SQLite itself (`sqlite_stmt`, its list of a connection's statements). On
/// PostgreSQL, which names its statements instead (`NamedStatementTests`), each test returns at
/// once (`withSQLiteTestApp`).
@Suite struct SQLitePreparedStatementsTests {
    /// Every kind of value SQLite holds reads back as it was bound, by a statement prepared once
    /// for three runs, which no run leaves busy (holding a read transaction open).
    @Test func aStatementIsPreparedOnceAndReadsWhatWasBound() async throws {
        try await withSQLiteConnection { connection in
            let sql = "SELECT ?1 AS i, ?2 AS f, ?3 AS t, ?4 AS b, ?5 AS n, 'second' AS t"
            for (number, text) in [(Int.min, "Zoë ✓ 'quoted'"), (0, ""), (Int.max, "before\u{0}after")] {
                let rows = try #require(try await SQLitePreparedStatements.rows(
                    sql, [.integer(number), .float(-0.25), .text(text), .blob(ByteBuffer(bytes: [0, 255, 7])), .null], on: connection))
                #expect(rows.count == 1 && rows.width == 6)
                #expect(rows.value(row: 0, column: "i") == .integer(number))
                #expect(rows.value(row: 0, column: "f") == .float(-0.25))
                // The first of two columns of one name, as SQLiteNIO reads them.
                #expect(rows.value(row: 0, column: "t") == .text(text))
                #expect(rows.value(row: 0, column: "b") == .blob(ByteBuffer(bytes: [0, 255, 7])))
                #expect(rows.value(row: 0, column: "n") == .null)
                #expect(rows.value(row: 0, column: "missing") == nil)
                // As SQLiteNIO reads them (where the connection's handle cannot be reached), but
                // for a text holding a nul, which SQLiteNIO cuts short there.
                let read = SQLiteRows(try await connection.query(sql, [.integer(number), .float(-0.25), .text(text), .blob(ByteBuffer(bytes: [0, 255, 7])), .null]))
                #expect(text.contains("\u{0}") || read == rows)
            }
            let kept = try await keptStatements(on: connection).filter { $0.sql == sql }
            #expect(kept.map(\.busy) == [false] && kept.map(\.runs) == [3])
            let empty = try await SQLitePreparedStatements.rows("SELECT ?1 AS b", [.blob(ByteBuffer())], on: connection)
            #expect(empty?.value(row: 0, column: "b") == .blob(ByteBuffer()))
        }
    }

    /// A statement whose plan may depend on a value (here an integer: whether a partial index
    /// serves it) is prepared again only when that value is bound anew — at its first run,
    /// prepared before any value was bound, and when the value changes; a text SQLite prepares
    /// again at every run — as SQLite means it to be (clearing a
    /// statement's values after each run made SQLite prepare My work's again at every run); a
    /// statement given fewer values than it takes is refused, not run with the last run's.
    @Test func aStatementIsNotPreparedAgainForOtherValues() async throws {
        try await withSQLiteConnection { connection in
            _ = try await connection.query("CREATE TABLE kept_probe (a INTEGER, b TEXT)", [])
            _ = try await connection.query("CREATE INDEX kept_probe_flagged ON kept_probe (b) WHERE a = 1", [])
            _ = try await connection.query("INSERT INTO kept_probe VALUES (1, 'one'), (2, 'two')", [])
            let sql = "SELECT b FROM kept_probe WHERE a = ?1 AND b >= ?2 ORDER BY b"
            for (flag, from, expected) in [(1, "a", ["one"]), (1, "p", []), (1, "o", ["one"]), (2, "a", ["two"])] {
                let rows = try #require(try await SQLitePreparedStatements.rows(sql, [.integer(flag), .text(from)], on: connection))
                #expect((0..<rows.count).map { rows.value(row: $0, column: "b") } == expected.map { .text($0) })
            }
            let kept = try await connection.query("SELECT reprep, run FROM sqlite_stmt WHERE sql = ?1", [.text(sql)])
            #expect(kept.map { [$0.column("reprep"), $0.column("run")] } == [[.integer(2), .integer(4)]])
            let error = await #expect(throws: SQLiteStatementError.self) {
                _ = try await SQLitePreparedStatements.rows(sql, [.integer(1)], on: connection)
            }
            #expect(error?.description.contains("takes 2 values, not 1") == true)
        }
    }

    /// Two reads at once on one transaction's connection (whose statements are not leased one by
    /// one) each read their own rows, the same statement's.
    @Test func readsAtOnceInATransactionEachReadTheirOwnRows() async throws {
        try await withSQLiteTestApp { app in
            try await app.db.transaction { db in
                let sql = db.sql
                func counted(to last: Int) async throws -> [Int] {
                    try await sql.raw("WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < \(bind: last)) SELECT n FROM k")
                        .all(reading: { try $0.int("n") })
                }
                try await withThrowingTaskGroup(of: (Int, [Int]).self) { group in
                    for last in (1...8).map({ $0 * 500 }) { group.addTask { (last, try await counted(to: last)) } }
                    for try await (last, numbers) in group { #expect(numbers == Array(1...last)) }
                }
            }
        }
    }

    /// A kept read whose last run was quick runs where the request is, without waiting for the
    /// thread pool (kept busy here); one whose last run took longer than `quickRun`, whatever its
    /// values now, one not run before and a write, however quick, wait for the pool, as they would
    /// for SQLite's own.
    @Test func aQuickReadRunsWithoutWaitingForTheThreadPool() async throws {
        try await withSQLiteTestApp { app in
            let sqlite = try #require(app.db as? any SQLiteDatabase)
            try await sqlite.leasingConnection { connection in
                _ = try await connection.query("CREATE TABLE kept_probe (n INTEGER)", [])
                _ = try await connection.query("INSERT INTO kept_probe VALUES (0)", [])
                let quick = "SELECT ?1 AS quick"
                let slow = "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?1) SELECT count(*) AS n FROM k"
                let write = "UPDATE kept_probe SET n = n + ?1 RETURNING n"
                // Only each one's last run counts: the quick one run a few times, lest a run be
                // held up past `quickRun` on a busy machine.
                for number in 1...5 { _ = try await SQLitePreparedStatements.rows(quick, [.integer(number)], on: connection) }
                _ = try await SQLitePreparedStatements.rows(slow, [.integer(200_000)], on: connection)
                _ = try await SQLitePreparedStatements.rows(write, [.integer(1)], on: connection)

                // Every thread of the pool, and the work queued after them, waits until released.
                let released = DispatchSemaphore(value: 0)
                let blockers = 1_024
                let blocking = (0..<blockers).map { _ in app.threadPool.runIfActive(eventLoop: app.eventLoopGroup.next()) { released.wait() } }
                let ran = NIOLockedValueBox<[String]>([])
                let waiting = [slow, "SELECT ?1 AS first", write]
                do {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (sql, value) in zip([quick] + waiting, [2, 10, 3, 1]) {
                            group.addTask {
                                _ = try await SQLitePreparedStatements.rows(sql, [.integer(value)], on: connection)
                                ran.withLockedValue { $0.append(sql) }
                            }
                        }
                        // The quick one at once (within 5 s, not to hang should it wait); the others
                        // not in the 0.3 s after.
                        for _ in 0..<50 where !ran.withLockedValue({ $0.contains(quick) }) { try await Task.sleep(for: .milliseconds(100)) }
                        try await Task.sleep(for: .milliseconds(300))
                        #expect(ran.withLockedValue { $0 } == [quick])
                        for _ in 0..<blockers { released.signal() }
                        try await group.waitForAll()
                    }
                } catch {
                    for _ in 0..<blockers { released.signal() }
                    throw error
                }
                for future in blocking { try await future.get() }
                #expect(Set(ran.withLockedValue { $0 }) == Set([quick] + waiting))
            }
        }
    }

    /// A statement kept across a change of its table reads the table's columns as they are now.
    @Test func aStatementKeptAcrossAChangeOfItsTableReadsItsColumnsNow() async throws {
        try await withSQLiteTestApp { app in
            let sql = app.db.sql
            try await sql.raw("CREATE TABLE kept_probe (a TEXT, b TEXT)").run()
            try await sql.raw("INSERT INTO kept_probe VALUES ('a', 'b')").run()
            func read() async throws -> [String?] {
                try await sql.raw("SELECT * FROM kept_probe").all(reading: { [try $0.text(ifAny: "a"), try $0.text(ifAny: "b"), try $0.text(ifAny: "c")] }).first ?? []
            }
            #expect(try await read() == ["a", "b", nil])
            try await sql.raw("ALTER TABLE kept_probe RENAME TO kept_probe_before").run()
            try await sql.raw("CREATE TABLE kept_probe (c TEXT, b TEXT, a TEXT)").run()
            try await sql.raw("INSERT INTO kept_probe VALUES ('c', 'b', 'a')").run()
            for _ in 0..<3 { #expect(try await read() == ["a", "b", "c"]) }
        }
    }

    /// Many rows, none, and a statement whose run fails partway: it throws SQLite's message and
    /// runs again with other values; so does the connection after a statement SQLite cannot parse.
    @Test func rowsAreReadInOrderAndAFailedRunLeavesTheStatementUsable() async throws {
        try await withSQLiteConnection { connection in
            let counting = "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?1) SELECT n, 'row ' || n AS label FROM k WHERE n > ?2"
            let rows = try #require(try await SQLitePreparedStatements.rows(counting, [.integer(1_000), .integer(0)], on: connection))
            #expect(rows.count == 1_000)
            #expect((0..<rows.count).allSatisfy { rows.value(row: $0, column: "n") == .integer($0 + 1) && rows.value(row: $0, column: "label") == .text("row \($0 + 1)") })
            #expect(try await SQLitePreparedStatements.rows(counting, [.integer(5), .integer(5)], on: connection)?.count == 0)

            let parsing = "SELECT json_extract(?1, '$.a') AS a"
            await #expect(throws: SQLiteStatementError.self) {
                _ = try await SQLitePreparedStatements.rows(parsing, [.text("{not json")], on: connection)
            }
            let parsed = try await SQLitePreparedStatements.rows(parsing, [.text(#"{"a": 3}"#)], on: connection)
            #expect(parsed?.value(row: 0, column: "a") == .integer(3))

            let error = await #expect(throws: SQLiteStatementError.self) {
                _ = try await SQLitePreparedStatements.rows("SELEC 1", [], on: connection)
            }
            #expect(error?.isSyntaxError == true && error?.description.contains("syntax error") == true)
            #expect(try await SQLitePreparedStatements.rows("SELECT 1 AS one", [], on: connection)?.value(row: 0, column: "one") == .integer(1))
            #expect(try await keptStatements(on: connection).allSatisfy { !$0.busy || $0.sql.contains("sqlite_stmt") })
        }
    }

    /// A connection keeps at most `maximumStatements`, the least recently used let go first, and
    /// none with more than `maximumValues` values (a batch's ids, another length every time).
    @Test func aConnectionKeepsTheStatementsUsedLatestUpToItsBound() async throws {
        try await withSQLiteConnection { connection in
            func probe(_ number: Int) -> String { "SELECT \(number) AS probe" }
            func run(_ numbers: some Sequence<Int>) async throws {
                for number in numbers { _ = try await SQLitePreparedStatements.rows(probe(number), [], on: connection) }
            }
            let bound = SQLitePreparedStatements.maximumStatements
            try await run(0..<bound)
            // The sixth, used again, is kept as the ten after the first `bound` are prepared; the
            // first five and the five after it, used least recently, are let go.
            try await run([5])
            try await run(bound..<(bound + 10))
            let values = [SQLiteData](repeating: .integer(1), count: SQLitePreparedStatements.maximumValues + 1)
            let many = "SELECT " + (1...values.count).map { "?\($0) AS v\($0)" }.joined(separator: ", ")
            #expect(try await SQLitePreparedStatements.rows(many, values, on: connection)?.width == values.count)

            let kept = Set(try await keptStatements(on: connection).map(\.sql))
            let probes = kept.filter { $0.hasSuffix(" AS probe") }
            #expect(probes.count == bound)
            #expect(probes.contains(probe(5)) && !probes.contains(probe(0)) && !probes.contains(probe(4)) && !probes.contains(probe(10)))
            #expect(probes.contains(probe(11)) && probes.contains(probe(bound + 9)))
            #expect(!kept.contains(many))
        }
    }

    /// SQLite refuses to close a connection with statements left: an application's are finalized
    /// when it shuts down, and its connections close (the last to close removes the write-ahead log).
    @Test func anApplicationsConnectionsCloseWhenItShutsDown() async throws {
        var file: String?
        try await withSQLiteTestApp { app in
            file = try await app.db.sql.raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first()?.decode(column: "file", as: String.self)
            // As `serve` runs it (`SQLiteTuning`).
            try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
            for _ in 0..<3 {
                _ = try await app.db.sql.select().column("id").from(Child.schema).limit(5).all(reading: { try $0.uuid("id") })
            }
            #expect(FileManager.default.fileExists(atPath: try #require(file) + "-wal"))
            // What reads on once they are finalized (an import still running as the application
            // stops) keeps no statement.
            await SQLitePreparedStatements.Finalizer().shutdownAsync(app)
            let sqlite = try #require(app.db as? any SQLiteDatabase)
            let (late, kept) = try await sqlite.leasingConnection { connection in
                (try await SQLitePreparedStatements.rows("SELECT 5 AS late", [], on: connection), try await keptStatements(on: connection).map(\.sql))
            }
            #expect(late?.value(row: 0, column: "late") == .integer(5))
            #expect(kept.allSatisfy { $0.contains("sqlite_stmt") })
        }
        guard let closed = file else { return } // PostgreSQL
        #expect(!FileManager.default.fileExists(atPath: closed + "-wal"))
        try? FileManager.default.removeItem(atPath: closed + "-shm")
    }
}

/// Runs `body` with an SQLite test application without the demo; on PostgreSQL, nothing (a test
/// skipped is a failure in `scripts/test`, which runs every test on both databases).
private func withSQLiteTestApp(_ body: (Application) async throws -> Void) async throws {
    try await withTestApp(seedDemo: false) { app, _ in
        guard app.db.sql.dialect.name == "sqlite" else { return }
        try await body(app)
    }
}

/// Runs `body` with one of an SQLite test application's connections, leased throughout.
private func withSQLiteConnection(_ body: @escaping (SQLiteConnection) async throws -> Void) async throws {
    try await withSQLiteTestApp { app in
        let sqlite = try #require(app.db as? any SQLiteDatabase)
        try await sqlite.leasingConnection { connection in try await body(connection) }
    }
}

/// The statements SQLite holds for this connection (`sqlite_stmt`): whether each is mid-run, and
/// how many times it has run.
private func keptStatements(on connection: SQLiteConnection) async throws -> [(sql: String, busy: Bool, runs: Int)] {
    try await connection.query("SELECT sql, busy, run FROM sqlite_stmt", []).map { row in
        guard case let .text(sql) = row.column("sql"), case let .integer(busy) = row.column("busy"),
              case let .integer(runs) = row.column("run") else { throw SQLiteStatementRowUnread() }
        return (sql, busy != 0, runs)
    }
}

private struct SQLiteStatementRowUnread: Error {}
