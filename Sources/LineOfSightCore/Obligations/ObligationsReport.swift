import Foundation

/// One child's obligations as of a date, rendered for the command line: JSON with sorted keys
/// (stable for scripts and diffs) or a fixed-width table for people.
public struct ObligationsReport: Sendable {
    public let childID: String
    public let asOf: CivilDate
    public let dueSoonDays: Int
    /// Sorted by due date, then rule, then id.
    public let obligations: [Obligation]
    public let findings: [DataQualityFinding]

    public init(childID: String, derivation: Derivation, asOf: CivilDate, dueSoonDays: Int) {
        self.childID = childID
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.obligations = derivation.obligations.sorted { ($0.due, $0.ruleID, $0.id) < ($1.due, $1.ruleID, $1.id) }
        self.findings = derivation.findings
    }

    // MARK: - JSON

    private struct Document: Encodable {
        let childID: String
        let asOf: CivilDate
        let dueSoonDays: Int
        let obligations: [Row]
        let findings: [DataQualityFinding]
    }

    private struct Row: Encodable {
        let obligation: Obligation
        let status: ObligationStatus

        enum Keys: String, CodingKey {
            case id, rule, title, subject, sequence, startedBy, due, provisional, metBy, responsible, notApplicable, status
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(obligation.id, forKey: .id)
            try c.encode(obligation.ruleID, forKey: .rule)
            try c.encode(RuleCatalogue.rule(obligation.ruleID)?.title ?? obligation.ruleID.rawValue, forKey: .title)
            try c.encode(obligation.subject, forKey: .subject)
            try c.encode(obligation.sequence, forKey: .sequence)
            try c.encode(obligation.startedBy, forKey: .startedBy)
            try c.encode(obligation.due, forKey: .due)
            try c.encode(obligation.provisional, forKey: .provisional)
            // Absent values are written as null so that every row has the same keys.
            try c.encode(obligation.metBy, forKey: .metBy)
            try c.encode(obligation.responsible, forKey: .responsible)
            try c.encode(obligation.notApplicable, forKey: .notApplicable)
            try c.encode(status, forKey: .status)
        }
    }

    public func json() -> String {
        let document = Document(childID: childID, asOf: asOf, dueSoonDays: dueSoonDays,
                                obligations: obligations.map { Row(obligation: $0, status: status(of: $0)) },
                                findings: findings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Table

    /// Columns: due date (`*` = provisional), status, rule, what started the clock, what met it,
    /// who is responsible; then any data-quality findings.
    public func table() -> String {
        let header = ["DUE", "STATUS", "RULE", "STARTED BY", "MET BY", "RESPONSIBLE"]
        let rows = obligations.map { obligation -> [String] in
            let state = status(of: obligation)
            let met = obligation.metBy.map { "\($0.kind.rawValue) \($0.id) \($0.date)" }
                ?? obligation.notApplicable.map { "n/a: \($0.reason)" } ?? "-"
            let who = obligation.responsible.map { [$0.teamID, $0.workerID].compactMap { $0 }.joined(separator: "/") } ?? "-"
            return [obligation.due.iso + (obligation.provisional ? "*" : ""), state.rawValue, obligation.ruleID.rawValue,
                    "\(obligation.startedBy.kind.rawValue) \(obligation.startedBy.id) \(obligation.startedBy.date)", met,
                    who.isEmpty ? "-" : who]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = ["Obligations for \(childID) as of \(asOf) (due soon = within \(dueSoonDays) days)", "",
                     line(header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        if obligations.contains(where: \.provisional) {
            lines += ["", "* provisional: bank holidays for that year are not yet published"]
        }
        if !findings.isEmpty {
            lines += ["", "Data quality findings:"] + findings.map { "  \($0.field)" + ($0.ruleID.map { " [\($0)]" } ?? "") + ": \($0.message)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func status(of obligation: Obligation) -> ObligationStatus {
        obligation.status(asOf: asOf, dueSoonDays: dueSoonDays)
    }
}
