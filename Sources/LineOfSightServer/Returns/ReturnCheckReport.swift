import Foundation
import LineOfSightReturns
import SQLKit

/// A validation's findings grouped by rule, as the browser shows them: each rule's code, message
/// and number of rows, with the first `rowsShown` of them (the CSV download has every one).
struct ReturnCheckReport {
    struct Group {
        let code: String
        let message: String
        let count: Int
        let rows: [SSDA903Finding]
    }

    let report: SSDA903Report
    let groups: [Group]
    /// Enough to see a rule's pattern; a page of thousands of rows helps no one.
    static let rowsShown = 100

    init(_ report: SSDA903Report) {
        self.report = report
        let messages = Self.messages(report.ruleSet)
        var groups: [Group] = []
        var code: String?
        var count = 0
        var rows: [SSDA903Finding] = []
        func close() {
            if let code { groups.append(Group(code: code, message: messages[code] ?? "", count: count, rows: rows)) }
        }
        // The findings come ordered by rule, so each rule's are together.
        for finding in report.findings {
            if finding.ruleCode != code {
                close()
                code = finding.ruleCode
                count = 0
                rows = []
            }
            count += 1
            if rows.count < Self.rowsShown { rows.append(finding) }
        }
        close()
        self.groups = groups
    }

    /// Each rule's message as the DfE worded it that year.
    static func messages(_ ruleSet: SSDA903RuleSet) -> [String: String] {
        var messages: [String: String] = [:]
        for rule in SSDA903Rules.all where rule.applies(to: ruleSet) { messages[rule.code] = rule.message(in: ruleSet) }
        return messages
    }

    static let csvHeader = ["rule_code", "message", "child_id", "table", "row_index"]

    /// Every finding, a line each: row_index is the 0-based data row of its table's file, as the
    /// command line and the DfE tool give it.
    var csvRows: [[String]] {
        let messages = Self.messages(report.ruleSet)
        return report.findings.map { [$0.ruleCode, messages[$0.ruleCode] ?? "", $0.childID ?? "", $0.tableName, String($0.row)] }
    }

    /// Why rules did not run, in the page's words, with how many rules each reason kept from running.
    var notRun: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for rule in report.skipped {
            let lacking = rule.missing.map { "the \($0.title) table" }
                + rule.missingPrevious.map { "last year’s \($0.title) table" }
                + (rule.missingPostcodes ? ["a postcode lookup"] : [])
                + (rule.missingProviders ? ["the Ofsted provider lookup"] : [])
                + (rule.notXML ? ["the return as its XML file"] : [])
            counts["They need " + lacking.joined(separator: " and "), default: 0] += 1
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// The LA child IDs among the rows shown.
    var childIDsShown: Set<String> { Set(groups.flatMap { $0.rows.compactMap(\.childID) }) }

    struct LinkedChild: Decodable {
        let id: UUID
        let la_child_id: String
    }

    /// The recorded children, among `laChildIDs`, that this person may open: by LA child ID.
    static func linkedChildren(_ laChildIDs: Set<String>, scope: ChildScope, on db: any SQLDatabase) async throws -> [String: UUID] {
        var linked: [String: UUID] = [:]
        for chunk in Array(laChildIDs).sorted().chunked(500) {
            let rows = try await ChildDirectory.scoped(db.select().column(SQLColumn("id", table: "c")).column(SQLColumn("la_child_id", table: "c")),
                                                       ChildFilter(), scope, names: false)
                .where(SQLColumn("la_child_id", table: "c"), .in, SQLBind.group(Array(chunk)))
                .all(decoding: LinkedChild.self)
            for row in rows { linked[row.la_child_id] = row.id }
        }
        return linked
    }
}

extension SSDA903Table {
    /// The table's name as a person reads it (the DfE's names run words together).
    var title: String {
        switch self {
        case .placedAdoption: "Placed for adoption"
        case .prevPerm: "Previous permanence"
        case .swEpisodes: "Social worker episodes"
        case .doLo: "Deprivation of liberty"
        default: rawValue
        }
    }
}
