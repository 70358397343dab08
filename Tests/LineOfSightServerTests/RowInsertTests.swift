import FluentSQLiteDriver
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor

/// Rows written in bulk (`SQLDatabase.insert(_:into:columns:)`): on SQLite their values go to the
/// driver without SQLiteKit's encoder, so they must be what that encoder makes of them.
@Suite struct RowInsertTests {
    @Test func sqliteValuesAreWhatSQLiteKitsEncoderMakes() throws {
        let id = UUID()
        let values: [any Encodable & Sendable] = [
            "text", "", "  ünïcode, \"quoted\" ", id, 0, 42, -7, Int.max, true, false, 2.5, -0.0, Date(timeIntervalSince1970: 1_764_547_200.25),
            Optional("some") as String?, nil as String?, Optional(id) as UUID?, nil as UUID?, Optional(3) as Int?, nil as Int?,
            Optional(true) as Bool?, nil as Bool?, Optional(-1.5) as Double?, nil as Double?, Optional(Date(timeIntervalSince1970: 86_400.5)) as Date?,
            nil as Date?, Int64(9), Int32(-3), nil as Int64?,
        ]
        for value in values {
            #expect(try RowInsert.sqliteData(value) == SQLiteDataEncoder().encode(value), "\(value)")
        }
    }

    /// The digest stored with each child's obligations (`DerivedRows.obligationsDigest`) is the
    /// same for the same rows from one version to the next, or every child's rows would be
    /// rewritten when they are next derived: a change to this figure must be one meant. (This one
    /// was worked out apart from the server, in Python, from the bytes `RowDigest` describes.)
    @Test func theDigestOfObligationRowsIsTheOneStoredBefore() throws {
        let id = try #require(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        let date = try #require(CivilDate(iso: "2026-08-28"))
        func rows(_ last: Int) -> RowDigest {
            var digest = RowDigest()
            digest.add("due.rule"); digest.add("a" as String?); digest.add(nil as String?); digest.add(last); digest.add(true); digest.add(id)
            digest.add(date); digest.add(nil as CivilDate?); digest.endRow()
            digest.add("x"); digest.add(nil as String?); digest.add(0); digest.add(false); digest.add(nil as String?); digest.add(nil as String?)
            digest.add(nil as String?); digest.add(nil as String?); digest.endRow()
            return digest
        }
        #expect(rows(3).digest == "0ea5e69d1a26908997686907a26f8a79e2f3809b5242c30cfde64e14d9b36360")
        #expect(rows(4).digest != rows(3).digest)
    }

    @Test func aUUIDsTextIsItsUUIDString() {
        let fixed = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        for id in fixed + (0..<500).map({ _ in UUID() }) + (0..<500).map({ _ in UUID.timeOrdered(at: Date()) }) {
            #expect(id.text == id.uuidString)
        }
    }

    /// A time as COPY's text format gives it to PostgreSQL: the microsecond PostgresNIO would bind.
    @Test func aTimeIsWrittenForPostgreSQLToTheMicrosecond() {
        #expect(RowCopy.timestamp(Date(timeIntervalSince1970: 946_684_800)) == "2000-01-01 00:00:00.000000+00")
        #expect(RowCopy.timestamp(Date(timeIntervalSince1970: 1_764_614_035.123456)) == "2025-12-01 18:33:55.123456+00")
        #expect(RowCopy.timestamp(Date(timeIntervalSince1970: -0.5)) == "1969-12-31 23:59:59.500000+00")
        #expect(RowCopy.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000000+00")
    }

    @Test func copysTextFormatEscapesWhatItMustAndWritesNullsAsBackslashN() {
        var buffer = ByteBuffer()
        let values: [any Encodable] = ["a\tb\nc\\d\re", nil as String?, Optional(7) as Int?, true, false, 2.5]
        for value in values { #expect(RowCopy.write(value, into: &buffer)); buffer.writeString("|") }
        #expect(String(buffer: buffer) == "a\\tb\\nc\\\\d\\re|\\N|7|t|f|2.5|")
        #expect(!RowCopy.write(Int32(3), into: &buffer), "a kind of value written only as a bound value")
    }

    /// More rows than one statement holds, of every kind of value, read back as written (SQLite,
    /// and PostgreSQL in the second pass).
    @Test func rowsWrittenInBulkReadBackAsWritten() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let sql = app.db.sql
            try await sql.raw("DROP TABLE IF EXISTS row_probe").run()
            try await sql.raw("CREATE TABLE row_probe (n INTEGER PRIMARY KEY, id UUID, text TEXT, flag BOOLEAN, number INTEGER, at TIMESTAMP WITH TIME ZONE)").run()
            let rows = (0..<700).map { n -> [any Encodable & Sendable] in
                // Text with what COPY's text format escapes (PostgreSQL) and what SQL quotes.
                let id: UUID? = n % 3 == 0 ? nil : UUID(), text: String? = n % 5 == 0 ? nil : "row \(n), \"quoted\" é\ttab\nline\\N\\\r'"
                let flag: Bool? = n % 7 == 0 ? nil : n % 2 == 0, number: Int? = n % 11 == 0 ? nil : n - 350
                let at: Date? = n % 13 == 0 ? nil : Date(timeIntervalSince1970: 1_764_613_435.123456 + Double(n * 86_399) - 900_000_000)
                return [n, id, text, flag, number, at]
            }
            #expect(rows.count * 6 > RowInsert.bindLimit, "more than one statement")
            try await sql.insert(rows, into: "row_probe", columns: ["n", "id", "text", "flag", "number", "at"])
            struct Row: Decodable, Equatable {
                let n: Int, id: UUID?, text: String?, flag: Bool?, number: Int?, at: Date?
                /// To the microsecond, as PostgreSQL keeps a time.
                static func == (a: Row, b: Row) -> Bool {
                    (a.n, a.id, a.text, a.flag, a.number) == (b.n, b.id, b.text, b.flag, b.number)
                        && a.at.map { at in b.at.map { abs(at.timeIntervalSince($0)) < 0.000_001 } ?? false } ?? (b.at == nil)
                }
            }
            let read = try await sql.select().columns("n", "id", "text", "flag", "number", "at").from("row_probe").orderBy("n").all(decoding: Row.self)
            let written = rows.map { Row(n: $0[0] as! Int, id: $0[1] as? UUID, text: $0[2] as? String, flag: $0[3] as? Bool, number: $0[4] as? Int,
                                         at: $0[5] as? Date) }
            #expect(read == written)
            try await sql.raw("DROP TABLE row_probe").run()
        }
    }

    /// A row refused in a bulk insert fails its transaction, and nothing the transaction wrote
    /// before is kept (SQLite's `OR ROLLBACK` ends it at once): the database is as it was, and
    /// usable.
    @Test func aRowRefusedLeavesNothingOfItsTransaction() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            try await app.db.sql.raw("DROP TABLE IF EXISTS row_probe").run()
            try await app.db.sql.raw("CREATE TABLE row_probe (n INTEGER PRIMARY KEY, text TEXT)").run()
            try await app.db.sql.insert([[0, "kept"]], into: "row_probe", columns: ["n", "text"])
            await #expect(throws: (any Error).self) {
                try await app.db.transaction { db in
                    try await db.sql.insert((1...300).map { n -> [any Encodable & Sendable] in [n, "first"] }, into: "row_probe", columns: ["n", "text"])
                    try await db.sql.raw("UPDATE row_probe SET text = 'changed'").run()
                    try await db.sql.insert((301...600).map { n -> [any Encodable & Sendable] in [n == 450 ? 1 : n, "second"] }, into: "row_probe", columns: ["n", "text"])
                    try await db.sql.insert([[601, "after"]], into: "row_probe", columns: ["n", "text"])
                }
            }
            let texts = try await app.db.sql.select().column("text").from("row_probe").all(decodingColumn: "text", as: String.self)
            #expect(texts == ["kept"])
            try await app.db.sql.insert([[1, "again"]], into: "row_probe", columns: ["n", "text"])
            #expect(try await app.db.sql.select().column("n").from("row_probe").all().count == 2)
            try await app.db.sql.raw("DROP TABLE row_probe").run()
        }
    }
}
