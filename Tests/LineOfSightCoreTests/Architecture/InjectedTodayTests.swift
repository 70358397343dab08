import Foundation
import Testing

/// The core never reads the clock for "today": every rule takes its as-of date (or `today`) as a
/// parameter, so results are reproducible and tests can fix the date. `CivilDate.today(now:)` is
/// the one entry point, for the server's clock to call.
@Suite struct InjectedTodayTests {
    static let core = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LineOfSightCore")

    @Test func onlyCivilDateTodayReadsTheClock() throws {
        let reads = try Regex(#"Date\(\)|Date\.now|Date\(timeIntervalSinceNow|CivilDate\.today\(|\.today\(\)"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(at: Self.core, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains(reads) {
                found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.count == 1 && found[0].hasPrefix("CivilDate+Arithmetic.swift:"), "\(found)")
        #expect(found.first?.contains("public static func today(now: Date = Date())") == true)
    }
}
