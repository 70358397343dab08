import Foundation
import Testing

/// HTML snapshots of the main pages, so a change to what a user sees is a reviewed diff. Snapshots
/// live in `__Snapshots__/` beside the tests, one tag per line. A missing snapshot is written and the
/// test fails (review it, then commit it); `SNAPSHOT_RECORD=1` rewrites them all; a mismatch writes
/// `NAME.actual.html` beside the snapshot and fails naming the first line that differs.
enum Snapshots {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func assertMatches(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = normalised(html)
        let file = folder.appendingPathComponent(name + ".html")
        let actual = folder.appendingPathComponent(name + ".actual.html")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try text.write(to: file, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: actual)
            if !recording { Issue.record("Recorded a new snapshot \(file.lastPathComponent): review it and commit it", sourceLocation: sourceLocation) }
            return
        }
        guard expected != text else {
            try? FileManager.default.removeItem(at: actual)
            return
        }
        try text.write(to: actual, atomically: true, encoding: .utf8)
        let (old, new) = (expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record("""
            \(name): the page differs from its snapshot at line \(line + 1)
              snapshot: \(line < old.count ? String(old[line]) : "(end)")
              now:      \(line < new.count ? String(new[line]) : "(end)")
            If the change is intended, run with SNAPSHOT_RECORD=1 and commit the snapshot.
            """, sourceLocation: sourceLocation)
    }

    /// One tag per line, and what changes without the page changing (the per-session CSRF token, each
    /// form's own id, the stylesheet's fingerprint) replaced, so a diff shows what changed.
    static func normalised(_ html: String) -> String {
        html.replacingOccurrences(of: #"/assets/app-[0-9a-f]+\.css"#, with: "/assets/app.css", options: .regularExpression)
            .replacingOccurrences(of: #"name="csrf-token" value="[^"]*""#, with: #"name="csrf-token" value="…""#, options: .regularExpression)
            .replacingOccurrences(of: #"name="form-id" value="[^"]*""#, with: #"name="form-id" value="…""#, options: .regularExpression)
            .replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }
}
