import Foundation

/// Where a row goes, value by value: the values of a row to insert (`RowValues`) or the text of a
/// digest of rows (`DigestText`), so that a row's values are listed once for both.
protocol RowSink {
    mutating func add(_ value: String)
    mutating func add(_ value: String?)
    mutating func add(_ value: UUID)
    mutating func add(_ value: Int)
    mutating func add(_ value: Bool)
}

/// A row's values, to insert (`SQLDatabase.insert(_:into:columns:)`).
struct RowValues: RowSink {
    private(set) var values: [any Encodable & Sendable] = []

    mutating func add(_ value: String) { values.append(value) }
    mutating func add(_ value: String?) { values.append(value) }
    mutating func add(_ value: UUID) { values.append(value) }
    mutating func add(_ value: Int) { values.append(value) }
    mutating func add(_ value: Bool) { values.append(value) }
}

/// The SHA-256 of rows written as text: each value (a UUID as `UUID.text`, a number in decimal, a
/// Boolean as 1 or 0, a missing value as NUL, which no value can hold) followed by U+001F, each
/// row by U+001E. The text is the one the stored digests were made of, so they stay valid.
struct DigestText: RowSink {
    private var bytes: [UInt8] = []

    mutating func add(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        bytes.append(0x1F)
    }

    mutating func add(_ value: String?) {
        guard let value else { bytes.append(contentsOf: [0x00, 0x1F]); return }
        add(value)
    }

    mutating func add(_ value: UUID) { add(value.text) }
    mutating func add(_ value: Int) { add(String(value)) }
    mutating func add(_ value: Bool) { add(value ? "1" : "0") }

    mutating func endRow() {
        bytes.append(0x1E)
    }

    var digest: String { Secrets.sha256Hex(bytes) }
}
