import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

extension SQLDatabase {
    /// Inserts `rows` (each a value for every one of `columns`, in order) into `table`: on
    /// PostgreSQL with one `COPY` (`RowCopy`), elsewhere as many rows to a statement as fit under
    /// `RowInsert.bindLimit` bound values. For the tables written
    /// thousands of rows at a time — a council's return imported, everyone re-derived, the demo
    /// authority loaded, the children an export names in the audit trail — where building each
    /// statement with SQLKit's builder, an expression for every value, cost more than running it. On PostgreSQL up to `copyAbove` rows go as `INSERT`s
    /// instead: a `COPY` waits for the server once more before it sends its rows, which a few rows
    /// (a page's audit rows) do not pay back.
    func insert(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String], copyAbove: Int = 0) async throws {
        guard !rows.isEmpty else { return }
        let chunks = rows.chunked(Swift.max(1, RowInsert.bindLimit / columns.count))
        let base = (self as? QuotedSQL)?.base ?? self
        // On SQLite the values go to the driver as its own values: SQLiteKit would otherwise ask
        // each one whether it converts itself and encode those that do not through `Encoder`
        // (UUIDs and every optional), a sixth of a large import's time on the server's side.
        if let sqlite = base as? any SQLiteDatabase {
            for chunk in chunks {
                let insert = RowInsert(table: table, columns: columns, rows: chunk), text = insert.sqliteText
                if let level = queryLogLevel { logger.log(level: level, "Executing query", metadata: ["sql": .string(text)]) }
                try await sqlite.query(text, try insert.sqliteValues) { _ in }
            }
        } else if rows.count > copyAbove, let postgres = base as? any PostgresDatabase, let lines = RowCopy.lines(rows) {
            if let level = queryLogLevel { logger.log(level: level, "Copying \(rows.count) rows", metadata: ["table": .string(table)]) }
            try await RowCopy.copy(lines, into: table, columns: columns, on: postgres, logger: logger)
        } else {
            for chunk in chunks {
                try await execute(sql: RowInsert(table: table, columns: columns, rows: chunk)) { _ in }
            }
        }
    }
}

/// `INSERT INTO "table" ("a", "b") VALUES ($1, $2), ($3, $4)`, written out directly. Table and
/// column names are this server's own (see `QuotedSQL`); every value is a bound parameter.
struct RowInsert: SQLExpression {
    /// Below SQLite's oldest limit on bound values in a statement (999).
    static let bindLimit = 990

    let table: String
    let columns: [String]
    let rows: ArraySlice<[any Encodable & Sendable]>

    private func head(_ insert: String) -> String {
        insert + " INTO \"\(table)\" (\"" + columns.joined(separator: "\", \"") + "\") VALUES "
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(head("INSERT"))
        var firstRow = true
        for row in rows {
            serializer.write(firstRow ? "(" : ", (")
            firstRow = false
            for (index, value) in row.enumerated() {
                if index > 0 { serializer.write(", ") }
                serializer.write(bind: value)
            }
            serializer.write(")")
        }
    }

    /// The statement for SQLite, whose `?` are its values in order (`sqliteValues`).
    ///
    /// `OR ROLLBACK`: a row refused (a key already there) ends the whole transaction at once,
    /// rather than undoing this statement alone and leaving the transaction open. Every caller
    /// lets the error end its transaction anyway (the import, re-deriving, recording an event, an
    /// audit row with the children it names: nothing is half-saved; none carries on after it), and
    /// to undo one statement of many rows SQLite first copies every page it changes into a
    /// statement journal — a tenth of a large import's time in SQLite.
    var sqliteText: String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return head("INSERT OR ROLLBACK") + Array(repeating: row, count: rows.count).joined(separator: ", ")
    }

    /// The values, row by row, as SQLite's driver takes them.
    var sqliteValues: [SQLiteData] {
        get throws {
            var values: [SQLiteData] = []
            values.reserveCapacity(rows.count * columns.count)
            for row in rows {
                for value in row { values.append(try Self.sqliteData(value)) }
            }
            return values
        }
    }

    /// What `SQLiteDataEncoder` makes of `value`, for the kinds of value these rows hold without
    /// asking it (a UUID as its text, a date as seconds since 1970, a nil as NULL); anything
    /// else through it.
    static func sqliteData(_ value: any Encodable) throws -> SQLiteData {
        switch RowValue(value) {
        case let .text(text): .text(text)
        case let .uuid(id): .text(id.text)
        case let .integer(number): .integer(SQLiteInt64(number))
        case let .boolean(flag): .integer(flag ? 1 : 0)
        case let .real(number): .float(number)
        case let .time(date): .float(date.timeIntervalSince1970)
        case .null: .null
        case let .other(value): try SQLiteDataEncoder().encode(value)
        }
    }
}
