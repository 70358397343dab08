import Foundation
import LineOfSightCore

/// Where a row goes, value by value: the values of a row to insert (`RowValues`) or a digest of
/// rows (`RowDigest`), so that a row's values are listed once for both.
protocol RowSink {
    mutating func add(_ value: String)
    mutating func add(_ value: String?)
    mutating func add(_ value: UUID)
    mutating func add(_ value: Int)
    mutating func add(_ value: Bool)
    mutating func add(_ value: CivilDate?)
    mutating func add(_ value: Int?)
    mutating func add(_ value: Bool?)
    mutating func add(_ value: UUID?)
    mutating func endRow()
}

/// Rows' values, to insert (`SQLDatabase.insert(_:into:columns:)`).
struct RowValues: RowSink {
    /// The rows ended so far.
    private(set) var rows: [[any Encodable & Sendable]] = []
    private var values: [any Encodable & Sendable] = []

    mutating func add(_ value: String) { values.append(value) }
    mutating func add(_ value: String?) { values.append(value) }
    mutating func add(_ value: UUID) { values.append(value) }
    mutating func add(_ value: Int) { values.append(value) }
    mutating func add(_ value: Bool) { values.append(value) }
    /// Stored as ISO 8601 text.
    mutating func add(_ value: CivilDate?) {
        if let value { values.append(value.iso) } else { values.append(nil as String?) }
    }
    mutating func add(_ value: Int?) { values.append(value) }
    mutating func add(_ value: Bool?) { values.append(value) }
    mutating func add(_ value: UUID?) { values.append(value) }

    mutating func endRow() {
        rows.append(values)
        values = []
    }
}

/// The SHA-256 of rows, each value written as it is held rather than as the text it is stored as:
/// a string's UTF-8 followed by U+001F (a missing one as NUL, which no value holds), a UUID's 16
/// bytes, an integer's 8 and a date's day number's (a missing date, integer or UUID as one byte,
/// one that is there as another and its bytes), a Boolean as one byte (a missing one as a third),
/// each row followed by U+001E. Writing each date and id out as text first was most of what
/// digesting a child's obligations cost, and re-deriving everyone digests each child's. A change to what is written here changes every child's digest, so that
/// their rows are written again (once) when they are next derived.
struct RowDigest: RowSink {
    private var bytes: [UInt8] = []

    mutating func add(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        bytes.append(0x1F)
    }

    mutating func add(_ value: String?) {
        guard let value else { bytes.append(contentsOf: [0x00, 0x1F]); return }
        add(value)
    }

    mutating func add(_ value: UUID) {
        withUnsafeBytes(of: value.uuid) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func add(_ value: CivilDate?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        add(value.dayNumber)
    }

    mutating func add(_ value: Int?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        add(value)
    }

    mutating func add(_ value: Bool?) { bytes.append(value.map { $0 ? 1 : 0 } ?? 2) }

    mutating func add(_ value: UUID?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        add(value)
    }

    mutating func endRow() {
        bytes.append(0x1E)
    }

    var digest: String { Secrets.sha256Hex(bytes) }
}
