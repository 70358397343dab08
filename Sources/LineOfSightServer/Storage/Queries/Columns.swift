import Foundation
import LineOfSightCore
import SQLKit

/// A row's columns read by name, one lookup each. `SQLRowDecoder` (a `Decodable` row) asks every
/// column whether it is there, whether it is null and then for its value, through keyed containers
/// built for each row: for the 10,000 transfers of a 15,000-child authority's review pack that was
/// over a third of the page's time. Rows read by the thousand are read through this instead.
struct Columns {
    let row: any SQLRow
    /// SQLite stores ids as text; PostgreSQL sends its `uuid` columns as 16 bytes, which it would
    /// format as text (a microsecond each) to be read as text.
    let idsAreText: Bool

    init(_ row: any SQLRow, of database: any SQLDatabase) {
        self.row = row
        idsAreText = database.dialect.name == "sqlite"
    }

    func text(_ name: String) throws -> String {
        try row.decode(column: name, as: String.self)
    }

    func text(ifAny name: String) throws -> String? {
        try row.decodeNil(column: name) ? nil : text(name)
    }

    /// A column some statements select and others do not: nil when not selected or null.
    func text(ifSelected name: String) throws -> String? {
        row.contains(column: name) ? try text(ifAny: name) : nil
    }

    /// From SQLite, read as text and parsed by `UUID(text:)`, not by Foundation's `sscanf`.
    func uuid(_ name: String) throws -> UUID {
        guard idsAreText else { return try row.decode(column: name, as: UUID.self) }
        let text = try text(name)
        guard let id = UUID(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "column \(name) does not hold an id"))
        }
        return id
    }

    func uuid(ifAny name: String) throws -> UUID? {
        try row.decodeNil(column: name) ? nil : uuid(name)
    }

    /// A date stored as ISO text; nil when null or not a date.
    func date(ifAny name: String) throws -> CivilDate? {
        try text(ifAny: name).flatMap(CivilDate.init(iso:))
    }

    func int(_ name: String) throws -> Int {
        try row.decode(column: name, as: Int.self)
    }

    func double(_ name: String) throws -> Double {
        try row.decode(column: name, as: Double.self)
    }

    /// A moment (a timestamp column).
    func time(_ name: String) throws -> Date {
        try row.decode(column: name, as: Date.self)
    }

    func time(ifAny name: String) throws -> Date? {
        try row.decodeNil(column: name) ? nil : time(name)
    }

    func bool(_ name: String) throws -> Bool {
        try row.decode(column: name, as: Bool.self)
    }

    func bool(ifAny name: String) throws -> Bool? {
        try row.decodeNil(column: name) ? nil : bool(name)
    }

    /// Selected and not null: of a column that is never null in its table, that a joined table has
    /// a row here.
    func has(_ name: String) throws -> Bool {
        row.contains(column: name) ? try !row.decodeNil(column: name) : false
    }
}

extension SQLQueryFetcher {
    /// Every row, each read by `read` column by column.
    func all<Row>(reading read: (Columns) throws -> Row) async throws -> [Row] {
        let database = database
        return try await all().map { try read(Columns($0, of: database)) }
    }
}
