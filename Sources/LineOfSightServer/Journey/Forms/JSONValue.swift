import Foundation
import LineOfSightCore

/// A JSON value, for moving answers between a form and a record's JSON without `Any`.
enum JSONValue: Sendable, Hashable, Codable {
    case string(String), bool(Bool), number(Double), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension JSONValue {
    /// The members of a JSON object; nil when the data is not one.
    static func object(in data: Data?) -> [String: JSONValue]? {
        guard let data, case let .object(object)? = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return object
    }

    /// A record's members, as its JSON holds them (an absent answer has no member).
    static func object(of record: any JourneyRecord) -> [String: JSONValue] {
        object(in: record.encoded()) ?? [:]
    }
}
