/// A list a journey document may leave out: absent (or `null`) decodes as empty; encoding writes
/// the list as it is.
///
/// With it every journey type keeps the compiler's own `Codable`, so no decoder lists keys by
/// hand: a new list field is read and written as soon as it is declared, and none can be dropped
/// from a round trip by forgetting a line. JSON-path errors inside a list are unchanged (the list
/// is decoded as `[Element]` under its own key).
@propertyWrapper
public struct DefaultEmpty<Element> {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }
}

extension DefaultEmpty: Sendable where Element: Sendable {}
extension DefaultEmpty: Equatable where Element: Equatable {}
extension DefaultEmpty: Hashable where Element: Hashable {}

extension DefaultEmpty: Encodable where Element: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension DefaultEmpty: Decodable where Element: Decodable {
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }
}

extension KeyedDecodingContainer {
    /// Chosen by the synthesised `init(from:)` for a `@DefaultEmpty` property, over the generic
    /// `decode`, so that a missing key is an empty list rather than an error.
    func decode<Element: Decodable>(_: DefaultEmpty<Element>.Type, forKey key: Key) throws -> DefaultEmpty<Element> {
        DefaultEmpty(wrappedValue: try decodeIfPresent([Element].self, forKey: key) ?? [])
    }
}
