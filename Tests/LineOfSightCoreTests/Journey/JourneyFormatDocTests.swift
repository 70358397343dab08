import Foundation
import LineOfSightCore
import Testing

/// docs/journey-format.md against the types: every field a journey document can hold is
/// documented, every documented field exists, and what the table marks required is required.
@Suite struct JourneyFormatDocTests {
    static let doc = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/journey-format.md")

    /// A documented field: its path (`periodsOfCare.placements.type`) and whether it may be left out.
    struct Field: Hashable {
        let path: String
        let optional: Bool
    }

    /// The rows of the "Fields" table: the row's path in backticks (none for the document itself),
    /// then its fields in backticks, each followed by `?` when optional; `[]` marks a list.
    static func documentedFields() throws -> Set<Field> {
        let text = try String(contentsOf: doc, encoding: .utf8)
        guard let start = text.range(of: "\n## Fields\n") else { return [] }
        let section = String(text[start.upperBound...]).components(separatedBy: "\n## ").first ?? ""
        let token = try Regex(#"`([A-Za-z0-9.\[\]]+)`(\?)?"#)
        var fields = Set<Field>()
        for line in section.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| Path") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 3 else { continue }
            let path = cells[1].firstMatch(of: token).map { String($0.output[1].substring ?? "") }?
                .replacingOccurrences(of: "[]", with: "") ?? ""
            // Each row's own path is a list or the optional `adoption` object.
            if !path.isEmpty { fields.insert(Field(path: path, optional: true)) }
            for match in cells[2].matches(of: token) {
                let name = String(match.output[1].substring ?? "")
                let isList = name.hasSuffix("[]")
                let full = (path.isEmpty ? "" : path + ".") + name.replacingOccurrences(of: "[]", with: "")
                fields.insert(Field(path: full, optional: isList || match.output[2].substring != nil))
            }
        }
        return fields
    }

    /// Every key path in the JSON of a journey that fills every field (lists are transparent).
    static func encodedPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: []) { paths, entry in
                let path = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
                paths.insert(path)
                paths.formUnion(encodedPaths(entry.value, prefix: path))
            }
        }
        if let list = value as? [Any] { return list.reduce(into: []) { $0.formUnion(encodedPaths($1, prefix: prefix)) } }
        return []
    }

    static let complete = SyntheticJourneys.complete(seed: 1, today: d("2026-06-01"))

    static func completeJSON() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JourneyDocument.encode(complete)) as? [String: Any] ?? [:]
    }

    @Test func everyFieldIsDocumentedAndEveryDocumentedFieldExists() throws {
        let documented = Set(try Self.documentedFields().map(\.path))
        let encoded = Self.encodedPaths(try Self.completeJSON())
        #expect(documented.count > 100)
        #expect(encoded.subtracting(documented).isEmpty, "not documented: \(encoded.subtracting(documented).sorted())")
        #expect(documented.subtracting(encoded).isEmpty, "documented but not in the format: \(documented.subtracting(encoded).sorted())")
    }

    @Test func leavingOutAFieldIsRefusedExactlyWhenTheTableSaysItIsRequired() throws {
        let json = try Self.completeJSON()
        for field in try Self.documentedFields() {
            let reduced = Self.removing(field.path.split(separator: ".").map(String.init), from: json)
            let data = try JSONSerialization.data(withJSONObject: reduced)
            let refused: Bool
            do { _ = try JourneyDocument.decode(data); refused = false } catch { refused = true }
            #expect(refused == !field.optional, "\(field.path) is documented as \(field.optional ? "optional" : "required")")
        }
    }

    /// The JSON with the key at `path` removed from the first object that has it.
    static func removing(_ path: [String], from value: Any) -> Any {
        guard let key = path.first else { return value }
        if var list = value as? [Any], !list.isEmpty {
            list[0] = removing(path, from: list[0])
            return list
        }
        guard var object = value as? [String: Any] else { return value }
        if path.count == 1 {
            object[key] = nil
        } else if let child = object[key] {
            object[key] = removing(Array(path.dropFirst()), from: child)
        }
        return object
    }
}
