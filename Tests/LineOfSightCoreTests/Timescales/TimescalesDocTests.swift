import Foundation
import LineOfSightCore
import Testing

/// docs/timescales.md carries every rule of the catalogue and every named standard, row for row
/// as the code states them, so the document cannot drift from the rules it explains.
@Suite struct TimescalesDocTests {
    static let doc = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/timescales.md")

    static func lines() throws -> Set<String> {
        Set(try String(contentsOf: doc, encoding: .utf8).split(separator: "\n").map(String.init))
    }

    @Test func everyRuleHasItsRow() throws {
        let lines = try Self.lines()
        let missing = RuleCatalogue.all.map { rule in
            "| `\(rule.id)` | \(rule.title) | \(rule.clockStarts) | \(rule.dueDate) | \(rule.metBy) | "
                + "\(rule.calendar.rawValue) | \(rule.source) | \(rule.confidence.mark) |"
        }.filter { !lines.contains($0) }
        #expect(missing.isEmpty, "missing or different:\n\(missing.joined(separator: "\n"))")
    }

    @Test func everyStandardHasItsRow() throws {
        let lines = try Self.lines()
        let missing = LocalStandards.definitions.map { standard in
            "| `\(standard.key)` | \(standard.defaultValue) | \(standard.unit) | \(standard.description) | "
                + "\(standard.source) | \(standard.confidence.mark) |"
        }.filter { !lines.contains($0) }
        #expect(missing.isEmpty, "missing or different:\n\(missing.joined(separator: "\n"))")
    }
}
