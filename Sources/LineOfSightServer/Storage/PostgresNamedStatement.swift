import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers

/// A statement sent to PostgreSQL by name: parsed once per connection and, once PostgreSQL finds
/// a plan that serves every value (after about five runs), planned once too; each use after that
/// sends only its values.
///
/// Sent without a name, as the drivers send every statement, PostgreSQL parses and plans each one
/// afresh: planning was four fifths of the child's page's statement time, and a third of the child
/// list's (`docs/performance.md`). Named this way, the list's page statement was planned 48 times
/// in 2,415 runs, and ran faster on the plan PostgreSQL settled on.
///
/// PostgresNIO prepares a named statement per connection on its first use, but only for a type
/// whose name and text are static (`PostgresPreparedStatement`), and this server writes its
/// statements at run time. So one type, `Prepared`, reads its name and text from a task-local set
/// around the call: PostgresNIO's `execute` reads both (and the values' types) before it first
/// suspends, in the task that called it.
///
/// What is sent without a name, straight through PostgresNIO all the same (its rows read by type,
/// `Columns`, rather than through `Decodable`, a fifth of re-deriving's CPU on PostgreSQL):
/// statements with more values than `maximumValues` (the batches of an import or a re-derivation,
/// whose lists of ids vary in length with every batch and would each be another statement to
/// keep), and every text after the first `maximumNames` (every connection keeps each statement it
/// prepared for as long as it is open). What goes as before, through PostgresKit: statements other
/// than a query or a change of rows (the schema's), and those with a value PostgresNIO does not
/// encode itself.
struct PostgresNamedStatement {
    static let maximumValues = 64
    static let maximumNames = 500
    /// How many times a statement's name is replaced (below) before it is sent unnamed for good.
    static let maximumGenerations = 8

    let sql: String
    let bindings: PostgresBindings
    private let types: [PostgresDataType]
    /// The text and the values' types: PostgreSQL fixes a named statement's value types when it
    /// prepares it, so the same text with a value of another type (or a null) is another statement.
    /// Written out only for a statement to name (not for a batch's hundreds of values).
    private var key: String { sql + "\u{0}" + types.map { String($0.rawValue) }.joined(separator: ",") }

    /// Nil when the statement is one to leave to PostgresKit (above).
    init?(sql: String, binds: [any Encodable & Sendable]) {
        guard Self.changesOrQueriesRows(sql) else { return nil }
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        for bind in binds {
            if Self.isNull(bind) {
                bindings.appendNull()
                types.append(.null)
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable, (try? bindings.append(value)) != nil {
                types.append(value.psqlType)
            } else {
                // PostgresKit's own encoding (through `Encodable`) decides this one's type.
                return nil
            }
        }
        self.sql = sql
        self.bindings = bindings
        self.types = types
    }

    /// The statement's rows, run on one of `database`'s connections (the transaction's, in one).
    func rows(on database: any PostgresDatabase, logger: Logger) async throws -> [PostgresRow] {
        try await database.leasingConnection { connection in try await rows(on: connection, logger: logger) }
    }

    private func rows(on connection: PostgresConnection, logger: Logger) async throws -> [PostgresRow] {
        guard bindings.count <= Self.maximumValues, let name = Self.names.name(for: key) else {
            // Collected on the event loop as they arrive: a batch's tens of thousands of rows
            // handed over one by one to an async loop cost as much as reading them by type saved.
            return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).get().rows
        }
        let current = Prepared.Current(name: name, sql: sql, types: types)
        do {
            // Only sending the statement reads its name and text. The rows are read outside the
            // task-local's scope: each row otherwise resumed the task once more (My work for a
            // team manager at 15,000: 4,156 task switches a request, 3,704 without).
            let sequence = try await Prepared.$current.withValue(current) {
                try await connection.execute(Prepared(bindings: bindings), logger: logger)
            }
            var rows: [PostgresRow] = []
            var iterator = sequence.makeAsyncIterator()
            while let row = try await iterator.next() { rows.append(row) }
            return rows
        } catch let error as PSQLError where error.serverInfo != nil {
            // A statement PostgreSQL would not prepare (in a transaction already failed, say)
            // stays failed under its name on that connection, which PostgresNIO then answers
            // with the same error every time: the next use, on every connection, prepares it
            // under a new name. PostgresNIO cannot say whether preparing or running it
            // failed, so any error from the server renews the name.
            Self.names.failed(key, name: name)
            throw error
        }
    }

    /// Whether the statement reads or changes rows, by its first word: after the parenthesis that
    /// SQLKit writes a union's first part in (My work's union, unnamed, was planned afresh every
    /// time, 3.5 ms of PostgreSQL's CPU at 15,000 children).
    private static func changesOrQueriesRows(_ sql: String) -> Bool {
        let first = sql.utf8.drop { $0 == UInt8(ascii: "(") }
            .prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "(") }
        return ["SELECT", "WITH", "INSERT", "UPDATE", "DELETE"].contains { word in
            first.count == word.utf8.count && zip(first, word.utf8).allSatisfy { $0 & 0xDF == $1 }
        }
    }

    /// Whether a value is a missing optional (sent as a null of no given type, as PostgresKit does).
    private static func isNull(_ value: any Encodable & Sendable) -> Bool {
        if case Optional<Any>.none = value as Any { return true }
        return false
    }

    private static let names = Names()

    /// Each statement's name: `los` and its number, then its generation.
    private final class Names: Sendable {
        private struct Entry {
            let number: Int
            var generation: Int
        }

        private let entries = NIOLockedValueBox<[String: Entry]>([:])

        func name(for key: String) -> String? {
            entries.withLockedValue { entries in
                if let entry = entries[key] {
                    return entry.generation < PostgresNamedStatement.maximumGenerations ? Self.name(entry) : nil
                }
                guard entries.count < PostgresNamedStatement.maximumNames else { return nil }
                let entry = Entry(number: entries.count, generation: 0)
                entries[key] = entry
                return Self.name(entry)
            }
        }

        /// The statement failed under this name: a new one for its next use, unless another
        /// failure already renewed it.
        func failed(_ key: String, name: String) {
            entries.withLockedValue { entries in
                guard let entry = entries[key], Self.name(entry) == name else { return }
                entries[key]?.generation += 1
            }
        }

        private static func name(_ entry: Entry) -> String { "los_\(entry.number)_\(entry.generation)" }
    }

    /// The statement as PostgresNIO's prepared statement type: its name, text and value types are
    /// the task-local `current`'s.
    private struct Prepared: PostgresPreparedStatement {
        struct Current: Sendable {
            let name: String
            let sql: String
            let types: [PostgresDataType]
        }

        @TaskLocal static var current: Current?

        static var name: String { current?.name ?? "" }
        static var sql: String { current?.sql ?? "" }
        static var bindingDataTypes: [PostgresDataType] { current?.types ?? [] }

        let bindings: PostgresBindings

        func makeBindings() throws -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}
