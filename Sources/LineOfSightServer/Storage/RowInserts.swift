import SQLKit

extension SQLDatabase {
    /// Inserts `rows` (each a value for every one of `columns`, in order) into `table`, as many rows
    /// to a statement as fit under `RowInsert.bindLimit` bound values. For the tables written
    /// thousands of rows at a time — a council's return imported, everyone re-derived, the demo
    /// authority loaded — where building each statement with SQLKit's builder, an expression for
    /// every value, cost more than running it.
    func insert(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String]) async throws {
        guard !rows.isEmpty else { return }
        for chunk in rows.chunked(Swift.max(1, RowInsert.bindLimit / columns.count)) {
            try await execute(sql: RowInsert(table: table, columns: columns, rows: chunk)) { _ in }
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

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO \"\(table)\" (\"" + columns.joined(separator: "\", \"") + "\") VALUES ")
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
}
