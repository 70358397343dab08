import LineOfSightCore
import Testing

@Suite struct ChildProtectionRulesTests {
    func journey(discussions: [StrategyDiscussion], conferences: [Conference] = [], enquiries: [S47Enquiry] = []) -> Journey {
        Journey(childID: "C", strategyDiscussions: discussions, s47Enquiries: enquiries, conferences: conferences)
    }

    @Test func icpcIs15WorkingDaysFromTheStrategyDiscussion() {
        let held = journey(discussions: [StrategyDiscussion(id: "SD", date: d("2026-01-05"), s47Initiated: true)],
                           conferences: [Conference(id: "I", kind: .initial, date: d("2026-01-26"))])
        let icpc = obligations(.icpc, held)
        #expect(icpc.first?.due == d("2026-01-26"))
        #expect(status(icpc.first, asOf: "2026-02-01") == .metOnTime)

        var late = held
        late.conferences[0].date = d("2026-01-27")
        #expect(status(obligations(.icpc, late).first, asOf: "2026-02-01") == .metLate)
    }

    @Test func theClockStartsAtTheLastStrategyDiscussionAndCrossesChristmas() {
        // 10 Dec + 15 working days: 11–12, 15–19, 22–24, 29–31 Dec, 2 and 5 Jan.
        let held = journey(discussions: [
            StrategyDiscussion(id: "SD1", date: d("2025-12-01"), s47Initiated: true),
            StrategyDiscussion(id: "SD2", date: d("2025-12-10"), s47Initiated: true),
            StrategyDiscussion(id: "SD3", date: d("2025-12-11"), s47Initiated: false),
        ], conferences: [Conference(id: "I", kind: .initial, date: d("2026-01-05"))])
        let icpc = obligations(.icpc, held)
        #expect(icpc.count == 1)
        #expect(icpc.first?.startedBy.id == "SD2")
        #expect(icpc.first?.due == d("2026-01-05"))
        #expect(status(icpc.first, asOf: "2026-01-05") == .metOnTime)
    }

    @Test func veDay2020() {
        // 30 Apr 2020 + 15: 1, 4–7, 11–15, 18–22 May (8 May was the moved bank holiday).
        let open = journey(discussions: [StrategyDiscussion(id: "SD", date: d("2020-04-30"), s47Initiated: true)])
        #expect(obligations(.icpc, open).first?.due == d("2020-05-22"))
    }

    @Test func anICPCBeforeItsStrategyDiscussionIsAFinding() {
        let muddled = journey(discussions: [StrategyDiscussion(id: "SD", date: d("2026-01-10"), s47Initiated: true)],
                              conferences: [Conference(id: "I", kind: .initial, date: d("2026-01-05"))])
        let result = derive(muddled, standards: .defaults, calendar: england)
        #expect(result.findings.map(\.field) == ["$.conferences[0].date"])
        #expect(result.findings.first?.ruleID == .icpc)
        #expect(result.findings.first?.childID == "C")
        // The discussion (a Saturday) still starts a clock: 12–16, 19–23, 26–30 Jan.
        let icpc = result.obligations.filter { $0.ruleID == .icpc }
        #expect(icpc.map(\.due) == [d("2026-01-30")])
        #expect(icpc.first?.metBy == nil)
    }

    @Test func noConferenceNeededMakesTheICPCNotApplicable() {
        let concluded = journey(discussions: [StrategyDiscussion(id: "SD", date: d("2026-01-05"), s47Initiated: true)],
                                enquiries: [S47Enquiry(id: "E", strategyDiscussionID: "SD", start: d("2026-01-05"),
                                                       end: d("2026-01-16"), conferenceRequired: false)])
        let icpc = obligations(.icpc, concluded).first
        #expect(icpc?.notApplicable?.since == d("2026-01-16"))
        #expect(status(icpc, asOf: "2026-01-15") == .upcoming)
        #expect(status(icpc, asOf: "2026-01-16") == .notApplicable)
    }

    func plan(start: String, end: String? = nil, reviews: [String] = [], coreGroups: [String] = [],
              visits: [Visit] = []) -> Journey {
        Journey(childID: "C",
                conferences: [Conference(id: "I", kind: .initial, date: d(start))]
                    + reviews.enumerated().map { Conference(id: "RC\($0.offset + 1)", kind: .review, date: d($0.element)) },
                cpPlans: [CPPlan(id: "CP", start: d(start), end: end.map(d), category: .neglect)],
                coreGroups: coreGroups.enumerated().map { DatedRecord(id: "CG\($0.offset + 1)", date: d($0.element)) },
                visits: visits)
    }

    @Test func reviewConferencesChainFromActualDatesWithMonthEndClipping() {
        // 30 Nov + 3 months = 28 Feb; then 6 months from the actual (late) 29 Aug = 28 Feb 2026.
        let reviews = chainLinks("cp.review:CP", plan(start: "2024-11-30", reviews: ["2025-02-28", "2025-08-29"]))
        #expect(reviews.map(\.ruleID) == [.cpFirstReview, .cpReview, .cpReview])
        #expect(reviews.map(\.due) == [d("2025-02-28"), d("2025-08-28"), d("2026-02-28")])
        #expect(reviews.map { $0.status(asOf: d("2025-12-01"), dueSoonDays: 7) } == [.metOnTime, .metLate, .upcoming])
        #expect(reviews[2].startedBy == EventRef(.conference, "RC2", d("2025-08-29")))
    }

    @Test func firstReviewOverALeapDay() {
        #expect(chainLinks("cp.review:CP", plan(start: "2023-11-30")).first?.due == d("2024-02-29"))
    }

    @Test func coreGroupsAndTheEndOfThePlan() {
        // ICPC Fri 12 Dec 2025 + 10 working days: 15–19, 22–24, 29–30 Dec.
        let links = chainLinks("cp.core_group:CP", plan(start: "2025-12-12", end: "2026-02-20", coreGroups: ["2025-12-30"]))
        #expect(links.map(\.ruleID) == [.cpFirstCoreGroup, .cpCoreGroup])
        #expect(links.map(\.due) == [d("2025-12-30"), d("2026-01-27")])
        #expect(status(links[1], asOf: "2026-02-19") == .overdue)
        #expect(status(links[1], asOf: "2026-02-20") == .notApplicable)
        #expect(links[1].notApplicable?.reason == "CP plan ended")
    }

    @Test func cpVisitsChainFromEachVisitOnTheLocalCalendar() {
        let visits = [Visit(id: "V1", date: d("2025-12-30"), seen: true), Visit(id: "V2", date: d("2026-01-08"), seen: false),
                      Visit(id: "V3", date: d("2026-01-15"), seen: true, seenAlone: true)]
        let journey = plan(start: "2025-12-12", visits: visits)
        let links = chainLinks("cp.visit:CP", journey)
        // 30 Dec + 10: 31 Dec, 2 Jan, 5–9, 12–14 Jan. V2 (not seen) does not count; V3 is a day late.
        #expect(links.map(\.due) == [d("2025-12-30"), d("2026-01-14"), d("2026-01-29")])
        #expect(links.map(\.metBy?.id) == ["V1", "V3", nil])

        // A closure day on 24 Dec moves the local standard, not the statutory core group.
        let closed = england.withLocalClosures([d("2025-12-24")])
        #expect(chainLinks("cp.visit:CP", journey, calendar: closed).first?.due == d("2025-12-31"))
        #expect(chainLinks("cp.core_group:CP", journey, calendar: closed).first?.due == d("2025-12-30"))
    }

    @Test func aCouncilCanKeepTheVisitRhythmAfterALateVisit() throws {
        let visits = [Visit(id: "V1", date: d("2025-12-30"), seen: true), Visit(id: "V3", date: d("2026-01-15"), seen: true)]
        let journey = plan(start: "2025-12-12", visits: visits)
        // V3 is a day late for 14 Jan. By default the next visit is due 10 working days after the
        // late visit (29 Jan); counting from the missed due date keeps the rhythm: 15, 16, 19–23,
        // 26, 27, 28 Jan → 28 Jan.
        #expect(chainLinks("cp.visit:CP", journey).last?.due == d("2026-01-29"))
        let rhythm = try LocalStandards.defaults.overriding(["visits.late_visit_restarts_from": .choice("due_date")])
        let links = chainLinks("cp.visit:CP", journey, standards: rhythm)
        #expect(links.map(\.due) == [d("2025-12-30"), d("2026-01-14"), d("2026-01-28")])
        #expect(links[1].metBy?.id == "V3", "the late visit still meets its link")
        #expect(links[2].startedBy.id == "V3")
        #expect(throws: StandardsError.self) { try LocalStandards.defaults.overriding(["visits.late_visit_restarts_from": .choice("whenever")]) }
    }

    @Test func visitStandardsAreConfigurable() throws {
        let visits = [Visit(id: "V1", date: d("2025-12-30"), seen: false), Visit(id: "V2", date: d("2026-01-02"), seen: true)]
        let journey = plan(start: "2025-12-12", visits: visits)
        let lenient = try LocalStandards.defaults.overriding(["visits.require_child_seen": .boolean(false)])
        #expect(chainLinks("cp.visit:CP", journey, standards: lenient).first?.metBy?.id == "V1")
        let strict = try LocalStandards.defaults.overriding(["visits.cp.require_seen_alone": .boolean(true)])
        #expect(chainLinks("cp.visit:CP", journey, standards: strict).first?.metBy == nil)
        let weekly = try LocalStandards.defaults.overriding(["visits.cp.interval_working_days": .integer(5)])
        #expect(chainLinks("cp.visit:CP", journey, standards: weekly).first?.due == d("2025-12-19"))
    }

    @Test func cinVisitsOverTheAugustBankHoliday() {
        // 4 Aug 2025 + 20 working days: 5–8, 11–15, 18–22, 26–29 Aug (25th a holiday), 1–2 Sep.
        let journey = Journey(childID: "C", cinPlans: [CINPlan(id: "CIN", start: d("2025-08-04"))])
        #expect(chainLinks("cin.visit:CIN", journey).first?.due == d("2025-09-02"))
    }
}
