import LineOfSightCore
import Testing

/// Periods of care, placements and legal statuses as people record them — a period with its first
/// placement and legal status, then moves and changes nested in it — projected into the journey
/// the core derives looked-after obligations from; and what the records refuse.
@Suite struct LookedAfterProjectionTests {
    static let period = PeriodOfCareRecord(start: d("2025-09-01"), legalStatus: "C1", categoryOfNeed: "N1", placementType: "U6",
                                           provider: "PR1", homePostcode: "WA10")
    static let move = PlacementRecord(start: d("2026-01-12"), reasonForChange: "CREQB", placementType: "K2", provider: "PR4",
                                      urn: "SC123456", postcode: "L8")
    static let order = LegalStatusRecord(date: d("2026-02-20"), legalStatus: "C2")

    static func journey(_ events: [(String, any JourneyRecord)]) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2012-05-01"), events: events.map { RecordedEvent(id: $0.0, record: $0.1) }, allocations: [])
    }

    @Test func nestedRecordsJoinTheirPeriodWhateverOrderTheyCome() throws {
        // The move and the order come first, as two events on one day might.
        let journey = Self.journey([("LS", Self.order), ("PL", Self.move), ("P", Self.period)])
        let period = try #require(journey.periodsOfCare.first)
        #expect(period.placements.map(\.id) == ["P", "PL"], "the first placement is the period's own")
        #expect(period.placements.map(\.end) == [d("2026-01-12"), nil], "a move ends the placement before it")
        #expect(period.legalStatuses == [LegalStatusChange(date: d("2025-09-01"), code: "C1"), LegalStatusChange(date: d("2026-02-20"), code: "C2")])
    }

    @Test func leavingCareEndsTheLastPlacement() throws {
        var ended = Self.period
        ended.end = d("2026-03-10")
        ended.endReason = "E4A"
        let journey = Self.journey([("P", ended), ("PL", Self.move)])
        #expect(journey.periodsOfCare[0].placements.map(\.end) == [d("2026-01-12"), d("2026-03-10")])
    }

    @Test func aNestedRecordNamesItsPeriodOrFallsInTheOneOpenOnItsDate() throws {
        var earlier = Self.period
        earlier.start = d("2024-01-08")
        earlier.end = d("2024-06-30")
        earlier.endReason = "E4A"
        var named = Self.move
        named.periodOfCareID = "OLD"
        named.start = d("2024-03-01")
        let journey = Self.journey([("OLD", earlier), ("P", Self.period), ("PL", Self.move), ("PL2", named)])
        #expect(journey.periodsOfCare.first { $0.id == "OLD" }?.placements.map(\.id) == ["OLD", "PL2"])
        #expect(journey.periodsOfCare.first { $0.id == "P" }?.placements.map(\.id) == ["P", "PL"])
    }

    @Test func becomingLookedAfterStartsTheReviewsHealthEducationAndVisitsAndAMoveStartsItsOwnFirstWeekVisit() throws {
        let before = derive(Self.journey([("P", Self.period)]), standards: .defaults, calendar: england).obligations
        let due = Dictionary(before.map { ($0.ruleID, $0.due) }) { first, _ in first }
        #expect(due[.claFirstReview] == d("2025-09-29"), "20 working days")
        #expect(due[.initialHealthAssessment] == d("2025-09-29"))
        #expect(due[.pepInitial] == d("2025-09-29"))
        #expect(due[.reg28FirstWeek] == d("2025-09-08"))
        #expect(due[.carePlan] == d("2025-09-15"), "10 working days from the first placement")

        let after = derive(Self.journey([("P", Self.period), ("PL", Self.move)]), standards: .defaults, calendar: england).obligations
        let firstWeek = after.filter { $0.ruleID == .reg28FirstWeek }
        #expect(firstWeek.map(\.due) == [d("2025-09-08"), d("2026-01-19")])
        #expect(firstWeek.last?.startedBy == EventRef(.placement, "PL", d("2026-01-12")))
    }

    // MARK: - What the records refuse

    static func context(_ events: [(String, any JourneyRecord)]) -> RecordContext {
        RecordContext(today: d("2026-03-31"), dateOfBirth: d("2012-05-01"), journey: journey(events))
    }

    @Test func aMoveOutsideAnyPeriodOfCareIsRefused() {
        #expect(Self.move.validate(in: Self.context([])).map(\.field) == ["start"], "next to the date")
        var ended = Self.period
        ended.end = d("2025-12-31")
        ended.endReason = "E4A"
        let problems = Self.move.validate(in: Self.context([("P", ended)]))
        #expect(problems.map(\.message) == ["The child was not looked after on 12 January 2026"])
        var named = Self.move
        named.periodOfCareID = "P"
        #expect(named.validate(in: Self.context([("P", ended)])).map(\.message)
                == ["The date of the move must be within the period of care, from 1 September 2025 to 31 December 2025"])
        named.periodOfCareID = "another child's"
        #expect(named.validate(in: Self.context([("P", Self.period)])).map(\.field) == ["periodOfCareID"])
    }

    @Test func codesMustComeFromTheLists() {
        var period = Self.period
        period.legalStatus = "C9"
        period.categoryOfNeed = "N9"
        period.placementType = "H5"
        period.provider = "PR9"
        period.urn = "SC12"
        period.postcode = "WA10 1AA"
        #expect(Set(period.validate(in: Self.context([])).map(\.field))
                == ["legalStatus", "categoryOfNeed", "placementType", "provider", "urn", "postcode"])
        period.start = d("2024-09-01")
        #expect(!period.validate(in: Self.context([])).map(\.field).contains("placementType"), "H5 was valid before April 2025")
        var order = Self.order
        order.legalStatus = "X1"
        #expect(order.validate(in: Self.context([("P", Self.period)])).map(\.field) == ["legalStatus"])
    }

    @Test func aPeriodEndingBeforeItStartsOrOverlappingAnotherIsRefused() {
        var backwards = Self.period
        backwards.end = d("2025-08-01")
        backwards.endReason = "E4A"
        #expect(backwards.validate(in: Self.context([])).map(\.field) == ["end"])
        var noReason = Self.period
        noReason.end = d("2025-10-01")
        #expect(noReason.validate(in: Self.context([])).map(\.field) == ["endReason"])

        var later = Self.period
        later.start = d("2026-02-01")
        let problems = later.validate(in: Self.context([("P", Self.period)]))
        #expect(problems.map(\.message) == ["The child was looked after from 1 September 2025, and still is: periods of care cannot overlap"])
    }

    @Test func aChangeToTheStatusAlreadyInForceOrASecondMoveOnOneDayIsRefused() {
        var same = Self.order
        same.legalStatus = "C1"
        #expect(same.validate(in: Self.context([("P", Self.period)])).map(\.message) == ["The child is already looked after under “Interim care order” on this date"])
        var twice = Self.move
        twice.carers = "Another home"
        #expect(twice.validate(in: Self.context([("P", Self.period), ("PL", Self.move)])).map(\.field) == ["start"])
    }

    @Test func reviewsAndEducationPlansAreOnlyForALookedAfterChild() {
        let review = LACReviewRecord(date: d("2025-08-01"), participation: "PN1")
        #expect(review.validate(in: Self.context([("P", Self.period)])).map(\.field) == ["date"])
        let underFour = LACReviewRecord(date: d("2025-10-01"), participation: "PN0")
        #expect(underFour.validate(in: Self.context([("P", Self.period)])).map(\.field) == ["participation"], "the child is 13")
        let score = HealthAssessmentRecord(kind: .initial, date: d("2025-09-20"), sdqScore: 41)
        #expect(score.validate(in: Self.context([("P", Self.period)])).map(\.field) == ["sdqScore"])
    }
}

/// Care leavers: the stage follows eligibility, and what the care leaver records refuse.
@Suite struct CareLeaverRecordTests {
    @Test func aYoungPersonWhoWasEligibleIsACareLeaverOnceTheyLeaveCare() {
        var period = LookedAfterProjectionTests.period
        period.start = d("2025-09-01")
        period.end = d("2026-03-01")
        period.endReason = "E5"
        // Born 2009-10-01: 16 on 2025-10-01, looked after 13 weeks since 14 by then.
        let journey = Journey(childID: "C", dateOfBirth: d("2009-10-01"), events: [RecordedEvent(id: "P", record: period)], allocations: [])
        let state = ChildState(journey: journey, derivation: derive(journey, standards: .defaults, calendar: england))
        #expect(state.stage == .careLeaver)
    }

    @Test func codesAndDatesTheReturnWouldRefuseAreRefused() {
        let context = RecordContext(today: d("2026-03-31"), dateOfBirth: d("2007-05-01"), journey: Journey(childID: "C"))
        let homeless = CareLeaverContactRecord(date: d("2026-03-02"), inTouch: "YES", accommodation: "S", accommodationSuitable: true, activity: "G9")
        #expect(homeless.validate(in: context).map(\.field) == ["accommodationSuitable", "activity"])
        #expect(CareLeaverContactRecord(date: d("2026-03-02"), inTouch: "MAYBE").validate(in: context).map(\.field) == ["inTouch"])
        #expect(StayingPutRecord(start: d("2025-04-01")).validate(in: context).map(\.field) == ["start"], "before 18")
        #expect(IROEscalationRecord(raised: d("2026-03-02"), stage: "9").validate(in: context).map(\.field) == ["stage"])
    }
}
