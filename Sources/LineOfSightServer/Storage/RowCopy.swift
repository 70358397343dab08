import FluentPostgresDriver
import Foundation
import LineOfSightCore

/// Rows written to PostgreSQL with `COPY … FROM STDIN` in its text format, for
/// `SQLDatabase.insert(_:into:columns:)`: a council's return imported is a few hundred thousand
/// rows, and as `INSERT`s with bound values PostgreSQL parsed and planned every statement and the
/// server encoded every value, twice the CPU of the copy. A refused row (a key already there)
/// fails the copy and its transaction, as it would fail the `INSERT`.
enum RowCopy {
    /// The rows as lines of COPY's text format, a buffer for every few thousand; nil when a value
    /// is of a kind written only as a bound value (those rows go as `INSERT`s).
    static func lines(_ rows: [[any Encodable & Sendable]]) -> [ByteBuffer]? {
        var buffers: [ByteBuffer] = []
        for chunk in rows.chunked(2_000) {
            var buffer = ByteBufferAllocator().buffer(capacity: chunk.count * 160)
            for row in chunk {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    guard write(value, into: &buffer) else { return nil }
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
            buffers.append(buffer)
        }
        return buffers
    }

    static func copy(_ lines: [ByteBuffer], into table: String, columns: [String], on database: any PostgresDatabase,
                     logger: Logger) async throws {
        try await database.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for buffer in lines { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// One value as COPY's text format reads it, as PostgreSQL would store it bound: false for a
    /// kind of value not written here.
    static func write(_ value: any Encodable, into buffer: inout ByteBuffer) -> Bool {
        switch RowValue(value) {
        case let .text(text): escape(text, into: &buffer)
        case let .uuid(id): buffer.writeString(id.text)
        case let .integer(number): buffer.writeString(String(number))
        case let .boolean(flag): buffer.writeInteger(UInt8(ascii: flag ? "t" : "f"))
        case let .real(number): buffer.writeString(number.description)
        case let .time(date): buffer.writeString(timestamp(date))
        case .null: buffer.writeStaticString("\\N")
        case .other: return false
        }
        return true
    }

    /// Backslash, tab, newline and carriage return are written as COPY's escapes; everything else as it is.
    private static func escape(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeEscaping(text) { byte in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "\t"): "\\t"
            case UInt8(ascii: "\n"): "\\n"
            case UInt8(ascii: "\r"): "\\r"
            default: nil
            }
        }
    }

    /// `2026-12-01 18:33:55.123456+00`: the microsecond PostgresNIO binds for the date (counted
    /// from 2000 and cut to a whole microsecond, as its encoder does).
    static func timestamp(_ date: Date) -> String {
        let sinceEpoch = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000) + 946_684_800_000_000
        let perDay: Int64 = 86_400_000_000
        let days = sinceEpoch >= 0 ? sinceEpoch / perDay : (sinceEpoch - perDay + 1) / perDay
        let micros = sinceEpoch - days * perDay, seconds = micros / 1_000_000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(micros % 1_000_000)
        return CivilDate(dayNumber: Int(days)).iso + " " + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
            + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "+00"
    }
}
