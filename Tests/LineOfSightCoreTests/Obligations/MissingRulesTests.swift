import LineOfSightCore
import Testing

/// A return home interview is offered within 72 hours of a child coming back from being missing
/// or away; every offer is kept, and the first after the return meets the timescale.
@Suite struct MissingRulesTests {
    static let episode = MissingEpisodeRecord(kind: .missing, start: d("2026-03-06"), reportedToPolice: true, end: d("2026-03-07"))

    static func journey(_ events: [(String, any JourneyRecord)]) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2011-02-01"), events: events.map { RecordedEvent(id: $0.0, record: $0.1) }, allocations: [])
    }

    @Test func theInterviewIsDueThreeDaysAfterTheReturnAndTheFirstOfferMeetsIt() {
        let declined = ReturnInterviewRecord(offered: d("2026-03-11"), offeredBy: "Return interview service", response: .declined)
        let accepted = ReturnInterviewRecord(offered: d("2026-03-13"), response: .accepted, held: d("2026-03-16"))
        let journey = Self.journey([("R2", accepted), ("M", Self.episode), ("R1", declined)])
        #expect(journey.missingEpisodes.first?.interviewOffers.map(\.id) == ["R2", "R1"], "nested after the episode, whatever the order")
        let interview = obligations(.returnInterview, journey)
        #expect(interview.map(\.due) == [d("2026-03-10")])
        #expect(interview.first?.metBy == EventRef(.returnInterview, "R1", d("2026-03-11")), "a declined offer is still an offer")
        #expect(status(interview.first, asOf: "2026-03-31") == .metLate)
    }

    @Test func nothingIsDueWhileTheChildIsStillMissing() {
        var open = Self.episode
        open.end = nil
        #expect(obligations(.returnInterview, Self.journey([("M", open)])).isEmpty)
        let slower = try? LocalStandards.defaults.overriding(["missing.return_interview_days": .integer(5)])
        #expect(obligations(.returnInterview, Self.journey([("M", Self.episode)]), standards: slower ?? .defaults).first?.due == d("2026-03-12"))
    }

    static func context(_ events: [(String, any JourneyRecord)]) -> RecordContext {
        RecordContext(today: d("2026-03-31"), dateOfBirth: d("2011-02-01"), journey: journey(events))
    }

    @Test func anOfferBeforeTheReturnOrWhileMissingOrAHeldInterviewNotAcceptedIsRefused() {
        let early = ReturnInterviewRecord(offered: d("2026-03-06"))
        #expect(early.validate(in: Self.context([("M", Self.episode)])).map(\.field) == ["offered"])
        var open = Self.episode
        open.end = nil
        #expect(ReturnInterviewRecord(offered: d("2026-03-08")).validate(in: Self.context([("M", open)])).map(\.message)
                == ["The child is still recorded as missing: record the date they came back first"])
        let none = ReturnInterviewRecord(offered: d("2026-03-08"))
        #expect(none.validate(in: Self.context([])).map(\.field) == ["offered"])
        let heldDeclined = ReturnInterviewRecord(offered: d("2026-03-08"), response: .declined, held: d("2026-03-09"))
        #expect(heldDeclined.validate(in: Self.context([("M", Self.episode)])).map(\.field) == ["response"])
        #expect(MissingEpisodeRecord(kind: .away, start: d("2026-03-20")).validate(in: Self.context([("M", open)])).map(\.field) == ["start"],
                "a second time missing cannot start while the first is open")
    }
}
