import Fluent
import FluentSQLiteDriver
import Foundation
@testable import LineOfSightServer
import SQLKit
import Testing

/// SQLite's statements kept on their connection (`SQLitePreparedStatements`). What each connection
/// keeps is read from SQLite itself (`sqlite_stmt`, its list of a connection's statements). On
/// PostgreSQL there is nothing to test here (`NamedStatementTests`).
@Suite struct SQLitePreparedStatementsTests {
    /// Every kind of value SQLite holds reads back as it was bound, by a statement prepared once
    /// for three runs, which no run leaves busy (holding a read transaction open).
    @Test func aStatementIsPreparedOnceAndReadsWhatWasBound() async throws {
        try await withSQLiteConnection { connection in
            let sql = "SELECT ?1 AS i, ?2 AS f, ?3 AS t, ?4 AS b, ?5 AS n, 'second' AS t"
            for number in [Int.min, 0, Int.max] {
                let text = "Zoë \(number) ✓ 'quoted'"
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
                // As SQLiteNIO reads them (where the connection's handle cannot be reached).
                #expect(SQLiteRows(try await connection.query(sql, [.integer(number), .float(-0.25), .text(text), .blob(ByteBuffer(bytes: [0, 255, 7])), .null])) == rows)
            }
            let kept = try await keptStatements(on: connection)
            #expect(kept.filter { $0.sql == sql }.map(\.busy) == [false])
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
            let total = SQLitePreparedStatements.maximumStatements + 10
            for number in 0..<total { _ = try await SQLitePreparedStatements.rows(probe(number), [], on: connection) }
            // The first, used again, is kept; the ten after it are the least recently used.
            _ = try await SQLitePreparedStatements.rows(probe(0), [], on: connection)
            _ = try await SQLitePreparedStatements.rows(probe(total), [], on: connection)
            let values = [SQLiteData](repeating: .integer(1), count: SQLitePreparedStatements.maximumValues + 1)
            let many = "SELECT " + (1...values.count).map { "?\($0) AS v\($0)" }.joined(separator: ", ")
            #expect(try await SQLitePreparedStatements.rows(many, values, on: connection)?.width == values.count)

            let kept = Set(try await keptStatements(on: connection).map(\.sql))
            let probes = kept.filter { $0.hasSuffix(" AS probe") }
            #expect(probes.count == SQLitePreparedStatements.maximumStatements)
            #expect(probes.contains(probe(0)) && probes.contains(probe(total)) && !probes.contains(probe(1)) && !probes.contains(probe(11)))
            #expect(probes.contains(probe(12)))
            #expect(!kept.contains(many))
        }
    }

    /// SQLite refuses to close a connection with statements left: an application's are finalized
    /// when it shuts down, and its connections close (the last to close removes the write-ahead log).
    @Test func anApplicationsConnectionsCloseWhenItShutsDown() async throws {
        var file: String?
        try await withTestApp(seedDemo: false) { app, _ in
            guard app.db.sql.dialect.name == "sqlite" else { return }
            file = try await app.db.sql.raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first()?.decode(column: "file", as: String.self)
            // As `serve` runs it (`SQLiteTuning`).
            try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
            for _ in 0..<3 {
                _ = try await app.db.sql.select().column("id").from(Child.schema).limit(5).all(reading: { try $0.uuid("id") })
            }
            #expect(FileManager.default.fileExists(atPath: try #require(file) + "-wal"))
        }
        guard let file else { return }
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
        try? FileManager.default.removeItem(atPath: file + "-shm")
    }
}

/// Runs `body` with one of an SQLite test application's connections, leased throughout; nothing on
/// PostgreSQL.
private func withSQLiteConnection(_ body: @escaping (SQLiteConnection) async throws -> Void) async throws {
    try await withTestApp(seedDemo: false) { app, _ in
        guard let sqlite = app.db as? any SQLiteDatabase else { return }
        try await sqlite.leasingConnection { connection in try await body(connection) }
    }
}

/// The statements SQLite holds for this connection (`sqlite_stmt`), and whether each is mid-run.
private func keptStatements(on connection: SQLiteConnection) async throws -> [(sql: String, busy: Bool)] {
    try await connection.query("SELECT sql, busy FROM sqlite_stmt", []).map { row in
        guard case let .text(sql) = row.column("sql"), case let .integer(busy) = row.column("busy") else { throw SQLiteStatementRowUnread() }
        return (sql, busy != 0)
    }
}

private struct SQLiteStatementRowUnread: Error {}
