@testable import LineOfSightServer
import SQLKit
import Testing

/// Statements written once for their key and kept (`WrittenStatements`).
@Suite struct WrittenStatementsTests {
    /// A statement is written once for its key: asked for again, the same text and values, which
    /// read what writing it afresh reads; another key's is written for it.
    @Test func aStatementIsWrittenOnceForItsKey() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let db = app.db.sql
            let written = WrittenStatements<Int>(capacity: 10)
            var builds: [Int] = []
            func build(_ key: Int, _ db: any SQLDatabase) -> any SQLExpression {
                builds.append(key)
                return db.select().column(SQLBind(key), as: "n").column(SQLBind("text \(key)"), as: "t").query
            }
            let first = written.statement(1, on: db, build: build)
            let again = written.statement(1, on: db, build: build)
            let other = written.statement(2, on: db, build: build)
            #expect(builds == [1, 2])
            #expect(first.sql == again.sql && first.binds.count == 2)
            for (statement, key) in [(again, 1), (other, 2)] {
                let afresh = db.serialize(build(key, db))
                #expect(db.serialize(statement).sql == afresh.sql && db.serialize(statement).binds.map { "\($0)" } == afresh.binds.map { "\($0)" })
                let row = try await db.raw("\(statement)").all(reading: { (try $0.int("n"), try $0.text("t")) })
                #expect(row.map(\.0) == [key] && row.map(\.1) == ["text \(key)"])
            }
        }
    }

    /// At most `capacity` are kept, the least recently used let go first.
    @Test func theStatementsUsedLatestAreKeptUpToTheCapacity() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let db = app.db.sql
            let written = WrittenStatements<Int>(capacity: 2)
            var builds: [Int] = []
            func ask(_ key: Int) {
                _ = written.statement(key, on: db) { key, db in
                    builds.append(key)
                    return db.select().column(SQLBind(key), as: "n").query
                }
            }
            for key in [1, 2, 1, 3, 1, 2] { ask(key) }
            // 3 let 2 go (1 was used since); 2 let 3 go.
            #expect(builds == [1, 2, 3, 2])
            #expect(written.count == 2)
        }
    }
}
