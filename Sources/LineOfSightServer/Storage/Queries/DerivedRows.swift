import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// The rows derived from a child's journey: their obligations and their state. Written only by
/// `ChildDerivation`, always all of a child's rows at once, inside the transaction that changed
/// what they are derived from.
enum DerivedRows {
    static let obligations = "obligations"
    static let states = "child_states"
    static let care = "care_summaries"
    static let permanence = "permanence_summaries"
    static let legal = "legal_summaries"
    static let transfers = "transfer_summaries"
    static let transferWaits = "transfer_waits"
    /// One row: the fingerprint of the standards and rules the stored rows were derived with.
    static let basis = "derivation_basis"

    static func replace(childID: UUID, derived: ChildDerivation.Derived, on sql: any SQLDatabase) async throws {
        try await replace([(childID, derived)], on: sql)
    }

    /// Replaces the rows of several children at once: a few statements for a batch of children
    /// rather than several each, which is what makes re-deriving everyone, or an import, fast.
    static func replace(_ children: [(childID: UUID, derived: ChildDerivation.Derived)], on sql: any SQLDatabase) async throws {
        guard !children.isEmpty else { return }
        // A child's rows are rewritten only where they differ from those stored: most of a
        // re-derivation after a change to one rule, or to how a summary is worked out, leaves most
        // children's rows as they were, and rewriting a child's sixty-odd obligations and their
        // summaries (and their indexes) is most of what re-deriving them costs. Their state row
        // holds both digests, so it is rewritten when either changed.
        let stored = try await storedDigests(of: children.map(\.childID), on: sql)
        let obligationsChanged = children.filter { stored[$0.childID]?.obligations != $0.derived.obligationsDigest }
        let changed = children.filter { child in
            stored[child.childID].map { $0.obligations != child.derived.obligationsDigest || $0.summaries != child.derived.summariesDigest } ?? true
        }
        try await sql.deleteRows(of: obligationsChanged.map(\.childID), from: [obligations])
        try await sql.deleteRows(of: changed.map(\.childID), from: SummaryTable.allCases.filter { $0 != .transfers }.map(\.name))
        let deletedSteps = try await deleteTransfers(of: changed.map(\.childID), on: sql)
        try await sql.insert(obligationsChanged.flatMap { obligationRows($0.childID, $0.derived.derivation) }, into: obligations, columns: obligationColumns)
        for table in SummaryTable.allCases {
            try await sql.insert(changed.flatMap { table.storedRows(of: $0.childID, $0.derived) }, into: table.name, columns: table.storedColumns)
        }
        let derivedSteps = changed.flatMap { $0.derived.transfers.transfers.map(TransferStepMonths.Steps.init) }
        try await TransferStepMonths.add(TransferStepMonths.change(from: deletedSteps, to: derivedSteps), on: sql)
    }

    private static let obligationColumns = [
        "child_id", "id", "rule", "sequence", "started_kind", "started_event", "started_date", "due", "provisional",
        "met_kind", "met_event", "met_date", "team_id", "worker_id", "not_applicable_reason", "not_applicable_since",
    ]

    /// The child's obligation rows. Child obligations only: those keyed on an allegation or a staff
    /// member belong to other records.
    static func obligationRows(_ childID: UUID, _ derivation: Derivation) -> [[any Encodable & Sendable]] {
        var rows = RowValues()
        for obligation in childObligations(derivation) {
            obligationValues(childID, obligation, into: &rows)
            rows.endRow()
        }
        return rows.rows
    }

    /// A digest of a child's obligation rows, stored with their state: the same rows give the same
    /// digest. Written from each obligation's fields as they are (`RowDigest`) rather than from its
    /// row, whose values are each an `any Encodable` whose type has to be found again.
    static func obligationsDigest(_ childID: UUID, _ derivation: Derivation) -> String {
        var digest = RowDigest()
        for obligation in childObligations(derivation) {
            obligationValues(childID, obligation, into: &digest)
            digest.endRow()
        }
        return digest.digest
    }

    /// Lazily: the digest reads each once, and copying them was a tenth of its cost.
    private static func childObligations(_ derivation: Derivation) -> LazyFilterSequence<[Obligation]> {
        derivation.obligations.lazy.filter { $0.subject.kind == .child }
    }

    /// One obligation's row, in the order of `obligationColumns`.
    private static func obligationValues<Row: RowSink>(_ childID: UUID, _ o: Obligation, into row: inout Row) {
        row.add(childID); row.add(o.id); row.add(o.ruleID.rawValue); row.add(o.sequence); row.add(o.startedBy.kind.rawValue)
        row.add(o.startedBy.id); row.add(o.startedBy.date); row.add(o.due); row.add(o.provisional)
        row.add(o.metBy?.kind.rawValue); row.add(o.metBy?.id); row.add(o.metBy?.date)
        row.add(o.responsible?.teamID); row.add(o.responsible?.workerID)
        row.add(o.notApplicable?.reason); row.add(o.notApplicable?.since)
    }

    /// The digests stored with these children's obligations and summaries (none for a child never
    /// derived; nil for one derived before they were kept).
    private static func storedDigests(of children: [UUID], on sql: any SQLDatabase) async throws -> [UUID: (obligations: String?, summaries: String?)] {
        struct Row: Decodable { let child_id: UUID; let obligations_digest: String?; let summaries_digest: String? }
        var digests: [UUID: (obligations: String?, summaries: String?)] = [:]
        for chunk in children.chunked(500) {
            for row in try await sql.select().columns("child_id", "obligations_digest", "summaries_digest").from(states)
                .where("child_id", .in, SQLBind.group(Array(chunk))).all(decoding: Row.self) {
                digests[row.child_id] = (row.obligations_digest, row.summaries_digest)
            }
        }
        return digests
    }

    /// Deletes these children's transfer rows, returning the steps of those it deleted
    /// (so the counts kept by month take away what was deleted, whatever another transaction wrote).
    private static func deleteTransfers(of children: [UUID], on sql: any SQLDatabase) async throws -> [TransferStepMonths.Steps] {
        var steps: [TransferStepMonths.Steps] = []
        for chunk in children.chunked(500) {
            steps += try await sql.delete(from: transfers).where("child_id", .in, SQLBind.group(Array(chunk)))
                .returning(TransferStepMonths.Steps.columns.map { SQLColumn($0) }).all(reading: TransferStepMonths.Steps.init)
        }
        return steps
    }

    /// The child's stored obligations, as the core's values, or only those open by the core's status
    /// rule as of `openToday`, which must be as of today.
    static func obligations(of childID: UUID, openToday bounds: StatusBounds? = nil, on sql: any SQLDatabase) async throws -> [Obligation] {
        try await obligations(of: [childID], openToday: bounds, on: sql)[childID] ?? []
    }

    /// Several children's stored obligations, by child, each child's in due date order: one query
    /// for a page that shows a few dozen children (a panel pack).
    static func obligations(of children: [UUID], openToday bounds: StatusBounds? = nil, on sql: any SQLDatabase) async throws -> [UUID: [Obligation]] {
        // PostgreSQL refuses an empty IN list.
        guard !children.isEmpty else { return [:] }
        struct Row: Decodable {
            let childID: UUID
            let obligation: ObligationRow

            init(from decoder: any Decoder) throws {
                childID = try decoder.container(keyedBy: Key.self).decode(UUID.self, forKey: .child_id)
                obligation = try ObligationRow(from: decoder)
            }

            enum Key: String, CodingKey { case child_id }
        }
        let query = sql.select().columns("*").from(obligations).where("child_id", .in, SQLBind.group(children))
        if let bounds {
            query.where(StatusSQL.openToday(bounds: bounds, columns: .obligations()))
        }
        let rows = try await query.orderBy("due").orderBy("rule").orderBy("id").all(decoding: Row.self)
        return rows.reduce(into: [:]) { byChild, row in
            if let obligation = row.obligation.obligation(child: row.childID) { byChild[row.childID, default: []].append(obligation) }
        }
    }

    /// The child's stored state, read with the child (`ChildAlongside`): nil when none is stored.
    static let stateAlongside = ChildAlongside<StateRow?>(
        add: { builder in
            StateRow.columns.reduce(builder) { $0.column(SQLColumn($1, table: "st"), as: StateRow.alias($1)) }
                .join(SQLAlias(SQLIdentifier(states), as: SQLIdentifier("st")), method: SQLJoinMethod.left,
                      on: SQLColumn("child_id", table: "st"), .equal, SQLColumn("id", table: "c"))
        },
        read: { columns in
            let alias = StateRow.alias
            guard let stage = try columns.text(ifAny: alias("stage")) else { return nil }
            return StateRow(stage: stage, plans: try columns.text(alias("plans")), last_seen: try columns.text(ifAny: alias("last_seen")),
                            next_due: try columns.text(ifAny: alias("next_due")), open_obligations: try columns.int(alias("open_obligations")),
                            findings: try columns.int(alias("findings")))
        })

    struct StateRow: Sendable {
        let stage: String
        let plans: String
        let last_seen: String?
        let next_due: String?
        let open_obligations: Int
        let findings: Int

        static let columns = ["stage", "plans", "last_seen", "next_due", "open_obligations", "findings"]

        /// A column's name beside the child's own columns (`stateAlongside`).
        static func alias(_ column: String) -> String { "state_" + column }

        var stageValue: ChildState.Stage? { ChildState.Stage(rawValue: stage) }
        var planValues: [ChildState.Plan] { plans.split(separator: " ").compactMap { ChildState.Plan(rawValue: String($0)) } }
    }

    /// A stored obligation row. Every value was written by `replace`, so one that does not read back
    /// (a rule removed in a later version, before re-derivation) is skipped rather than failing the page.
    struct ObligationRow: Decodable {
        let id: String
        let rule: String
        let sequence: Int
        let started_kind: String
        let started_event: String
        let started_date: String
        let due: String
        let provisional: Bool
        let met_kind: String?
        let met_event: String?
        let met_date: String?
        let team_id: String?
        let worker_id: String?
        let not_applicable_reason: String?
        let not_applicable_since: String?

        func obligation(child: UUID) -> Obligation? {
            guard let startedKind = EventKind(rawValue: started_kind), let startedDate = CivilDate(iso: started_date),
                  let dueDate = CivilDate(iso: due) else { return nil }
            var metBy: EventRef?
            if let met_kind, let met_event, let met_date, let kind = EventKind(rawValue: met_kind), let date = CivilDate(iso: met_date) {
                metBy = EventRef(kind, met_event, date)
            }
            let notApplicable = not_applicable_reason.flatMap { reason in
                not_applicable_since.flatMap(CivilDate.init(iso:)).map { NotApplicable(reason: reason, since: $0) }
            }
            let responsible = team_id == nil && worker_id == nil ? nil : Responsibility(teamID: team_id, workerID: worker_id)
            return Obligation(id: id, ruleID: RuleID(rawValue: rule), subject: .child(child.text), sequence: sequence,
                              startedBy: EventRef(startedKind, started_event, startedDate), due: dueDate, provisional: provisional,
                              metBy: metBy, responsible: responsible, notApplicable: notApplicable)
        }
    }
}
