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
        let digests = children.map(\.derived.obligationsDigest)
        // A child's obligations are rewritten only when they differ from those stored: most of a
        // re-derivation after a change to one rule, or to how a summary is worked out, leaves most
        // children's obligations as they were, and rewriting a child's sixty-odd rows (and their
        // four indexes) is most of what re-deriving them costs.
        let stored = try await storedDigests(of: children.map(\.childID), on: sql)
        let changed = children.indices.filter { stored[children[$0].childID] != digests[$0] }
        for chunk in changed.map({ children[$0].childID }).chunked(500) {
            try await sql.delete(from: obligations).where("child_id", .in, SQLBind.group(Array(chunk))).run()
        }
        for table in [states, care, permanence, legal, transferWaits] {
            try await sql.delete(from: table).where("child_id", .in, SQLBind.group(children.map(\.childID))).run()
        }
        let deletedSteps = try await deleteTransfers(of: children.map(\.childID), on: sql)
        try await sql.insert(changed.flatMap { obligationRows(children[$0].childID, children[$0].derived.derivation) },
                             into: obligations, columns: obligationColumns)
        try await sql.insert(children.indices.map { index -> [any Encodable & Sendable] in
            let (childID, derived) = children[index]
            let state = derived.state
            return [childID, state.stage.rawValue, state.plans.map(\.rawValue).joined(separator: " "), state.lastSeen?.iso, state.nextDue?.iso,
                    state.openObligations, state.findings, digests[index]]
        }, into: states, columns: ["child_id", "stage", "plans", "last_seen", "next_due", "open_obligations", "findings", "obligations_digest"])
        try await sql.insert(children.compactMap { child -> [any Encodable & Sendable]? in
            guard let care = child.derived.care else { return nil }
            return [child.childID, care.lookedAfter, care.periodStart.iso, care.periodEnd?.iso, care.endReason, care.legalStatus, care.placementType,
                    care.placementProvider, care.placementPostcode, care.placementStart?.iso, care.placementStarts.map(\.iso).joined(separator: " "),
                    care.lastReview?.iso, care.reviewChairID, care.nextReviewDue?.iso, care.openEscalations, care.careLeaver,
                    care.lastPathwayPlan?.iso, care.nextPathwayPlanDue?.iso, care.personalAdviserID, care.lastContact?.iso, care.inTouch,
                    care.accommodation, care.accommodationSuitable, care.activity, care.stayingPut]
        }, into: care, columns: ["child_id", "looked_after", "period_start", "period_end", "end_reason", "legal_status", "placement_type",
                                 "placement_provider", "placement_postcode", "placement_start", "placement_starts", "last_review", "review_chair_id",
                                 "next_review_due", "open_escalations", "care_leaver", "last_pathway_plan", "next_pathway_plan_due",
                                 "personal_adviser_id", "last_contact", "in_touch", "accommodation", "accommodation_suitable", "activity", "staying_put"])
        try await sql.insert(children.compactMap { child -> [any Encodable & Sendable]? in
            guard let permanence = child.derived.permanence else { return nil }
            return [child.childID, permanence.plans.joined(separator: " "), permanence.planAgreed?.iso, permanence.planDue?.iso,
                    permanence.routesConsidered.map(\.rawValue).joined(separator: " "), permanence.nextMilestone?.rawValue,
                    permanence.nextMilestoneDue?.iso, permanence.lastDecision?.iso, permanence.lastDecisionBy?.rawValue,
                    permanence.lastProgress?.iso, permanence.adoption?.agencyDecision?.iso, permanence.adoption?.authorityToPlace?.iso,
                    permanence.adoption?.matched?.iso, permanence.adoption?.placed?.iso]
        }, into: permanence, columns: ["child_id", "plans", "plan_agreed", "plan_due", "routes_considered", "next_milestone", "next_milestone_due",
                                       "last_decision", "last_decision_forum", "last_progress", "agency_decision", "authority_to_place", "matched",
                                       "placed_for_adoption"])
        try await sql.insert(children.compactMap { child -> [any Encodable & Sendable]? in
            guard let legal = child.derived.legal else { return nil }
            return [child.childID, legal.preProceedingsStart?.iso, legal.preProceedingsDue?.iso, legal.initialMeeting?.iso, legal.issued?.iso,
                    legal.proceedingsDue?.iso, legal.extensions, legal.extensionWeeks, legal.court, legal.nextHearing?.iso, legal.nextReview?.iso]
        }, into: legal, columns: ["child_id", "pre_proceedings_start", "pre_proceedings_due", "initial_meeting", "issued", "proceedings_due",
                                  "extensions", "extension_weeks", "court", "next_hearing", "next_review"])
        try await insertTransfers(children, on: sql)
        let derivedSteps = children.flatMap { $0.derived.transfers.transfers.map(TransferStepMonths.Steps.init) }
        try await TransferStepMonths.add(TransferStepMonths.change(from: deletedSteps, to: derivedSteps), on: sql)
    }

    private static let obligationColumns = [
        "child_id", "id", "rule", "sequence", "started_kind", "started_event", "started_date", "due", "provisional",
        "met_kind", "met_event", "met_date", "team_id", "worker_id", "not_applicable_reason", "not_applicable_since",
    ]

    /// The child's obligation rows. Child obligations only: those keyed on an allegation or a staff
    /// member belong to other records.
    static func obligationRows(_ childID: UUID, _ derivation: Derivation) -> [[any Encodable & Sendable]] {
        childObligations(derivation).map { obligation in
            var row = RowValues()
            obligationValues(childID, obligation, into: &row)
            return row.values
        }
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

    /// The digests stored for these children's obligations (none for a child never derived).
    private static func storedDigests(of children: [UUID], on sql: any SQLDatabase) async throws -> [UUID: String] {
        struct Row: Decodable { let child_id: UUID; let obligations_digest: String? }
        var digests: [UUID: String] = [:]
        for chunk in children.chunked(500) {
            for row in try await sql.select().column("child_id").column("obligations_digest").from(states)
                .where("child_id", .in, SQLBind.group(Array(chunk))).all(decoding: Row.self) {
                digests[row.child_id] = row.obligations_digest
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

    /// Each child's transfers and whether they wait for one (`TransferSummary`).
    private static func insertTransfers(_ children: [(childID: UUID, derived: ChildDerivation.Derived)], on sql: any SQLDatabase) async throws {
        try await sql.insert(children.flatMap { child in
            child.derived.transfers.transfers.map { t -> [any Encodable & Sendable] in
                [t.id, child.childID, UUID(text: t.fromTeam), UUID(text: t.toTeam), t.stage.rawValue, t.reason, t.prompted?.iso,
                 t.requested.iso, t.acceptanceDue.iso, t.accepted?.iso, t.rejected?.iso, t.rejectionReason, t.delayReason, t.allocated?.iso,
                 t.firstVisitDue?.iso, t.firstVisit?.iso, t.acceptedOnTime, t.visitedOnTime, child.derived.transfers.acceptanceDays[t.id]]
            }
        }, into: transfers, columns: ["transfer_id", "child_id", "from_team_id", "to_team_id", "stage", "reason", "prompted", "requested",
                                      "acceptance_due", "accepted", "rejected", "rejection_reason", "delay_reason", "allocated", "first_visit_due",
                                      "first_visit", "accepted_on_time", "visited_on_time", "acceptance_days"])
        try await sql.insert(children.compactMap { child -> [any Encodable & Sendable]? in
            guard let wait = child.derived.transfers.waiting else { return nil }
            return [child.childID, wait.since.iso, wait.eventID, child.derived.team]
        }, into: transferWaits, columns: ["child_id", "since", "event_id", "team_id"])
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

    static func state(of childID: UUID, on sql: any SQLDatabase) async throws -> StateRow? {
        try await sql.select().columns("*").from(states).where("child_id", .equal, SQLBind(childID)).first(decoding: StateRow.self)
    }

    struct StateRow: Decodable {
        let stage: String
        let plans: String
        let last_seen: String?
        let next_due: String?
        let open_obligations: Int
        let findings: Int

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
