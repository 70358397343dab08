import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import LineOfSightCore
import SQLKit

/// A row's columns read by name, one lookup each, as the database driver delivered them.
///
/// `SQLRowDecoder` (a `Decodable` row) asks every column whether it is there, whether it is null
/// and then for its value, through keyed containers built for each row: for the 10,000 transfers
/// of a 15,000-child authority's review pack that was over a third of the page's time. And each
/// value read through SQLKit's row goes through the driver's `Decodable` translation (on
/// PostgreSQL a coding path, a dynamic cast and several lookups of the column's name a value:
/// 60 % of the permanence tracker's export). Rows fetched by `all(reading:)` are read here
/// straight from the driver's own row, each value by its own type.
struct Columns: Sendable {
    private let row: Row

    private enum Row {
        /// SQLite's values: text, integers, reals, blobs and nulls; row `row` of the statement's.
        case sqlite(SQLiteRows, row: Int)
        case postgres(PostgresRandomAccessRow)
        /// Any other row (read with `first()`, or from a driver or values `fetch` does not know),
        /// through SQLKit.
        case sql(OtherRow)
    }

    /// SQLKit's row, held by reference: a row of a protocol's type held in place would make every
    /// `Row` one copied through its type's functions, at every read's `switch` (2–3 % of My
    /// work's CPU on either database, side by side).
    private final class OtherRow: Sendable {
        let row: any SQLRow
        /// On SQLite, whose ids are stored as text.
        let idsAreText: Bool

        init(_ row: any SQLRow, idsAreText: Bool) {
            self.row = row
            self.idsAreText = idsAreText
        }
    }

    init(_ row: any SQLRow, of database: any SQLDatabase) {
        self.row = .sql(OtherRow(row, idsAreText: database.dialect.name == "sqlite"))
    }

    fileprivate init(sqlite rows: SQLiteRows, row: Int) { self.row = .sqlite(rows, row: row) }
    fileprivate init(postgres row: PostgresRow) { self.row = .postgres(row.makeRandomAccess()) }

    struct MissingColumn: Error, CustomStringConvertible {
        let name: String
        var description: String { "the statement did not select the column \(name)" }
    }

    /// Whether the statement selected the column.
    func contains(_ name: String) -> Bool {
        switch row {
        case let .sqlite(rows, row): rows.value(row: row, column: name) != nil
        case let .postgres(row): row.contains(name)
        case let .sql(other): other.row.contains(column: name)
        }
    }

    /// Null, or not selected.
    func isNull(_ name: String) throws -> Bool {
        switch row {
        case let .sqlite(rows, row): (rows.value(row: row, column: name) ?? .null) == .null
        case let .postgres(row): !row.contains(name) || row[name].bytes == nil
        case let .sql(other): try other.row.decodeNil(column: name)
        }
    }

    func text(_ name: String) throws -> String {
        try value(name, stored: Self.storedText)
    }

    func text(ifAny name: String) throws -> String? {
        try value(ifAny: name, stored: Self.storedText)
    }

    private static func storedText(_ data: SQLiteData) -> String? {
        if case let .text(text) = data { text } else { nil }
    }

    /// A column some statements select and others do not: nil when not selected or null.
    func text(ifSelected name: String) throws -> String? {
        contains(name) ? try text(ifAny: name) : nil
    }

    /// From SQLite, read as text and parsed by `UUID(text:)`, not by Foundation's `sscanf`; from
    /// PostgreSQL, its 16 bytes.
    func uuid(_ name: String) throws -> UUID {
        switch row {
        case let .postgres(row): return try cell(row, name).decode(UUID.self)
        case let .sql(other) where !other.idsAreText: return try other.row.decode(column: name, as: UUID.self)
        case .sqlite, .sql: return try Self.id(text(name), name)
        }
    }

    func uuid(ifAny name: String) throws -> UUID? {
        switch row {
        // Read by their own type: SQLite's `stored` is never asked.
        case .postgres: try value(ifAny: name) { _ in nil }
        case let .sql(other) where !other.idsAreText: try value(ifAny: name) { _ in nil }
        case .sqlite, .sql: try text(ifAny: name).map { try Self.id($0, name) }
        }
    }

    private static func id(_ text: String, _ name: String) throws -> UUID {
        guard let id = UUID(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "column \(name) does not hold an id"))
        }
        return id
    }

    /// A date stored as ISO text; nil when null or not a date.
    func date(ifAny name: String) throws -> CivilDate? {
        try text(ifAny: name).flatMap(CivilDate.init(iso:))
    }

    /// A code stored as its raw text; an error when the text is not one of the codes.
    func code<Code: RawRepresentable>(_ name: String, as: Code.Type) throws -> Code where Code.RawValue == String {
        guard let code = Code(rawValue: try text(name)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "column \(name) does not hold a \(Code.self)"))
        }
        return code
    }

    func int(_ name: String) throws -> Int {
        try value(name, stored: Self.storedInt)
    }

    func int(ifAny name: String) throws -> Int? {
        try value(ifAny: name, stored: Self.storedInt)
    }

    private static func storedInt(_ data: SQLiteData) -> Int? {
        if case let .integer(number) = data { number } else { nil }
    }

    func double(_ name: String) throws -> Double {
        // PostgreSQL's NUMERIC (an average, a sum of integers) is a decimal, as PostgresKit read it.
        if case let .postgres(row) = row, case let cell = try cell(row, name), cell.dataType == .numeric {
            return NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue
        }
        return try value(name) { if case let .float(number) = $0 { number } else { nil } }
    }

    func bool(_ name: String) throws -> Bool {
        try value(name, stored: Self.storedBool)
    }

    func bool(ifAny name: String) throws -> Bool? {
        try value(ifAny: name, stored: Self.storedBool)
    }

    private static func storedBool(_ data: SQLiteData) -> Bool? {
        if case let .integer(number) = data, number == 0 || number == 1 { number == 1 } else { nil }
    }

    /// A moment (a timestamp column).
    func time(_ name: String) throws -> Date {
        try value(name, stored: Self.storedTime)
    }

    func time(ifAny name: String) throws -> Date? {
        try value(ifAny: name, stored: Self.storedTime)
    }

    private static func storedTime(_ data: SQLiteData) -> Date? {
        if case let .float(seconds) = data { Date(timeIntervalSince1970: seconds) } else { nil }
    }

    /// Selected and not null: of a column that is never null in its table, that a joined table has
    /// a row here.
    func has(_ name: String) throws -> Bool {
        contains(name) ? try !isNull(name) : false
    }

    /// The column's value: from SQLite as `stored` reads the value it holds, or else (an integer
    /// read as text, say) as SQLiteKit would read it; from PostgreSQL by its own type. Both read
    /// with the drivers' default contexts, as `DatabaseSetup` configures them.
    private func value<Value: Decodable & PostgresDecodable>(_ name: String, stored: (SQLiteData) -> Value?) throws -> Value {
        switch row {
        case let .sqlite(rows, row):
            guard let data = rows.value(row: row, column: name) else { throw MissingColumn(name: name) }
            return try stored(data) ?? SQLiteDataDecoder().decode(Value.self, from: data)
        case let .postgres(row): return try cell(row, name).decode(Value.self)
        case let .sql(other): return try other.row.decode(column: name, as: Value.self)
        }
    }

    /// The same, or nil when the column is null or not selected: the column looked up once on
    /// SQLite and twice on PostgreSQL (whose row's subscript stops the server for a name it does
    /// not hold), rather than twice and four times as a null test and a read.
    private func value<Value: Decodable & PostgresDecodable>(ifAny name: String, stored: (SQLiteData) -> Value?) throws -> Value? {
        switch row {
        case let .sqlite(rows, row):
            guard let data = rows.value(row: row, column: name), data != .null else { return nil }
            return try stored(data) ?? SQLiteDataDecoder().decode(Value.self, from: data)
        case let .postgres(row):
            guard row.contains(name) else { return nil }
            let cell = row[name]
            return cell.bytes == nil ? nil : try cell.decode(Value.self)
        case let .sql(other): return try other.row.decodeNil(column: name) ? nil : try other.row.decode(column: name, as: Value.self)
        }
    }

    private func cell(_ row: PostgresRandomAccessRow, _ name: String) throws -> PostgresCell {
        // The row's subscript stops the server for a name it does not hold.
        guard row.contains(name) else { throw MissingColumn(name: name) }
        return row[name]
    }
}

extension SQLQueryFetcher {
    /// Every row, each read by `read` column by column.
    func all<Row>(reading read: (Columns) throws -> Row) async throws -> [Row] {
        let database = database
        if let rows = try await Columns.fetch(query, on: database) { return try rows.map(read) }
        return try await all().map { try read(Columns($0, of: database)) }
    }
}

extension Columns {
    /// Runs `query` and returns its rows as the driver delivered them; nil, having run nothing, for
    /// a database or values it does not know (the statement then goes through SQLKit).
    ///
    /// SQLite's driver, reached through Fluent, hands each row to the event loop as a task of its
    /// own: 4,000 wake-ups for a permanence tracker export. On a connection of its own the rows are
    /// read on SQLite's thread, by a statement the connection keeps (`SQLitePreparedStatements`:
    /// a batch's is prepared for its one run), and the task that asked resumes once, on its own
    /// event loop (`leasingConnection`). PostgreSQL's
    /// rows are kept as PostgresNIO reads them, to be read by type rather than through `Decodable`.
    fileprivate static func fetch(_ query: any SQLExpression, on database: any SQLDatabase) async throws -> [Columns]? {
        let base = (database as? QuotedSQL)?.base ?? database
        let (sql, binds) = database.serialize(query)
        if let sqlite = base as? any SQLiteDatabase {
            let values = try binds.map(RowInsert.sqliteData)
            database.logExecuting(sql, binds)
            let rows = try await sqlite.leasingConnection { connection in
                if let rows = try await SQLitePreparedStatements.rows(sql, values, on: connection) { return rows }
                return SQLiteRows(try await connection.query(sql, values))
            }
            return (0 ..< rows.count).map { Columns(sqlite: rows, row: $0) }
        }
        if let postgres = base as? any PostgresDatabase, let statement = PostgresNamedStatement(sql: sql, binds: binds) {
            database.logExecuting(sql, binds)
            return try await statement.rows(on: postgres, logger: database.logger).map(Columns.init(postgres:))
        }
        return nil
    }
}
