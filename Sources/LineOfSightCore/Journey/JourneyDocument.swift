import Foundation

/// Why a journey document was refused: where (a JSON path such as
/// `$.periodsOfCare[0].placements[1].start`) and what is wrong there.
public struct JourneyDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path; self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The JSON form of a `Journey` (docs/journey-format.md): the journey's own field names, dates
/// as `YYYY-MM-DD`, lists optional.
public enum JourneyDocument {
    public static func decode(_ data: Data) throws(JourneyDocumentError) -> Journey {
        do {
            return try JSONDecoder().decode(Journey.self, from: data)
        } catch let error as DecodingError {
            throw explain(error)
        } catch {
            throw JourneyDocumentError(path: "$", message: "not a journey document: \(error)")
        }
    }

    /// Pretty-printed with sorted keys, so the same journey always gives the same bytes.
    public static func encode(_ journey: Journey) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding value types of strings, booleans, integers and dates cannot fail.
        return (try? encoder.encode(journey)) ?? Data()
    }

    static func explain(_ error: DecodingError) -> JourneyDocumentError {
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
                return JourneyDocumentError(path: "$", message: "not valid JSON (\(detail))")
            }
            return JourneyDocumentError(path: path(context.codingPath), message: context.debugDescription)
        case .keyNotFound(let key, let context):
            return JourneyDocumentError(path: path(context.codingPath + [key]), message: "required value is missing")
        case .typeMismatch(let type, let context):
            return JourneyDocumentError(path: path(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return JourneyDocumentError(path: path(context.codingPath), message: "expected \(describe(type)), found null")
        @unknown default:
            return JourneyDocumentError(path: "$", message: "\(error)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "$") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is CivilDate.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
