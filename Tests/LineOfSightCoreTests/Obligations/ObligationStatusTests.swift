import LineOfSightCore
import Testing

@Suite struct ObligationStatusTests {
    func obligation(due: String, met: String? = nil, notApplicableSince: String? = nil) -> Obligation {
        Obligation(id: "x", ruleID: .cpVisit, subject: .child("C"), startedBy: EventRef(.visit, "V0", d("2026-01-01")),
                   due: d(due), metBy: met.map { EventRef(.visit, "V1", d($0)) },
                   notApplicable: notApplicableSince.map { NotApplicable(reason: "plan ended", since: d($0)) })
    }

    @Test func everyStatus() {
        let open = obligation(due: "2026-01-14")
        #expect(open.status(asOf: d("2026-01-06"), dueSoonDays: 7) == .upcoming)
        #expect(open.status(asOf: d("2026-01-07"), dueSoonDays: 7) == .dueSoon)
        #expect(open.status(asOf: d("2026-01-14"), dueSoonDays: 7) == .dueSoon)
        #expect(open.status(asOf: d("2026-01-15"), dueSoonDays: 7) == .overdue)
        #expect(open.status(asOf: d("2026-01-14"), dueSoonDays: 0) == .dueSoon)
        #expect(open.status(asOf: d("2026-01-13"), dueSoonDays: 0) == .upcoming)

        let onTime = obligation(due: "2026-01-14", met: "2026-01-14")
        #expect(onTime.status(asOf: d("2026-01-13"), dueSoonDays: 7) == .dueSoon)  // not yet met on that day
        #expect(onTime.status(asOf: d("2026-01-14"), dueSoonDays: 7) == .metOnTime)
        let late = obligation(due: "2026-01-14", met: "2026-01-15")
        #expect(late.status(asOf: d("2026-01-15"), dueSoonDays: 7) == .metLate)
        #expect(late.status(asOf: d("2026-01-14"), dueSoonDays: 7) == .dueSoon)

        let ended = obligation(due: "2026-01-14", notApplicableSince: "2026-01-10")
        #expect(ended.status(asOf: d("2026-01-09"), dueSoonDays: 7) == .dueSoon)
        #expect(ended.status(asOf: d("2026-01-10"), dueSoonDays: 7) == .notApplicable)
    }

    @Test func boundsGiveTheDueSoonWindowEnd() {
        let bounds = StatusBounds(asOf: d("2026-01-07"), dueSoonDays: 7)
        #expect(bounds.dueSoonEnd == d("2026-01-14"))
        #expect(bounds.status(due: d("2026-01-15"), met: nil, notApplicableSince: nil) == .upcoming)
    }

    @Test func responsibilityFollowsAllocations() {
        let journey = Journey(childID: "C",
                              referrals: [Referral(id: "R1", received: d("2025-03-03"), decided: d("2025-03-04")),
                                          Referral(id: "R2", received: d("2025-08-01"), noFurtherAction: true)],
                              allocations: [Allocation(teamID: "T1", workerID: "W1", start: d("2025-01-01"), end: d("2025-06-30")),
                                            Allocation(teamID: "T2", workerID: "W2", start: d("2025-07-01"))])
        let decisions = obligations(.referralDecision, journey)
        #expect(decisions.map(\.responsible) == [Responsibility(teamID: "T1", workerID: "W1"), Responsibility(teamID: "T2", workerID: "W2")])
    }
}
