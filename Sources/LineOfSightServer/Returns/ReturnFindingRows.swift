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
/// findings, and `inputs_digest` what the check read (`inputsDigest`): a re-derivation checks a
/// child's record again only when that changed. Rows checked against another year than today's
/// (the year turned on 1 April since) or missing are worked out again when the page is shown. A
/// change of a worker's social worker ID reaches a child's stored findings at their next
/// re-derivation.
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

    /// A child whose record is to be checked: their events (in the order `JourneyRows.events`
    /// reads them, withdrawn ones left out) and, when they were read from the database, the digest
    /// of those the return reads as stored (`recordDigest`).
    struct Subject: Sendable {
        let childID: UUID
        let events: [RecordedEvent]
        let recordDigest: String?
    }

    /// Checks the children's records against the rule set of the collection year containing
    /// `today` and replaces their stored rows, where what the check reads changed (`begin`). Call
    /// it inside the transaction that re-derived them.
    /// Without `today` their rows are only removed, so that nothing stale is shown: their page
    /// works the findings out when it is shown.
    static func replace(_ children: [Subject], today: CivilDate?, on sql: any SQLDatabase) async throws {
        try await begin(children, today: today, on: sql).store(on: sql)
    }

    /// A check of children's records begun (`begin`) and not yet stored: it runs on every core
    /// while the caller writes the children's other derived rows, which is most of what a large
    /// import or re-derivation waits for.
    struct Pending {
        fileprivate let ruleSet: SSDA903RuleSet?
        /// The children checked again, with the digest of what their check read.
        fileprivate let children: [(childID: UUID, inputsDigest: String?)]
        fileprivate let results: Task<[[SSDA903RecordCheck.Finding]?], any Error>?

        /// Stores the findings, in the same transaction as `begin` (waiting for the check to end).
        func store(on sql: any SQLDatabase) async throws {
            guard let ruleSet, let results else { return }
            var checked: [[any Encodable & Sendable]] = []
            var found: [[any Encodable & Sendable]] = []
            for (child, result) in zip(children, try await results.value) {
                checked.append([child.childID, ruleSet.collectionYear, result != nil, child.inputsDigest])
                for (position, finding) in (result ?? []).enumerated() {
                    found.append([child.childID, position, finding.ruleCode, finding.message, finding.table.rawValue,
                                  finding.fields.map(\.rawValue).joined(separator: " "), finding.recordDate?.iso])
                }
            }
            try await sql.insert(checked, into: checks, columns: ["child_id", "collection_year", "in_return", "inputs_digest"])
            try await sql.insert(found, into: findings, columns: ["child_id", "position", "rule_code", "message", "table_name", "fields", "record_date"])
        }
    }

    /// Reads what the children's check needs and starts it for those whose record, details or
    /// social workers changed since their stored rows were checked (or the rule set, or how the
    /// return is written: `Rederivation.summariesVersion`), removing those children's rows; `store`
    /// writes what it found. A child with no `recordDigest` is always checked again. The
    /// children's details and allocations must be written already.
    static func begin(_ children: [Subject], today: CivilDate?, on sql: any SQLDatabase) async throws -> Pending {
        guard !children.isEmpty else { return Pending(ruleSet: nil, children: [], results: nil) }
        // No rule set for the year (after the newest this version knows): nothing stored, and
        // the page shows no section.
        guard let ruleSet = today.flatMap(SSDA903RecordCheck.ruleSet(containing:)) else {
            try await sql.deleteRows(of: children.map(\.childID), from: [findings, checks])
            return Pending(ruleSet: nil, children: [], results: nil)
        }
        let held = children.filter { inReturn($0.events) }.map(\.childID)
        var details: [UUID: SSDA903Exporter.ChildRow] = [:]
        // PostgreSQL refuses an empty IN list.
        if !held.isEmpty {
            let rows = try await sql.select().columns(SSDA903Exporter.ChildRow.columns).from(Child.schema)
                .where("id", .in, SQLBind.group(held)).all(decoding: SSDA903Exporter.ChildRow.self)
            for row in rows { details[row.id] = row }
        }
        let socialWorkers = try await SSDA903Exporter.allocationsToSocialWorkers(of: held, on: sql)
        // Re-deriving everyone after a change to one standard leaves nearly every record as it was,
        // and checking a looked-after child's record against every rule of the return was a tenth
        // of what re-deriving them cost.
        let stored = try await storedDigests(of: children.map(\.childID), on: sql)
        let toCheck = children.map { child in
            (child, child.recordDigest.map {
                inputsDigest(record: $0, details: details[child.childID], socialWorkers: socialWorkers[child.childID] ?? [], ruleSet: ruleSet)
            })
        }.filter { child, digest in digest == nil || digest != stored[child.childID] }
        try await sql.deleteRows(of: toCheck.map(\.0.childID), from: [findings, checks])
        // If the caller fails before `store`, the check still ends, and what it found is dropped.
        let results = Task { [details] in
            try await toCheck.mapOnEveryCore { child, _ in
                details[child.childID].flatMap { row in
                    check(row, events: child.events, socialWorkers: socialWorkers[child.childID] ?? [], ruleSet: ruleSet)
                }
            }
        }
        return Pending(ruleSet: ruleSet, children: toCheck.map { ($0.0.childID, $0.1) }, results: results)
    }

    /// The lists the return reads, by their stored names.
    private static let listsRead = Set(SSDA903Exporter.lists.map(\.rawValue))

    /// A digest of a child's stored events (in the order read) that the return reads, as they are
    /// stored: the same text gives the same findings.
    static func recordDigest(_ events: [JourneyRows.Event]) -> String {
        var digest = RowDigest()
        for event in events where listsRead.contains(event.list) {
            digest.add(event.id)
            digest.add(event.list)
            digest.add(event.record)
            digest.endRow()
        }
        return digest.digest
    }

    /// Everything a child's check reads: their record's digest, their details, their social
    /// workers, the rule set and its rules, and the version of how the return is written.
    private static func inputsDigest(record: String, details: SSDA903Exporter.ChildRow?, socialWorkers: [SSDA903SocialWorkerEpisode],
                                     ruleSet: SSDA903RuleSet) -> String {
        var digest = RowDigest()
        digest.add(Rederivation.summariesVersion)
        digest.add(ruleSet.collectionYear)
        digest.add(rulesDigests[ruleSet] ?? "")
        digest.add(record)
        digest.add(details?.la_child_id)
        digest.add(details?.sex)
        digest.add(details?.date_of_birth)
        digest.add(details?.ethnicity)
        digest.add(details?.upn)
        digest.endRow()
        for episode in socialWorkers {
            digest.add(episode.socialWorkerID)
            digest.add(episode.start)
            digest.add(episode.end)
            digest.endRow()
        }
        return digest.digest
    }

    /// Each rule set's rules as a check reports them (code, message, the cells flagged): a rule
    /// added, removed or reworded in a new version checks every record again. A change to a rule's
    /// logic alone is not seen here; it raises `Rederivation.summariesVersion`.
    private static let rulesDigests = Dictionary(uniqueKeysWithValues: SSDA903RuleSet.allCases.map { ruleSet in
        var digest = RowDigest()
        for rule in SSDA903Rules.rules(for: ruleSet) {
            digest.add(rule.code)
            digest.add(rule.message(in: ruleSet))
            for (table, columns) in rule.flags.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                digest.add(table.rawValue)
                for column in columns { digest.add(column.rawValue) }
            }
            digest.endRow()
        }
        return (ruleSet, digest.digest)
    })

    /// The digests stored with these children's checks (none for a child never checked, or
    /// checked without one).
    private static func storedDigests(of children: [UUID], on sql: any SQLDatabase) async throws -> [UUID: String] {
        var digests: [UUID: String] = [:]
        for chunk in children.chunked(500) {
            for row in try await sql.select().columns("child_id", "inputs_digest").from(checks)
                .where("child_id", .in, SQLBind.group(Array(chunk))).where("inputs_digest", .isNot, SQLLiteral.null)
                .all(reading: { columns in (try columns.uuid("child_id"), try columns.text("inputs_digest")) }) {
                digests[row.0] = row.1
            }
        }
        return digests
    }

    /// The child's findings against the rule set of the year containing `today`, or nil when the
    /// return does not hold them. Read from the stored rows when they were checked against that
    /// year; otherwise (not yet checked, or checked before 1 April turned the year) worked out now.
    /// `stored` is the child's row of `return_checks`, read with the child (`storedCheckAlongside`).
    static func load(childID: UUID, stored: StoredCheck?, today: CivilDate, on sql: any SQLDatabase) async throws -> Checked? {
        guard let ruleSet = SSDA903RecordCheck.ruleSet(containing: today) else { return nil }
        if let stored, stored.collectionYear == ruleSet.collectionYear {
            guard stored.inReturn else { return nil }
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

    /// When a child's record was last checked (the collection year of the rule set it was checked
    /// against), and whether it was then in that year's return.
    struct StoredCheck: Sendable {
        let collectionYear: Int
        let inReturn: Bool
    }

    /// The child's stored check, read with the child (`ChildAlongside`): nil when none is stored.
    static let storedCheckAlongside = ChildAlongside<StoredCheck?>(
        add: { builder in
            builder.column(SQLColumn("collection_year", table: "rc"), as: "check_collection_year")
                .column(SQLColumn("in_return", table: "rc"), as: "check_in_return")
                .join(SQLAlias(SQLIdentifier(checks), as: SQLIdentifier("rc")), method: SQLJoinMethod.left,
                      on: SQLColumn("child_id", table: "rc"), .equal, SQLColumn("id", table: "c"))
        },
        read: { columns in
            guard let year = try columns.int(ifAny: "check_collection_year") else { return nil }
            return StoredCheck(collectionYear: year, inReturn: try columns.bool("check_in_return"))
        })

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
