/// A code from a national data set and what it means, e.g. ("V2", "Single period of
/// accommodation under section 20"). Records store the code, as the returns do; people read the
/// meaning.
public struct CodedValue: Sendable, Hashable {
    public let code: String
    public let meaning: String
}

/// The codes a field of a national data set allows, in the order people choose from them.
public struct CodeList: Sendable, ExpressibleByArrayLiteral {
    public let values: [CodedValue]

    public init(arrayLiteral elements: (String, String)...) {
        values = elements.map { CodedValue(code: $0.0, meaning: $0.1) }
    }

    private init(values: [CodedValue]) { self.values = values }

    public subscript(code: String) -> CodedValue? { values.first { $0.code == code } }

    public func contains(_ code: String) -> Bool { self[code] != nil }

    /// The codes, without meanings: the sets the returns' validators check against.
    public var codes: Set<String> { Set(values.map(\.code)) }

    /// This list and `other`'s codes after it.
    public func followed(by other: CodeList) -> CodeList { CodeList(values: values + other.values) }
}
