/// A value a council can set for a named standard.
public enum StandardValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    case boolean(Bool)
    /// One of a fixed set of words (a policy choice).
    case choice(String)

    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .boolean(let value): String(value)
        case .choice(let value): value
        }
    }

    var typeName: String {
        switch self {
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .choice: "a word"
        }
    }
}

/// What values a standard accepts.
public enum StandardDomain: Sendable, Hashable {
    case integer(ClosedRange<Int>)
    case boolean
    case choice([String])

    var summary: String {
        switch self {
        case .integer(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .boolean: "true or false"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        }
    }
}

/// Why a standards override was refused. The message names the key, for the person editing the file.
public struct StandardsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let message: String
    public var description: String { message }

    public init(key: String, message: String) {
        self.key = key; self.message = message
    }
}

/// One named standard: every timescale value the rules use, with its default and where the
/// default comes from, so a council can check it against the current text and override it.
public struct StandardDefinition: Sendable, Hashable {
    /// Stable dotted key, as written in the council's standards file.
    public let key: String
    public let defaultValue: StandardValue
    public let domain: StandardDomain
    /// "working days", "weeks", "months" … (empty for policy choices).
    public let unit: String
    public let description: String
    /// Where the default comes from, or why it was chosen.
    public let source: String
    public let confidence: Confidence

    func validate(_ value: StandardValue) throws(StandardsError) {
        switch (domain, value) {
        case (.integer(let range), .integer(let number)):
            guard range.contains(number) else {
                throw StandardsError(key: key, message: "standard \(key): \(number) is out of range; expected \(domain.summary)")
            }
        case (.boolean, .boolean):
            return
        case (.choice(let words), .choice(let word)):
            guard words.contains(word) else {
                throw StandardsError(key: key, message: "standard \(key): \"\(word)\" is not allowed; expected \(domain.summary)")
            }
        default:
            throw StandardsError(key: key, message: "standard \(key): expected \(domain.summary), got \(value.typeName) (\(value))")
        }
    }
}
