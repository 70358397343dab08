import LineOfSightCore
import Testing

/// Pre-proceedings reviews: due at the council's interval (default 6 weeks) from the letter before
/// proceedings, then from each review held, until pre-proceedings end. Calendar weeks: a review due
/// on Good Friday (3 April 2026) stays due that day.
@Suite struct PreProceedingsReviewRulesTests {
    static func journey(_ events: [(String, any JourneyRecord)]) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2018-05-01"), events: events.map { RecordedEvent(id: $0.0, record: $0.1) }, allocations: [])
    }

    static let plo = PreProceedingsRecord(date: d("2026-01-05"), decision: .preProceedings, letterSent: d("2026-01-07"))

    @Test func withNoReviewHeldTheFirstIsOverdueSixWeeksAfterTheLetter() {
        let due = obligations(.ploReview, Self.journey([("PLO", Self.plo)]))
        #expect(due.map(\.due) == [d("2026-02-18")], "Wednesday 7 January + 6 weeks")
        #expect(due.first?.startedBy == EventRef(.preProceedings, "PLO", d("2026-01-07")))
        #expect(status(due.first, asOf: "2026-02-19") == .overdue)

        var goodFriday = Self.plo
        goodFriday.date = d("2026-02-18"); goodFriday.letterSent = d("2026-02-20")
        #expect(obligations(.ploReview, Self.journey([("PLO", goodFriday)])).map(\.due) == [d("2026-04-03")],
                "20 February + 42 days is Good Friday: calendar weeks do not move for a bank holiday")
    }

    @Test func eachReviewSetsTheNextAndTheEndOfPreProceedingsStopsThem() {
        let review = PLOReviewRecord(date: d("2026-02-16"), outcome: "Some progress; continue for six weeks")
        let chain = obligations(.ploReview, Self.journey([("PLO", Self.plo), ("R1", review)]))
        #expect(chain.map(\.due) == [d("2026-02-18"), d("2026-03-30")], "the next 6 weeks after the review as held")
        #expect(chain.first?.metBy == EventRef(.ploReview, "R1", d("2026-02-16")))
        #expect(status(chain.last, asOf: "2026-03-31") == .overdue)

        var ended = Self.plo
        ended.end = d("2026-03-10"); ended.outcome = .steppedDown
        let stopped = obligations(.ploReview, Self.journey([("PLO", ended), ("R1", review)]))
        #expect(stopped.last?.notApplicable == NotApplicable(reason: "pre-proceedings ended", since: d("2026-03-10")))

        let four = try! LocalStandards.defaults.overriding(["plo.review_interval_weeks": .integer(4)])
        #expect(obligations(.ploReview, Self.journey([("PLO", Self.plo)]), standards: four).map(\.due) == [d("2026-02-04")])
    }

    @Test func aReviewBelongsToPreProceedingsThatHadStartedAndNotEnded() {
        let context = { (events: [(String, any JourneyRecord)]) in
            RecordContext(today: d("2026-11-30"), dateOfBirth: d("2018-05-01"), journey: Self.journey(events))
        }
        #expect(PLOReviewRecord(date: d("2026-01-06")).validate(in: context([("PLO", Self.plo)])).map(\.field) == ["date"],
                "before the letter")
        #expect(PLOReviewRecord(date: d("2025-12-01")).validate(in: context([("PLO", Self.plo)])).map(\.field) == ["date"],
                "none started by then")
        #expect(PLOReviewRecord(preProceedingsID: "X", date: d("2026-02-01")).validate(in: context([("PLO", Self.plo)])).map(\.field)
                == ["preProceedingsID"])
        #expect(PLOReviewRecord(date: d("2026-02-01")).validate(in: context([("PLO", Self.plo)])).isEmpty)
        let summary = LegalSummary(journey: Self.journey([("PLO", Self.plo)]),
                                   derivation: derive(Self.journey([("PLO", Self.plo)]), standards: .defaults, calendar: england),
                                   events: [RecordedEvent(id: "PLO", record: Self.plo)])
        #expect(summary?.nextReview == d("2026-02-18"))
    }
}
