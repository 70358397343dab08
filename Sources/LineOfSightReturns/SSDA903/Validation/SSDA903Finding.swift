/// One row at fault under one rule: `row` is the 0-based data row of that table's file (the
/// DfE tool's row index), `line` the line of the file it starts on.
public struct SSDA903Finding: Sendable, Hashable {
    public let ruleCode: String
    public let childID: String?
    public let table: SSDA903Table
    public let row: Int
    public let line: Int
}

/// Everything a validation produced.
public struct SSDA903Report: Sendable {
    public let ruleSet: SSDA903RuleSet
    /// Ordered by rule (catalogue order), then table, then row.
    public let findings: [SSDA903Finding]
    /// The codes of the rules that ran.
    public let ran: [String]
    /// Rules that could not run, with the tables they lacked.
    public let skipped: [(code: String, missing: [SSDA903Table])]

    /// `rule_code,child_id,table,row_index`, one line per finding, with a header line.
    public var csv: String {
        var lines = ["rule_code,child_id,table,row_index"]
        lines.reserveCapacity(findings.count + 1)
        for finding in findings {
            lines.append("\(finding.ruleCode),\(csvField(finding.childID ?? "")),\(finding.table.rawValue),\(finding.row)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
