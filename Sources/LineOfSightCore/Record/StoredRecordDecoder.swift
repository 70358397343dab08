import Foundation

/// Reads back a record this application wrote (`JourneyRecord.encoded()`): re-deriving everyone
/// decodes every stored event, and Foundation's `JSONDecoder` spent a quarter of that run's time
/// on it (a dictionary built for every object, a dynamic cast for every value).
///
/// This reads only JSON as `JSONEncoder` writes it and only what records hold — objects, arrays,
/// strings, booleans, integers and null — into a flat list of tokens, and looks keys up in place.
/// Anything else (a number with a fraction, a key written with an escape, a type that Foundation
/// decodes its own way, a value the record refuses, JSON that is not well formed, a bad escape
/// anywhere) it refuses with `Unread`, and `JourneyList.decode(stored:)` reads that record with
/// Foundation, whose error names the path at fault. So what it reads, it reads as Foundation
/// would, and it never decides an error.
public enum StoredRecordDecoder {
    /// Not read here: let Foundation read it.
    public struct Unread: Error {}

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try Document(Array(text.utf8)).decode(T.self, at: 0)
    }
}

/// The document's values in the order they appear. A container's token is followed by its
/// members (an object's as key, value, key, value…); it keeps how many it has and the token after
/// its last descendant, so a member is stepped over without reading it.
private struct Token {
    enum Kind: UInt8 { case null, `true`, `false`, integer, string, escapedString, array, object }

    var kind: Kind
    /// A scalar's bytes (a string's between its quotes); a container's member count in `start`
    /// and the token after it in `end`.
    var start: Int32
    var end: Int32
}

private typealias Unread = StoredRecordDecoder.Unread

private final class Document {
    let bytes: [UInt8]
    let tokens: [Token]

    init(_ bytes: [UInt8]) throws(Unread) {
        guard bytes.count < Int32.max else { throw Unread() }
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 8)
        var parser = Parser(bytes: bytes)
        try parser.value(depth: 0, into: &tokens)
        parser.skipSpace()
        guard parser.at == bytes.count else { throw Unread() }
        self.bytes = bytes
        self.tokens = tokens
    }

    /// The token after `index` and everything inside it.
    func skip(_ index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .array || token.kind == .object ? Int(token.end) : index + 1
    }

    /// The value of `key` in the object at `object`, if it has it.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { all in
                var index = object + 1
                for _ in 0..<Int(tokens[object].start) {
                    let name = tokens[index]
                    if name.kind == .string, Int(name.end - name.start) == wanted.count,
                       wanted.isEmpty || memcmp(all.baseAddress! + Int(name.start), wanted.baseAddress!, wanted.count) == 0 {
                        return index + 1
                    }
                    index = skip(index + 1)
                }
                return nil
            }
        }
    }

    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // Foundation decodes these its own way rather than by their `init(from:)`; no record holds one.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw Unread() }
        return try T(from: ValueDecoder(document: self, index: index))
    }

    func isNull(_ index: Int) -> Bool { tokens[index].kind == .null }

    func bool(_ index: Int) throws(Unread) -> Bool {
        switch tokens[index].kind {
        case .true: true
        case .false: false
        default: throw Unread()
        }
    }

    func string(_ index: Int) throws(Unread) -> String {
        let token = tokens[index]
        let range = Int(token.start)..<Int(token.end)
        switch token.kind {
        case .string:
            guard let text = String(validating: bytes[range], as: UTF8.self) else { throw Unread() }
            return text
        case .escapedString:
            return try Self.unescaped(bytes[range])
        default:
            throw Unread()
        }
    }

    func integer<T: FixedWidthInteger>(_ index: Int, as _: T.Type) throws(Unread) -> T {
        let token = tokens[index]
        guard token.kind == .integer else { throw Unread() }
        var at = Int(token.start)
        let negative = bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        var magnitude: UInt64 = 0
        while at < Int(token.end) {
            let (times10, over1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, over2) = times10.addingReportingOverflow(UInt64(bytes[at] &- UInt8(ascii: "0")))
            guard !over1, !over2 else { throw Unread() }
            magnitude = sum
            at += 1
        }
        // Within Int64 either way, as Foundation reads integers.
        guard magnitude <= UInt64(Int64.max) else { throw Unread() }
        guard let value = T(exactly: negative ? -Int64(magnitude) : Int64(magnitude)) else { throw Unread() }
        return value
    }

    /// A string with escapes, as the JSON grammar reads them; a lone surrogate is refused.
    static func unescaped(_ slice: ArraySlice<UInt8>) throws(Unread) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var at = slice.startIndex
        func hex4() throws(Unread) -> UInt32 {
            guard at + 4 <= slice.endIndex else { throw Unread() }
            var value: UInt32 = 0
            for byte in slice[at..<at + 4] {
                let digit: UInt8 = switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
                default: throw Unread()
                }
                value = value << 4 | UInt32(digit)
            }
            at += 4
            return value
        }
        while at < slice.endIndex {
            let byte = slice[at]
            at += 1
            guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
            guard at < slice.endIndex else { throw Unread() }
            let escape = slice[at]
            at += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard at + 1 < slice.endIndex, slice[at] == UInt8(ascii: "\\"), slice[at + 1] == UInt8(ascii: "u") else { throw Unread() }
                    at += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Unread() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Unread() }
                out.append(contentsOf: UTF8.encode(unicode)!)
            default:
                throw Unread()
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Unread() }
        return text
    }
}

/// JSON's grammar, strictly: what it does not accept, Foundation may still read (or explain).
private struct Parser {
    let bytes: [UInt8]
    var at = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Deeper than any record goes.
    private static let maximumDepth = 32

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private var next: UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func value(depth: Int, into tokens: inout [Token]) throws(Unread) {
        skipSpace()
        guard let byte = next, depth < Self.maximumDepth else { throw Unread() }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let object = byte == UInt8(ascii: "{")
            let container = tokens.count
            tokens.append(Token(kind: object ? .object : .array, start: 0, end: 0))
            at += 1
            skipSpace()
            var count: Int32 = 0
            if next == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                at += 1
            } else {
                while true {
                    if object {
                        skipSpace()
                        guard next == UInt8(ascii: "\"") else { throw Unread() }
                        try string(into: &tokens)
                        // Keys are looked up as they are written: Foundation reads one with an
                        // escape as the name it spells, so the document is left to it.
                        guard tokens[tokens.count - 1].kind == .string else { throw Unread() }
                        skipSpace()
                        guard next == UInt8(ascii: ":") else { throw Unread() }
                        at += 1
                    }
                    try value(depth: depth + 1, into: &tokens)
                    count += 1
                    skipSpace()
                    if next == UInt8(ascii: ",") { at += 1; continue }
                    guard next == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { throw Unread() }
                    at += 1
                    break
                }
            }
            tokens[container].start = count
            tokens[container].end = Int32(tokens.count)
        case UInt8(ascii: "\""):
            try string(into: &tokens)
        case UInt8(ascii: "t"): try literal("true", .true, into: &tokens)
        case UInt8(ascii: "f"): try literal("false", .false, into: &tokens)
        case UInt8(ascii: "n"): try literal("null", .null, into: &tokens)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try integer(into: &tokens)
        default:
            throw Unread()
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: Token.Kind, into tokens: inout [Token]) throws(Unread) {
        let length = word.utf8CodeUnitCount
        guard at + length <= bytes.count else { throw Unread() }
        for offset in 0..<length where bytes[at + offset] != word.utf8Start[offset] { throw Unread() }
        tokens.append(Token(kind: kind, start: Int32(at), end: Int32(at + length)))
        at += length
    }

    /// `-?(0|[1-9][0-9]*)`: a number with a fraction or an exponent is left to Foundation.
    private mutating func integer(into tokens: inout [Token]) throws(Unread) {
        let start = at
        if next == UInt8(ascii: "-") { at += 1 }
        let digits = at
        while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { at += 1 }
        guard at > digits, bytes[digits] != UInt8(ascii: "0") || at == digits + 1 else { throw Unread() }
        if let byte = next, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { throw Unread() }
        tokens.append(Token(kind: .integer, start: Int32(start), end: Int32(at)))
    }

    private mutating func string(into tokens: inout [Token]) throws(Unread) {
        at += 1
        let start = at
        var escaped = false
        while true {
            guard let byte = next else { throw Unread() }
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw Unread() }
            if byte == UInt8(ascii: "\\") { escaped = true; at += 1 }
            at += 1
        }
        // Every escape is checked now, as Foundation checks them, though the value may never be read.
        if escaped { _ = try Document.unescaped(bytes[start..<at]) }
        tokens.append(Token(kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(at)))
        at += 1
    }
}

/// The decoder for one value of the document. The coding path is left empty: a record refused
/// here is read again by Foundation, which reports where.
private struct ValueDecoder: Decoder {
    let document: Document
    let index: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.tokens[index].kind == .object else { throw Unread() }
        return KeyedDecodingContainer(ObjectContainer<Key>(document: document, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.tokens[index].kind == .array else { throw Unread() }
        return ArrayContainer(document: document, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
}

extension ValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { document.isNull(index) }
    func decode(_: Bool.Type) throws -> Bool { try document.bool(index) }
    func decode(_: String.Type) throws -> String { try document.string(index) }
    func decode(_: Double.Type) throws -> Double { throw Unread() }
    func decode(_: Float.Type) throws -> Float { throw Unread() }
    func decode(_: Int.Type) throws -> Int { try document.integer(index, as: Int.self) }
    func decode(_: Int8.Type) throws -> Int8 { try document.integer(index, as: Int8.self) }
    func decode(_: Int16.Type) throws -> Int16 { try document.integer(index, as: Int16.self) }
    func decode(_: Int32.Type) throws -> Int32 { try document.integer(index, as: Int32.self) }
    func decode(_: Int64.Type) throws -> Int64 { try document.integer(index, as: Int64.self) }
    func decode(_: UInt.Type) throws -> UInt { try document.integer(index, as: UInt.self) }
    func decode(_: UInt8.Type) throws -> UInt8 { try document.integer(index, as: UInt8.self) }
    func decode(_: UInt16.Type) throws -> UInt16 { try document.integer(index, as: UInt16.self) }
    func decode(_: UInt32.Type) throws -> UInt32 { try document.integer(index, as: UInt32.self) }
    func decode(_: UInt64.Type) throws -> UInt64 { try document.integer(index, as: UInt64.self) }
    func decode<T: Decodable>(_: T.Type) throws -> T { try document.decode(T.self, at: index) }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: Document
    let object: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = object + 1
        for _ in 0..<Int(document.tokens[object].start) {
            if let name = try? document.string(index), let key = Key(stringValue: name) { keys.append(key) }
            index = document.skip(index + 1)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { document.member(key.stringValue, of: object) != nil }

    private func value(_ key: Key) throws(Unread) -> Int {
        guard let index = document.member(key.stringValue, of: object) else { throw Unread() }
        return index
    }

    /// The key's value, or nil when it is missing or null.
    private func valueIfPresent(_ key: Key) -> Int? {
        guard let index = document.member(key.stringValue, of: object), !document.isNull(index) else { return nil }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool { document.isNull(try value(key)) }
    func decode(_: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(try value(key)) }
    func decode(_: String.Type, forKey key: Key) throws -> String { try document.string(try value(key)) }
    func decode(_: Double.Type, forKey _: Key) throws -> Double { throw Unread() }
    func decode(_: Float.Type, forKey _: Key) throws -> Float { throw Unread() }
    func decode(_: Int.Type, forKey key: Key) throws -> Int { try document.integer(try value(key), as: Int.self) }
    func decode(_: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try value(key), as: Int8.self) }
    func decode(_: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try value(key), as: Int16.self) }
    func decode(_: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try value(key), as: Int32.self) }
    func decode(_: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try value(key), as: Int64.self) }
    func decode(_: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try value(key), as: UInt.self) }
    func decode(_: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try value(key), as: UInt8.self) }
    func decode(_: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(try value(key), as: UInt16.self) }
    func decode(_: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(try value(key), as: UInt32.self) }
    func decode(_: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(try value(key), as: UInt64.self) }
    func decode<T: Decodable>(_: T.Type, forKey key: Key) throws -> T { try document.decode(T.self, at: try value(key)) }

    // Each `IfPresent` here looks its key up once, where the protocol's own looks it up three times
    // (integers, rare in records, are left to it).
    func decodeIfPresent(_: Bool.Type, forKey key: Key) throws -> Bool? { try valueIfPresent(key).map(document.bool) }
    func decodeIfPresent(_: String.Type, forKey key: Key) throws -> String? { try valueIfPresent(key).map(document.string) }
    func decodeIfPresent<T: Decodable>(_: T.Type, forKey key: Key) throws -> T? { try valueIfPresent(key).map { try document.decode(T.self, at: $0) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(document: document, index: try value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(document: document, index: try value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw Unread() }
    func superDecoder(forKey _: Key) throws -> any Decoder { throw Unread() }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
    let document: Document
    let array: Int
    /// The token of the element `currentIndex`.
    private var position: Int
    private(set) var currentIndex = 0

    init(document: Document, array: Int) {
        self.document = document
        self.array = array
        position = array + 1
    }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(document.tokens[array].start) }
    var isAtEnd: Bool { currentIndex >= count! }

    /// The next element's token, stepping past it.
    private mutating func next() throws(Unread) -> Int {
        guard !isAtEnd else { throw Unread() }
        let index = position
        position = document.skip(index)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw Unread() }
        guard document.isNull(position) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_: Bool.Type) throws -> Bool { try document.bool(try next()) }
    mutating func decode(_: String.Type) throws -> String { try document.string(try next()) }
    mutating func decode(_: Double.Type) throws -> Double { throw Unread() }
    mutating func decode(_: Float.Type) throws -> Float { throw Unread() }
    mutating func decode(_: Int.Type) throws -> Int { try document.integer(try next(), as: Int.self) }
    mutating func decode(_: Int8.Type) throws -> Int8 { try document.integer(try next(), as: Int8.self) }
    mutating func decode(_: Int16.Type) throws -> Int16 { try document.integer(try next(), as: Int16.self) }
    mutating func decode(_: Int32.Type) throws -> Int32 { try document.integer(try next(), as: Int32.self) }
    mutating func decode(_: Int64.Type) throws -> Int64 { try document.integer(try next(), as: Int64.self) }
    mutating func decode(_: UInt.Type) throws -> UInt { try document.integer(try next(), as: UInt.self) }
    mutating func decode(_: UInt8.Type) throws -> UInt8 { try document.integer(try next(), as: UInt8.self) }
    mutating func decode(_: UInt16.Type) throws -> UInt16 { try document.integer(try next(), as: UInt16.self) }
    mutating func decode(_: UInt32.Type) throws -> UInt32 { try document.integer(try next(), as: UInt32.self) }
    mutating func decode(_: UInt64.Type) throws -> UInt64 { try document.integer(try next(), as: UInt64.self) }
    mutating func decode<T: Decodable>(_: T.Type) throws -> T { try document.decode(T.self, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(document: document, index: try next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(document: document, index: try next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw Unread() }
}
