import Foundation

/// The report as JSON and as a table for people, beside `writeCSV`; each written in pieces, so
/// a large report is never held whole.
extension SSDA903Report {
    /// `{"rule_set": …, "findings": [{"rule_code", "message", "child_id", "table", "row_index",
    /// "line"}…], "not_run": [{"rule_code", "reason"}…]}`.
    public func writeJSON(_ write: (String) -> Void) {
        let messages = self.messages
        var chunk = "{\"rule_set\":\(json(ruleSet.description)),\"findings\":["
        for (index, finding) in findings.enumerated() {
            chunk += (index == 0 ? "\n" : ",\n")
            chunk += "{\"rule_code\":\(json(finding.ruleCode)),\"message\":\(json(messages[finding.ruleCode] ?? "")),"
            chunk += "\"child_id\":\(finding.childID.map(json) ?? "null"),\"table\":\(json(finding.tableName)),"
            chunk += "\"row_index\":\(finding.row),\"line\":\(finding.line)}"
            if chunk.utf8.count >= 64 * 1024 {
                write(chunk)
                chunk = ""
            }
        }
        chunk += "\n],\"not_run\":["
        chunk += skipped.map { "\n{\"rule_code\":\(json($0.code)),\"reason\":\(json($0.reason))}" }.joined(separator: ",")
        write(chunk + "\n]}\n")
    }

    /// Each rule with findings, its message and count, then its rows: table, row, line and child.
    public func writeTable(_ write: (String) -> Void) {
        let messages = self.messages
        let rules = Set(findings.map(\.ruleCode)).count
        write("\(ruleSet): \(findings.count) finding\(findings.count == 1 ? "" : "s") under \(rules) rule\(rules == 1 ? "" : "s"); "
              + "\(ran.count) rules ran, \(skipped.count) did not\n")
        var chunk = ""
        var rule = ""
        for (index, finding) in findings.enumerated() {
            if finding.ruleCode != rule {
                rule = finding.ruleCode
                let count = findings[index...].prefix { $0.ruleCode == rule }.count
                chunk += "\n\(rule)  \(messages[rule] ?? "")  (\(count))\n"
            }
            chunk += "    \(finding.lastYear ? "last year's " : "")\(finding.table.rawValue) row \(finding.row) (line \(finding.line)), child \(finding.childID ?? "(blank)")\n"
            if chunk.utf8.count >= 64 * 1024 {
                write(chunk)
                chunk = ""
            }
        }
        write(chunk)
    }

    /// Each rule's message in this report's rule set.
    private var messages: [String: String] {
        Dictionary(SSDA903Rules.rules(for: ruleSet).map { ($0.code, $0.message(in: ruleSet)) }) { first, _ in first }
    }

    private func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
