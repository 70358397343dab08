import Foundation
import LineOfSightCore
import SQLKit

/// What a panel pack says about one child, from their record as it stands: their tracker row, the
/// permanence plans agreed in this period of care, every option considered, the decisions so far,
/// the open actions, their milestones with the core's status, everything overdue, and the
/// decisions the meeting needs to make.
struct PanelPackChild: Sendable {
    let row: CareRow
    /// Plans agreed since the child came into care this time, newest first.
    let plans: [PermanencePlanRecord]
    /// Every way to permanence ever considered for the child, newest first: a panel weighs those
    /// of earlier periods of care and of pre-proceedings too.
    let options: [PermanenceOptionRecord]
    /// Permanence decisions and legal planning meetings, newest first.
    let decisions: [Decision]
    let openActions: [ActionRecord]
    /// The tracker's milestones (`PermanenceSummary.isMilestone`) of this period, and any still open.
    let milestones: [Obligation]
    /// Every open obligation overdue by the core's status rule: milestones, reviews, visits, actions.
    let overdue: [Obligation]
    /// What each of the child's actions is, by event id: an overdue action is named by it.
    private let actionDescriptions: [String: String]

    struct Decision: Sendable {
        let date: CivilDate
        let by: String
        let what: String
    }

    /// The most recent decisions a pack shows: enough to see where the plan came from.
    static let decisionsShown = 5

    init(row: CareRow, events: [JourneyRows.Event], obligations: [Obligation], today: CivilDate, dueSoonDays: Int) throws {
        self.row = row
        let records = try events.map { try $0.decodedRecord() }
        let entered = row.period?.periodStart
        plans = Array(records.compactMap { $0 as? PermanencePlanRecord }.filter { plan in entered.map { plan.date >= $0 } ?? true }.reversed())
        options = Array(records.compactMap { $0 as? PermanenceOptionRecord }.reversed())
        let permanence = records.compactMap { $0 as? PermanenceDecisionRecord }.map {
            Decision(date: $0.date, by: $0.forum.label, what: [$0.route?.label, $0.decision].compactMap { $0 }.joined(separator: ": "))
        }
        let legal = records.compactMap { $0 as? PreProceedingsRecord }.map {
            Decision(date: $0.date, by: PermanenceForms.preProceedings.title, what: [$0.decision.label, $0.reason].compactMap { $0 }.joined(separator: ": "))
        }
        decisions = Array((permanence + legal).sorted { $0.date > $1.date }.prefix(Self.decisionsShown))
        openActions = records.compactMap { $0 as? ActionRecord }.filter { $0.done == nil && $0.cancelled == nil }.sorted { $0.due < $1.due }
        actionDescriptions = Dictionary(zip(events, records).compactMap { event, record in
            (record as? ActionRecord).map { (event.id.text, $0.description) }
        }) { first, _ in first }
        let status = { (obligation: Obligation) in obligation.status(asOf: today, dueSoonDays: dueSoonDays) }
        milestones = obligations.filter { obligation in
            PermanenceSummary.isMilestone(obligation.ruleID) && status(obligation) != .notApplicable
                && (status(obligation).isOpen || entered.map { obligation.startedBy.date >= $0 } ?? true)
        }
        overdue = obligations.filter { status($0) == .overdue }
    }

    /// An obligation in words: its rule's title, and for an action what it is.
    func title(_ obligation: Obligation) -> String {
        guard obligation.ruleID == .action, let description = actionDescriptions[obligation.startedBy.id] else { return ObligationText.title(obligation) }
        return "\(ObligationText.title(obligation)): \(description)"
    }

    /// What the meeting needs to decide, in words: a plan not agreed, ways to permanence not yet
    /// considered or not yet pursued or ruled out, overdue milestones, and a plan that has not moved.
    func decisionsNeeded(today: CivilDate, standards: LocalStandards) -> [String] {
        var needed: [String] = []
        if row.permanence?.planCodes.isEmpty ?? true {
            let due = row.permanence?.plan_due.flatMap(CivilDate.init(iso:))
            let bounds = StatusBounds(asOf: today, dueSoonDays: standards.dueSoonDays)
            needed.append("Agree a permanence plan: none is agreed" + (due.map { due in
                bounds.status(due: due, met: nil, notApplicableSince: nil) == .overdue
                    ? " (it was due by \(DateText.long(due)))" : " (due by \(DateText.long(due)))"
            } ?? ""))
        }
        if options.isEmpty { needed.append("Consider the ways to permanence: none is recorded as considered") }
        for option in options where option.outcome == nil {
            needed.append("Pursue or rule out \(option.route.label.lowercased())" + (option.who.map { " (\($0))" } ?? "")
                          + ": considered on \(DateText.long(option.considered)), no outcome recorded")
        }
        for milestone in milestones where overdue.contains(milestone) {
            needed.append("\(ObligationText.title(milestone)): overdue since \(DateText.long(milestone.due))")
        }
        if let entered = row.period?.periodStart {
            let moved = row.permanence?.lastProgress ?? entered
            if moved <= DriftStatus.stalledSince(today: today, standards: standards) {
                needed.append("Nothing about their permanence has been recorded since \(DateText.long(moved)): review the plan")
            }
        }
        return needed
    }

    /// The pack's children: each row's events of the lists a pack reads, and obligations, read in a
    /// few queries for all of them.
    static func load(_ rows: [CareRow], today: CivilDate, dueSoonDays: Int, on sql: any SQLDatabase) async throws -> [PanelPackChild] {
        let ids = rows.map(\.child.id)
        let events = try await JourneyRows.eventsByChild(of: ids, lists: lists, on: sql)
        let obligations = try await DerivedRows.obligations(of: ids, on: sql)
        return try rows.map { row in
            try PanelPackChild(row: row, events: events[row.child.id] ?? [], obligations: obligations[row.child.id] ?? [],
                               today: today, dueSoonDays: dueSoonDays)
        }
    }

    /// The kinds of event a pack reads.
    static let lists: [JourneyList] = [.permanencePlans, .permanenceOptions, .permanenceDecisions, .preProceedings, .actions]
}
