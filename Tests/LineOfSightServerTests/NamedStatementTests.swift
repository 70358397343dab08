import Fluent
import Foundation
@testable import LineOfSightServer
import SQLKit
import Testing

/// Statements sent to PostgreSQL by name, prepared once per connection (`PostgresNamedStatement`).
/// Each test holds one connection throughout, as a request's statements may share one. On SQLite
/// the same statements run as they always do.
@Suite struct NamedStatementTests {
    /// PostgresNIO answers a statement that once failed to prepare with that failure for as long as
    /// the connection lasts: here the table is missing the first time, and the same statement must
    /// run once it is there.
    @Test func aStatementThatFailedRunsOnceItCan() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            try await app.db.withConnection { db in
                let sql = db.sql
                try await sql.raw("DROP TABLE IF EXISTS named_probe").run()
                func positive() async throws -> [Int] {
                    try await sql.select().column("n").from("named_probe").where("n", .greaterThan, SQLBind(0)).orderBy("n")
                        .all(reading: { try $0.int("n") })
                }
                await #expect(throws: (any Error).self) { try await positive() }
                try await sql.raw("CREATE TABLE named_probe (n INTEGER, label TEXT)").run()
                try await sql.insert([[2, "two"], [-1, nil as String?], [1, "one"]], into: "named_probe", columns: ["n", "label"])
                #expect(try await positive() == [1, 2])
                try await sql.raw("DROP TABLE named_probe").run()
            }
        }
    }

    /// The same text with a null where it had a value (PostgreSQL fixes a named statement's value
    /// types when it prepares it) reads what it should each time, through SQLKit's rows and `Columns`.
    @Test func theSameStatementWithANullOrAValueReadsItsOwnRows() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            try await app.db.withConnection { db in
                let sql = db.sql
                try await sql.raw("DROP TABLE IF EXISTS named_probe").run()
                try await sql.raw("CREATE TABLE named_probe (id UUID, label TEXT)").run()
                let id = UUID()
                try await sql.insert([[id, "labelled"], [UUID(), nil as String?]], into: "named_probe", columns: ["id", "label"])
                struct Row: Decodable { let id: UUID }
                func matching(_ label: String?) async throws -> (decoded: [UUID], read: [UUID]) {
                    let select = sql.raw("SELECT id FROM named_probe WHERE COALESCE(label, '') = COALESCE(\(bind: label), '')")
                    return (try await select.all(decoding: Row.self).map(\.id), try await select.all(reading: { try $0.uuid("id") }))
                }
                for _ in 0..<7 {
                    let labelled = try await matching("labelled"), unlabelled = try await matching(nil)
                    #expect(labelled.decoded == [id] && labelled.read == [id])
                    #expect(unlabelled.decoded.count == 1 && unlabelled.decoded != [id] && unlabelled.read == unlabelled.decoded)
                }
                try await sql.raw("DROP TABLE named_probe").run()
            }
        }
    }

    /// On PostgreSQL a page's statements are prepared on the connection, unions among them (SQLKit
    /// writes a union's first part in parentheses), and the batches of a re-derivation, with their
    /// hundreds of values, are not.
    @Test func pageStatementsArePreparedOnTheConnectionAndBatchesAreNot() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            guard app.db.sql.dialect.name == "postgresql" else { return }
            try await app.db.withConnection { db in
                let sql = db.sql
                let few = (0..<3).map { _ in UUID() }, many = (0...PostgresNamedStatement.maximumValues).map { _ in UUID() }
                for ids in [few, many] {
                    _ = try await sql.select().column("id").from(Child.schema).where("id", .in, SQLBind.group(ids)).all(reading: { try $0.uuid("id") })
                }
                let union = SQLUnionBuilder(on: sql, initialQuery: sql.select().column("id").from(Child.schema).where("la_child_id", .equal, SQLBind("a")).select)
                    .union(all: sql.select().column("id").from(Child.schema).where("la_child_id", .equal, SQLBind("b")).select)
                _ = try await union.all(reading: { try $0.uuid("id") })
                let prepared = try await sql.raw("SELECT statement FROM pg_prepared_statements").all(reading: { try $0.text("statement") })
                #expect(prepared.contains { $0.contains("\"children\"") && $0.contains("$3)") && !$0.contains("$4") })
                #expect(prepared.contains { $0.hasPrefix("(SELECT") && $0.contains("UNION ALL") })
                #expect(!prepared.contains { $0.contains("$\(many.count)") })
            }
        }
    }
}
