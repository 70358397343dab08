import LineOfSightCore
import PropertyBased
import Testing

/// The breach predicate (the form SQL counts and lists a month's breaches with) against
/// `breached(from:to:)` (the form in memory): for any transfer's dates, including absent ones, and
/// any month, the two agree.
@Suite struct TransferBreachPredicateTests {
    static let month = (first: d("2026-03-01"), last: d("2026-03-31"))

    /// A transfer whose every date is absent or within a few weeks of the month, so that each falls
    /// before, in and after it; the dates need not be in the order a record keeps them.
    static func transfer(seed: Int) -> TransferProgress {
        var rng = SeededGenerator(seed: UInt64(seed))
        func day(present: Double = 0.6) -> CivilDate? {
            rng.chance(present) ? month.first.adding(days: rng.int(-20...50)) : nil
        }
        return TransferProgress(id: "T", fromTeam: "A", toTeam: "B", requested: month.first.adding(days: -30),
                                acceptanceDue: month.first.adding(days: rng.int(-20...50)), accepted: day(), rejected: day(present: 0.3),
                                firstVisitDue: day(), firstVisit: day())
    }

    func expectAgreement(_ transfer: TransferProgress, first: CivilDate, last: CivilDate) {
        let predicate = TransferProgress.breachPredicate(from: first, to: last)
        #expect(predicate.evaluate(transfer.date) == transfer.breached(from: first, to: last),
                "\(TransferProgress.DateColumn.allCases.map { "\($0): \(transfer.date($0)?.iso ?? "null")" }) from \(first) to \(last)")
    }

    @Test func randomDatesAroundTheMonth() async {
        await propertyCheck(count: 4000, input: Gen.int(in: 0...1_000_000)) { seed in
            expectAgreement(Self.transfer(seed: seed), first: Self.month.first, last: Self.month.last)
        }
    }

    @Test func datesOnTheMonthsBoundaries() {
        // Each date absent, or the day before, the first, the last or the day after the month.
        let days: [CivilDate?] = [nil, Self.month.first.adding(days: -1), Self.month.first, Self.month.last, Self.month.last.adding(days: 1)]
        let dues = days.compactMap { $0 }
        for due in dues {
            for accepted in days {
                for rejected in days {
                    for visitDue in days {
                        for visit in days {
                            let transfer = TransferProgress(id: "T", fromTeam: "A", toTeam: "B", requested: d("2026-01-05"), acceptanceDue: due,
                                                            accepted: accepted, rejected: rejected, firstVisitDue: visitDue, firstVisit: visit)
                            expectAgreement(transfer, first: Self.month.first, last: Self.month.last)
                        }
                    }
                }
            }
        }
    }
}
