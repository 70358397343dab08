import Foundation
import LineOfSightCore
import LineOfSightReturns
import SQLKit

/// Validating while recording (issue 12 item 4): the errors a child's record would raise in the
/// SSDA903 return of the collection year containing today (`SSDA903RecordCheck`), worked out when
/// their obligations are re-derived, in the same transaction, and stored beside them so the
/// child's page only reads them.
///
/// `return_checks` holds one row a child: the collection year checked against and whether the
/// child is in the return at all (a looked-after or care-leaver record); `return_findings` the
/// findings. Rows checked against another year than today's (the year turned on 1 April since) or
/// missing are worked out again when the page is shown. A change of a worker's social worker ID
/// reaches a child's stored findings at their next re-derivation.
enum ReturnFindingRows {
    static let checks = "return_checks"
    static let findings = "return_findings"

    /// What the child's page shows: the year checked against and the findings.
    struct Checked {
        let ruleSet: SSDA903RuleSet
        let findings: [SSDA903RecordCheck.Finding]
    }

    /// Whether the record is one the SSDA903 return holds: a period of care or a care leaver's
    /// contact. The section is shown only for these children.
    static func inReturn(_ events: [RecordedEvent]) -> Bool {
        events.contains { $0.record is PeriodOfCareRecord || $0.record is CareLeaverContactRecord }
    }

    /// The findings of one child's record (their events, in the order `JourneyRows.events` reads
    /// them, withdrawn ones left out) against `ruleSet`, or nil when the return does not hold them.
    static func check(_ child: SSDA903Exporter.ChildRow, events: [RecordedEvent], socialWorkers: [SSDA903SocialWorkerEpisode],
                      ruleSet: SSDA903RuleSet) -> [SSDA903RecordCheck.Finding]? {
        guard inReturn(events) else { return nil }
        // What the export reads of a record, and nothing else, so the check sees what it writes.
        let exported = events.filter { SSDA903Exporter.lists.contains(type(of: $0.record).list) }
        return SSDA903RecordCheck.findings(of: SSDA903JourneyExport.Child(laChildID: child.la_child_id, details: child.details, events: exported,
                                                                          socialWorkers: socialWorkers), ruleSet: ruleSet)
    }

    /// Checks the children's records against the rule set of the collection year containing
    /// `today` and replaces their stored rows. Call it inside the transaction that re-derived them.
    /// Without `today` their rows are only removed, so that nothing stale is shown: their page
    /// works the findings out when it is shown.
    static func replace(_ children: [(childID: UUID, events: [RecordedEvent])], today: CivilDate?, on sql: any SQLDatabase) async throws {
        try await begin(children, today: today, on: sql).store(on: sql)
    }

    /// A check of children's records begun (`begin`) and not yet stored: it runs on every core
    /// while the caller writes the children's other derived rows, which is most of what a large
    /// import or re-derivation waits for.
    struct Pending {
        fileprivate let ruleSet: SSDA903RuleSet?
        fileprivate let children: [UUID]
        fileprivate let results: Task<[[SSDA903RecordCheck.Finding]?], any Error>?

        /// Stores the findings, in the same transaction as `begin` (waiting for the check to end).
        func store(on sql: any SQLDatabase) async throws {
            guard let ruleSet, let results else { return }
            var checked: [[any Encodable & Sendable]] = []
            var found: [[any Encodable & Sendable]] = []
            for (childID, result) in zip(children, try await results.value) {
                checked.append([childID, ruleSet.collectionYear, result != nil])
                for (position, finding) in (result ?? []).enumerated() {
                    found.append([childID, position, finding.ruleCode, finding.message, finding.table.rawValue,
                                  finding.fields.map(\.rawValue).joined(separator: " "), finding.recordDate?.iso])
                }
            }
            try await sql.insert(checked, into: checks, columns: ["child_id", "collection_year", "in_return"])
            try await sql.insert(found, into: findings, columns: ["child_id", "position", "rule_code", "message", "table_name", "fields", "record_date"])
        }
    }

    /// Removes the children's stored rows, reads what their check needs and starts it; `store`
    /// writes what it found. The children's details and allocations must be written already.
    static func begin(_ children: [(childID: UUID, events: [RecordedEvent])], today: CivilDate?, on sql: any SQLDatabase) async throws -> Pending {
        let ids = children.map(\.childID)
        guard !children.isEmpty else { return Pending(ruleSet: nil, children: [], results: nil) }
        for table in [findings, checks] {
            try await sql.delete(from: table).where("child_id", .in, SQLBind.group(ids)).run()
        }
        // No rule set for the year (after the newest this version knows): nothing stored, and
        // the page shows no section.
        guard let ruleSet = today.flatMap(SSDA903RecordCheck.ruleSet(containing:)) else { return Pending(ruleSet: nil, children: [], results: nil) }
        let held = children.filter { inReturn($0.events) }.map(\.childID)
        var details: [UUID: SSDA903Exporter.ChildRow] = [:]
        // PostgreSQL refuses an empty IN list.
        if !held.isEmpty {
            let rows = try await sql.select().columns(SSDA903Exporter.ChildRow.columns).from(Child.schema)
                .where("id", .in, SQLBind.group(held)).all(decoding: SSDA903Exporter.ChildRow.self)
            for row in rows { details[row.id] = row }
        }
        let socialWorkers = try await SSDA903Exporter.allocationsToSocialWorkers(of: held, on: sql)
        // If the caller fails before `store`, the check still ends, and what it found is dropped.
        let results = Task { [details] in
            try await children.mapOnEveryCore { child in
                details[child.childID].flatMap { row in
                    check(row, events: child.events, socialWorkers: socialWorkers[child.childID] ?? [], ruleSet: ruleSet)
                }
            }
        }
        return Pending(ruleSet: ruleSet, children: ids, results: results)
    }

    /// The child's findings against the rule set of the year containing `today`, or nil when the
    /// return does not hold them. Read from the stored rows when they were checked against that
    /// year; otherwise (not yet checked, or checked before 1 April turned the year) worked out now.
    static func load(childID: UUID, today: CivilDate, on sql: any SQLDatabase) async throws -> Checked? {
        guard let ruleSet = SSDA903RecordCheck.ruleSet(containing: today) else { return nil }
        let stored = try await sql.select().columns("collection_year", "in_return").from(checks).where("child_id", .equal, SQLBind(childID))
            .first(decoding: CheckRow.self)
        if let stored, stored.collection_year == ruleSet.collectionYear {
            guard stored.in_return else { return nil }
            let rows = try await sql.select().columns("rule_code", "message", "table_name", "fields", "record_date").from(findings)
                .where("child_id", .equal, SQLBind(childID)).orderBy("position").all(decoding: FindingRow.self)
            return Checked(ruleSet: ruleSet, findings: rows.compactMap(\.finding))
        }
        guard let child = try await sql.select().columns(SSDA903Exporter.ChildRow.columns).from(Child.schema)
            .where("id", .equal, SQLBind(childID)).first(decoding: SSDA903Exporter.ChildRow.self) else { return nil }
        let events = try await JourneyRows.events(of: [childID], lists: SSDA903Exporter.lists, on: sql)
            .map { try $0.recorded() }
        let socialWorkers = try await SSDA903Exporter.allocationsToSocialWorkers(of: [childID], on: sql)[childID] ?? []
        return check(child, events: events, socialWorkers: socialWorkers, ruleSet: ruleSet).map { Checked(ruleSet: ruleSet, findings: $0) }
    }

    private struct CheckRow: Decodable {
        let collection_year: Int
        let in_return: Bool
    }

    private struct FindingRow: Decodable {
        let rule_code: String
        let message: String
        let table_name: String
        let fields: String
        let record_date: String?

        /// Nil for a table this version does not know (written by another, before re-derivation).
        var finding: SSDA903RecordCheck.Finding? {
            SSDA903Table(rawValue: table_name).map { table in
                SSDA903RecordCheck.Finding(ruleCode: rule_code, message: message, table: table,
                                           fields: fields.split(separator: " ").compactMap { SSDA903Column(rawValue: String($0)) },
                                           recordDate: record_date.flatMap(CivilDate.init(iso:)))
            }
        }
    }
}
