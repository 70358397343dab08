import NIOConcurrencyHelpers
import SQLKit

/// Statements written once for what they are built from, and kept: the text and values of each
/// statement built from a key, for each database dialect, up to `capacity` of them (the least
/// recently used let go first).
///
/// SQLKit builds a statement as a tree of expressions and writes its text by walking the tree, at
/// every run. For My work's statement of five parts that was a tenth of the request's CPU on
/// PostgreSQL (docs/performance.md), and a person opening the same page again the same day runs the
/// very same statement. Only the statement is kept, its text and values: what it reads is read
/// afresh at every run.
///
/// A key must hold everything its statement is built from: `build` is given the key and the
/// database (for its dialect) and nothing else.
final class WrittenStatements<Key: Hashable & Sendable>: Sendable {
    private let capacity: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var kept: [Written: Entry] = [:]
        var uses = 0
    }

    private struct Written: Hashable {
        let key: Key
        let dialect: String
    }

    private struct Entry {
        let statement: WrittenStatement
        var lastUse: Int
    }

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// `build(key, db)`'s statement, written when it was first asked for.
    func statement(_ key: Key, on db: any SQLDatabase, build: (Key, any SQLDatabase) -> any SQLExpression) -> WrittenStatement {
        let written = Written(key: key, dialect: db.dialect.name)
        let found = state.withLockedValue { state -> WrittenStatement? in
            state.uses += 1
            guard let entry = state.kept[written] else { return nil }
            state.kept[written]?.lastUse = state.uses
            return entry.statement
        }
        if let found { return found }
        // Written outside the lock: two requests at once may each write it, and either is kept.
        let statement = WrittenStatement(build(key, db), by: db)
        state.withLockedValue { state in
            if state.kept[written] == nil, state.kept.count >= capacity,
               let oldest = state.kept.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.kept[oldest.key] = nil
            }
            state.kept[written] = Entry(statement: statement, lastUse: state.uses)
        }
        return statement
    }

    /// How many statements are kept.
    var count: Int { state.withLockedValue { $0.kept.count } }
}

/// A whole statement's text as its dialect writes it, with its values in order: written as it is,
/// so only as a statement of its own (its placeholders are numbered from the first).
struct WrittenStatement: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    /// `query` as `database` writes it.
    init(_ query: any SQLExpression, by database: any SQLDatabase) {
        (sql, binds) = database.serialize(query)
    }

    func serialize(to serializer: inout SQLSerializer) {
        assert(serializer.sql.isEmpty && serializer.binds.isEmpty, "a written statement is only ever a whole statement")
        serializer.write(sql)
        serializer.binds.append(contentsOf: binds)
    }
}
