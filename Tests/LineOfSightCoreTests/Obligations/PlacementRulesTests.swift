import LineOfSightCore
import Testing

/// Regulation 28 visits: every variant, the one-year boundary and chaining from actual visits.
@Suite struct PlacementRulesTests {
    func foster(start: String = "2025-01-06", visits: [String], intendedUntil18: Bool? = nil,
                sixMonthly: Bool? = nil, type: String = "U4", statuses: [LegalStatusChange] = [],
                reviews: [String] = [], approval: TemporaryApproval? = nil, end: String? = nil) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2012-05-05"),
                visits: visits.enumerated().map { Visit(id: "V\($0.offset + 1)", date: d($0.element), seen: true) },
                periodsOfCare: [PeriodOfCare(id: "P", start: d(start), legalStatuses: statuses, placements: [
                    Placement(id: "PL", start: d(start), end: end.map(d), type: type,
                              intendedUntil18: intendedUntil18, sixMonthlyVisitsAgreed: sixMonthly),
                ])],
                lacReviews: reviews.enumerated().map { DatedRecord(id: "LR\($0.offset + 1)", date: d($0.element)) },
                temporaryApprovals: approval.map { [$0] } ?? [])
    }

    @Test func firstWeekThenSixWeekly() {
        let links = chainLinks("cla.visit:PL", foster(visits: ["2025-01-13", "2025-02-25"]))
        #expect(links.map(\.ruleID) == [.reg28FirstWeek, .reg28FirstYear, .reg28FirstYear])
        #expect(links.map(\.due) == [d("2025-01-13"), d("2025-02-24"), d("2025-04-08")])
        #expect(links.map { $0.status(asOf: d("2025-03-01"), dueSoonDays: 7) } == [.metOnTime, .metLate, .upcoming])
    }

    @Test func oneYearBoundaryUsesThePreviousVisitByDefault() throws {
        // Anniversary 6 Jan 2026; a visit on 30 Dec 2025 is in the first year: next within 6 weeks.
        let journey = foster(visits: ["2025-01-10", "2025-02-20", "2025-04-01", "2025-05-12", "2025-06-20",
                                      "2025-07-31", "2025-09-10", "2025-10-20", "2025-11-28", "2025-12-30"],
                             intendedUntil18: true)
        let byDefault = chainLinks("cla.visit:PL", journey).last
        #expect(byDefault?.ruleID == .reg28FirstYear)
        #expect(byDefault?.due == d("2026-02-10"))
        // The alternative reading: the 6-week due date would fall after the anniversary, so 3 months.
        let standards = try LocalStandards.defaults.overriding(["visits.reg28.first_year_boundary": .choice("due_date")])
        let alternative = chainLinks("cla.visit:PL", journey, standards: standards).last
        #expect(alternative?.ruleID == .reg28LongTerm)
        #expect(alternative?.due == d("2026-03-30"))
    }

    @Test(arguments: [
        (true, nil, RuleID.reg28LongTerm, "2026-04-20"),
        (nil, nil, RuleID.reg28Other, "2026-03-03"),
        (true, true, RuleID.reg28LongTermFoster, "2026-07-20"),
    ] as [(Bool?, Bool?, RuleID, String)])
    func afterTheFirstYear(intendedUntil18: Bool?, sixMonthly: Bool?, rule: RuleID, due: String) {
        let journey = foster(start: "2025-01-06", visits: ["2025-01-10", "2026-01-20"],
                             intendedUntil18: intendedUntil18, sixMonthly: sixMonthly)
        let last = chainLinks("cla.visit:PL", journey).last
        #expect(last?.ruleID == rule)
        #expect(last?.due == d(due))
    }

    @Test func connectedPersonWeeklyUntilTheFirstReviewThenFourWeekly() {
        // Period from Mon 3 Mar 2025; first review due 31 Mar, held 28 Mar.
        let approval = TemporaryApproval(id: "TA", placementID: "PL", start: d("2025-03-03"))
        let links = chainLinks("cla.visit:PL", foster(start: "2025-03-03", visits: ["2025-03-05", "2025-03-12", "2025-03-31"],
                                                    type: "U1", reviews: ["2025-03-28"], approval: approval))
        #expect(links.map(\.ruleID) == [.reg28FirstWeek, .reg28WeeklyUntilReview, .reg28WeeklyUntilReview, .reg28Connected])
        #expect(links.map(\.due) == [d("2025-03-10"), d("2025-03-12"), d("2025-03-19"), d("2025-04-28")])
        #expect(links[2].metBy?.id == "V3")
        #expect(status(links[2], asOf: "2025-04-01") == .metLate)
    }

    @Test(arguments: [
        ("C1", RuleID.reg28WeeklyUntilReview, "2025-03-19", RuleID.reg28Connected, "2025-04-28"),
        ("C2", RuleID.reg28WithParents, "2025-04-23", RuleID.reg28WithParents, "2025-05-12"),
        ("V2", RuleID.reg28WeeklyUntilReview, "2025-03-19", RuleID.reg28WithParents, "2025-05-12"),
    ] as [(String, RuleID, String, RuleID, String)])
    func placedWithParents(status: String, ruleBefore: RuleID, dueBefore: String, ruleAfter: RuleID, dueAfter: String) {
        let journey = foster(start: "2025-03-03", visits: ["2025-03-05", "2025-03-12", "2025-03-31"], type: "P1",
                             statuses: [LegalStatusChange(date: d("2025-03-03"), code: status)], reviews: ["2025-03-28"])
        let links = chainLinks("cla.visit:PL", journey)
        #expect(links[2].ruleID == ruleBefore)
        #expect(links[2].due == d(dueBefore))
        #expect(links[3].ruleID == ruleAfter)
        #expect(links[3].due == d(dueAfter))
    }

    /// CPPCR 2010 reg 28(5): a care order made while the child lives with a parent needs a visit
    /// within one week of the making of the order, not of the placement's start.
    @Test func aCareOrderMadeWhilePlacedWithParentsNeedsAVisitWithinAWeek() {
        let statuses = [LegalStatusChange(date: d("2025-03-03"), code: "C1"), LegalStatusChange(date: d("2025-05-12"), code: "C2")]
        let visited = foster(start: "2025-03-03", visits: ["2025-03-05", "2025-05-16"], type: "P1", statuses: statuses)
        let order = obligations(.reg28CareOrderAtHome, visited)
        #expect(order.count == 1)
        #expect(order.first?.startedBy == EventRef(.legalStatus, "P:C2", d("2025-05-12")))
        #expect(order.first?.due == d("2025-05-19"))
        #expect(order.first?.metBy?.id == "V2")
        let unvisited = foster(start: "2025-03-03", visits: ["2025-03-05"], type: "P1", statuses: statuses)
        #expect(status(obligations(.reg28CareOrderAtHome, unvisited).first, asOf: "2025-05-20") == .overdue)
        // Not in foster care, nor when the order is already in force at the start of the placement.
        #expect(obligations(.reg28CareOrderAtHome, foster(start: "2025-03-03", visits: [], statuses: statuses)).isEmpty)
        let fromTheStart = foster(start: "2025-03-03", visits: [], type: "P1", statuses: [LegalStatusChange(date: d("2025-03-03"), code: "C2")])
        #expect(obligations(.reg28CareOrderAtHome, fromTheStart).isEmpty)
    }

    @Test func aPlacementEndingMakesTheNextVisitNotApplicable() {
        let links = chainLinks("cla.visit:PL", foster(visits: ["2025-01-13"], end: "2025-02-01"))
        #expect(links.last?.notApplicable == NotApplicable(reason: "placement ended", since: d("2025-02-01")))
    }
}
