import Foundation
import LineOfSightCore

/// The demo's transfers between teams, as the tracker and the review pack should find them: each
/// move of a child's allocation in the last 13 months was a transfer accepted on the day the new
/// team took the case, most within the local standard, some late, a few after two months; some
/// preceded by a request another team rejected; duty and assessment's first visit after taking a
/// case; and in duty and assessment, children whose case should move with a request awaiting its
/// decision, one rejected, or none at all (waiting in duty).
extension DemoJourneyBuilder {
    static let transferReasons = [
        "Assessment completed: child in need plan to be taken on by the long-term team",
        "Initial child protection conference made a plan: case moves to the child protection team",
        "Child became looked after: case moves to the children in care team",
        "Permanence plan agreed: case moves to the permanence team",
        "Young person turned 18: case moves to the leaving care team",
    ]
    static let delayReasons = [
        "No capacity in the receiving team: waited for a worker to become free",
        "Receiving manager asked for the assessment to be updated first",
        "Transfer meeting postponed twice by the sending team",
        "Held while care proceedings were being considered",
    ]
    static let rejectionReasons = [
        "Threshold for a child in need plan not met: step down to early help",
        "Assessment not complete: analysis and plan missing",
        "Child lives in another area's patch: redirected to that team",
    ]

    mutating func buildTransfers(allocationsByChild: [UUID: [DemoAuthority.AllocationRecord]], services: [UUID: Service]) {
        let since = today.adding(months: -13)
        for child in authority.children {
            let allocations = (allocationsByChild[child.id] ?? []).sorted { $0.start < $1.start }
            for (from, to) in zip(allocations, allocations.dropFirst()) where to.start >= since && from.teamID != to.teamID {
                acceptedTransfer(child.id, from: from, to: to, services: services)
            }
        }
        let receiving = authority.teams.filter { $0.service == .cinCP }.map(\.id)
        guard !receiving.isEmpty else { return }
        for (child, authorised) in dueToMove {
            guard let current = allocationsByChild[child]?.first(where: { $0.end == nil }) else { continue }
            let roll = Double.random(in: 0..<1, using: &transferRng)
            let requested = min(today, calendar.adding(workingDays: Int.random(in: 1...8, using: &transferRng), to: max(authorised, current.start)))
            var record = TransferRecord(requested: requested, fromTeam: current.teamID.text,
                                        toTeam: transferRng.pick(receiving).text, grounds: Self.transferReasons[0])
            if roll < 0.45 {
                // Awaiting the receiving manager: some within the standard, some long overdue.
                _ = add(child, record)
            } else if roll < 0.6 {
                record.decision = .rejected
                record.decided = min(today, calendar.adding(workingDays: Int.random(in: 1...6, using: &transferRng), to: requested))
                record.rejectionReason = transferRng.pick(Self.rejectionReasons)
                _ = add(child, record)
            }
            // Otherwise nobody has asked: the child waits in duty.
        }
    }

    /// The transfer behind a move of allocation: accepted the day the new team took the case.
    private mutating func acceptedTransfer(_ child: UUID, from: DemoAuthority.AllocationRecord, to: DemoAuthority.AllocationRecord,
                                           services: [UUID: Service]) {
        let roll = Double.random(in: 0..<1, using: &transferRng)
        // Most within 5 working days; some late; a few waited about two months.
        let wait = roll < 0.7 ? Int.random(in: 1...5, using: &transferRng)
            : roll < 0.9 ? Int.random(in: 6...15, using: &transferRng) : Int.random(in: 38...45, using: &transferRng)
        let requested = max(from.start, calendar.adding(workingDays: -wait, to: to.start))
        let reason = switch services[to.teamID] {
        case .cinCP?: Self.transferReasons[transferRng.chance(0.5) ? 0 : 1]
        case .childrenInCare?: Self.transferReasons[2]
        case .permanence?: Self.transferReasons[3]
        case .careLeavers?: Self.transferReasons[4]
        default: Self.transferReasons[0]
        }
        if wait > 5, transferRng.chance(0.25), let other = authority.teams.first(where: { $0.service == services[to.teamID] && $0.id != to.teamID }) {
            // First sent to the wrong team, which said so.
            let first = max(from.start, calendar.adding(workingDays: -(wait + 3), to: to.start))
            _ = add(child, TransferRecord(requested: first, fromTeam: from.teamID.text, toTeam: other.id.text, grounds: reason,
                                          decision: .rejected, decided: min(requested, calendar.adding(workingDays: 2, to: first)),
                                          rejectionReason: transferRng.pick(Self.rejectionReasons)))
        }
        _ = add(child, TransferRecord(requested: requested, fromTeam: from.teamID.text, toTeam: to.teamID.text, grounds: reason,
                                      decision: .accepted, decided: to.start,
                                      delayReason: wait > 5 && transferRng.chance(0.8) ? transferRng.pick(Self.delayReasons) : nil,
                                      workerID: to.workerID?.text))
        if services[to.teamID] == .dutyAndAssessment { firstAssessmentVisit(child, after: to.start, until: to.end) }
    }

    /// Duty and assessment's first visit after taking the case: the demo's assessments record when
    /// the child was seen but no visit of their own, so without this every transfer into duty would
    /// wait for a first visit for ever. Most are within the local standard, some late, a few not yet
    /// made; none after duty handed the case on (`end`).
    private mutating func firstAssessmentVisit(_ child: UUID, after accepted: CivilDate, until end: CivilDate?) {
        let roll = Double.random(in: 0..<1, using: &transferRng)
        guard roll < 0.95 else { return }
        let visit = calendar.adding(workingDays: roll < 0.8 ? Int.random(in: 1...8, using: &transferRng) : Int.random(in: 11...30, using: &transferRng),
                                    to: accepted)
        guard visit <= min(today, end ?? today) else { return }
        _ = add(child, VisitRecord(date: visit, kind: .planned, location: transferRng.chance(0.8) ? .home : .school, seen: true,
                                   seenAlone: transferRng.chance(0.6), childsViews: transferRng.pick(Self.views),
                                   observations: transferRng.pick(Self.observations)))
    }
}
