import LineOfSightCore
import PropertyBased
import Testing

/// Each status's predicate (the form SQL filters with) against `StatusBounds.status` (the form
/// in memory): for any obligation and as-of date exactly one predicate holds, and it names the
/// obligation's status; the open predicate holds exactly when that status is open.
@Suite struct StatusPredicateTests {
    static let asOf = d("2026-06-01")
    static let derived: [Obligation] = SyntheticJourneys.generate(count: 300, seed: 5, today: asOf)
        .flatMap { derive($0, standards: .defaults, calendar: england).obligations }

    func expectOnePredicateHolds(due: CivilDate, met: CivilDate?, notApplicableSince: CivilDate?, bounds: StatusBounds) {
        let holding = ObligationStatus.allCases.filter {
            bounds.predicate(for: $0).evaluate(due: due, met: met, notApplicableSince: notApplicableSince)
        }
        let status = bounds.status(due: due, met: met, notApplicableSince: notApplicableSince)
        let described = "due \(due) met \(met?.iso ?? "null") n/a \(notApplicableSince?.iso ?? "null") as of \(bounds.asOf)"
        #expect(holding == [status], "\(described)")
        #expect(bounds.openPredicate.evaluate(due: due, met: met, notApplicableSince: notApplicableSince) == status.isOpen, "\(described)")
    }

    @Test func derivedObligationsAroundTheirOwnDates() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(Self.derived.count - 1)), Gen.int(in: 0...2),
                            Gen.int(in: -10...10), Gen.int(in: 0...14)) { index, anchor, offset, window in
            let obligation = Self.derived[index]
            // As-of dates near the due date, the met date or the end, where the boundaries are.
            let near = [obligation.due, obligation.metBy?.date ?? obligation.due, obligation.notApplicable?.since ?? obligation.due][anchor]
            expectOnePredicateHolds(due: obligation.due, met: obligation.metBy?.date, notApplicableSince: obligation.notApplicable?.since,
                                    bounds: StatusBounds(asOf: near.adding(days: offset), dueSoonDays: window))
        }
    }

    @Test func randomDatesAroundTheAsOfDate() async {
        let offsets = Gen.int(in: -20...20)
        await propertyCheck(count: 2000, input: offsets, offsets.optional(valueRate: 0.6), offsets.optional(valueRate: 0.3),
                            Gen.int(in: 0...14)) { due, met, since, window in
            expectOnePredicateHolds(due: Self.asOf.adding(days: due), met: met.map(Self.asOf.adding(days:)),
                                    notApplicableSince: since.map(Self.asOf.adding(days:)),
                                    bounds: StatusBounds(asOf: Self.asOf, dueSoonDays: window))
        }
    }

    @Test func comparisonsWithANullColumnAreUnknownAsInSQL() {
        let metBy = StatusPredicate.compare(.met, .lessThanOrEqual, Self.asOf)
        #expect(!metBy.evaluate(due: Self.asOf, met: nil, notApplicableSince: nil))
        // NOT unknown is unknown: an unguarded negation would lose unmet rows in SQL.
        #expect(!StatusPredicate.not(metBy).evaluate(due: Self.asOf, met: nil, notApplicableSince: nil))
        #expect(StatusPredicate.or([.isNull(.met), .not(metBy)]).evaluate(due: Self.asOf, met: nil, notApplicableSince: nil))
        #expect(!StatusPredicate.compareColumns(.met, .lessThanOrEqual, .due).evaluate(due: Self.asOf, met: nil, notApplicableSince: nil))
    }

    @Test func theDueSoonPredicateNamesItsBounds() {
        let bounds = StatusBounds(asOf: Self.asOf, dueSoonDays: 7)
        let expected = StatusPredicate.and([
            .or([.isNull(.notApplicableSince), .compare(.notApplicableSince, .greaterThan, Self.asOf)]),
            .or([.isNull(.met), .compare(.met, .greaterThan, Self.asOf)]),
            .compare(.due, .greaterThanOrEqual, Self.asOf), .compare(.due, .lessThanOrEqual, d("2026-06-08")),
        ])
        #expect(bounds.predicate(for: .dueSoon) == expected)
    }
}
