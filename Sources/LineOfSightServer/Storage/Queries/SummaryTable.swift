import Foundation
import LineOfSightCore

/// The tables a child's summaries are stored in beside their obligations (`DerivedRows`): their
/// state and, when they have them, their care, permanence and legal summaries, their transfers
/// and a wait for one. A child's rows of each are written by one function, both to insert them
/// and to digest them (`digest`), so that re-deriving a child whose summaries come out as stored
/// leaves their rows alone.
enum SummaryTable: CaseIterable {
    case state, care, permanence, legal, transfers, transferWait

    var name: String {
        switch self {
        case .state: DerivedRows.states
        case .care: DerivedRows.care
        case .permanence: DerivedRows.permanence
        case .legal: DerivedRows.legal
        case .transfers: DerivedRows.transfers
        case .transferWait: DerivedRows.transferWaits
        }
    }

    /// The columns of `storedRows`, in their order.
    var storedColumns: [String] {
        switch self {
        case .state:
            ["child_id", "stage", "plans", "last_seen", "next_due", "open_obligations", "findings", "obligations_digest", "summaries_digest"]
        case .care:
            ["child_id", "looked_after", "period_start", "period_end", "end_reason", "legal_status", "placement_type", "placement_provider",
             "placement_postcode", "placement_start", "placement_starts", "last_review", "review_chair_id", "next_review_due", "open_escalations",
             "care_leaver", "last_pathway_plan", "next_pathway_plan_due", "personal_adviser_id", "last_contact", "in_touch", "accommodation",
             "accommodation_suitable", "activity", "staying_put"]
        case .permanence:
            ["child_id", "plans", "plan_agreed", "plan_due", "routes_considered", "next_milestone", "next_milestone_due", "last_decision",
             "last_decision_forum", "last_progress", "agency_decision", "authority_to_place", "matched", "placed_for_adoption"]
        case .legal:
            ["child_id", "pre_proceedings_start", "pre_proceedings_due", "initial_meeting", "issued", "proceedings_due", "extensions",
             "extension_weeks", "court", "next_hearing", "next_review"]
        case .transfers:
            ["transfer_id", "child_id", "from_team_id", "to_team_id", "stage", "reason", "prompted", "requested", "acceptance_due", "accepted",
             "rejected", "rejection_reason", "delay_reason", "allocated", "first_visit_due", "first_visit", "accepted_on_time",
             "visited_on_time", "acceptance_days"]
        case .transferWait:
            ["child_id", "since", "event_id", "team_id"]
        }
    }

    /// The child's rows of this table as stored: the state's with the digests of the child's
    /// obligations and summaries.
    func storedRows(of childID: UUID, _ derived: ChildDerivation.Derived) -> [[any Encodable & Sendable]] {
        var rows = RowValues()
        write(childID, derived, into: &rows)
        guard self == .state else { return rows.rows }
        return rows.rows.map { $0 + [derived.obligationsDigest, derived.summariesDigest] }
    }

    /// A digest of all the child's summary rows (but the digests in their state's).
    static func digest(_ childID: UUID, _ derived: ChildDerivation.Derived) -> String {
        var digest = RowDigest()
        for table in allCases {
            digest.add(table.name)
            digest.endRow()
            table.write(childID, derived, into: &digest)
        }
        return digest.digest
    }

    /// The child's rows of this table, each ended with `endRow`, in the order of `storedColumns`
    /// (the state's without its digests).
    private func write<Row: RowSink>(_ childID: UUID, _ derived: ChildDerivation.Derived, into row: inout Row) {
        switch self {
        case .state:
            let state = derived.state
            row.add(childID); row.add(state.stage.rawValue); row.add(state.plans.map(\.rawValue).joined(separator: " "))
            row.add(state.lastSeen); row.add(state.nextDue); row.add(state.openObligations); row.add(state.findings)
            row.endRow()
        case .care:
            guard let care = derived.care else { return }
            row.add(childID); row.add(care.lookedAfter); row.add(care.periodStart); row.add(care.periodEnd); row.add(care.endReason)
            row.add(care.legalStatus); row.add(care.placementType); row.add(care.placementProvider); row.add(care.placementPostcode)
            row.add(care.placementStart); row.add(care.placementStarts.map(\.iso).joined(separator: " ")); row.add(care.lastReview)
            row.add(care.reviewChairID); row.add(care.nextReviewDue); row.add(care.openEscalations); row.add(care.careLeaver)
            row.add(care.lastPathwayPlan); row.add(care.nextPathwayPlanDue); row.add(care.personalAdviserID); row.add(care.lastContact)
            row.add(care.inTouch); row.add(care.accommodation); row.add(care.accommodationSuitable); row.add(care.activity)
            row.add(care.stayingPut)
            row.endRow()
        case .permanence:
            guard let permanence = derived.permanence else { return }
            row.add(childID); row.add(permanence.plans.joined(separator: " ")); row.add(permanence.planAgreed); row.add(permanence.planDue)
            row.add(permanence.routesConsidered.map(\.rawValue).joined(separator: " ")); row.add(permanence.nextMilestone?.rawValue)
            row.add(permanence.nextMilestoneDue); row.add(permanence.lastDecision); row.add(permanence.lastDecisionBy?.rawValue)
            row.add(permanence.lastProgress); row.add(permanence.adoption?.agencyDecision); row.add(permanence.adoption?.authorityToPlace)
            row.add(permanence.adoption?.matched); row.add(permanence.adoption?.placed)
            row.endRow()
        case .legal:
            guard let legal = derived.legal else { return }
            row.add(childID); row.add(legal.preProceedingsStart); row.add(legal.preProceedingsDue); row.add(legal.initialMeeting)
            row.add(legal.issued); row.add(legal.proceedingsDue); row.add(legal.extensions); row.add(legal.extensionWeeks)
            row.add(legal.court); row.add(legal.nextHearing); row.add(legal.nextReview)
            row.endRow()
        case .transfers:
            for t in derived.transfers.transfers {
                row.add(t.id); row.add(childID); row.add(UUID(text: t.fromTeam)); row.add(UUID(text: t.toTeam)); row.add(t.stage.rawValue)
                row.add(t.reason); row.add(t.prompted); row.add(t.requested); row.add(t.acceptanceDue); row.add(t.accepted)
                row.add(t.rejected); row.add(t.rejectionReason); row.add(t.delayReason); row.add(t.allocated); row.add(t.firstVisitDue)
                row.add(t.firstVisit); row.add(t.acceptedOnTime); row.add(t.visitedOnTime); row.add(derived.transfers.acceptanceDays[t.id])
                row.endRow()
            }
        case .transferWait:
            guard let wait = derived.transfers.waiting else { return }
            row.add(childID); row.add(wait.since); row.add(wait.eventID); row.add(derived.team)
            row.endRow()
        }
    }
}
