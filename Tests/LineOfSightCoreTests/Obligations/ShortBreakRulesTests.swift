import LineOfSightCore
import Testing

/// CPPCR 2010 reg 48: a child looked after only in a series of short breaks (legal status V3 or
/// V4) has one care plan for the series, reviews within 3 months of the first break then
/// 6-monthly, visits on days of a break at intervals agreed locally, and none of the obligations
/// of ordinary care that the regulation disapplies.
@Suite struct ShortBreakRulesTests {
    /// Monthly weekend breaks from Fri 10 Jan 2025, each its own period (V3).
    func breaks(code: String = "V3", born: String = "2012-05-01", reviews: [String] = [], visits: [String] = [],
                carePlans: [String] = []) -> Journey {
        let starts = ["2025-01-10", "2025-02-14", "2025-03-14", "2025-04-11", "2025-05-09"]
        return Journey(
            childID: "C", dateOfBirth: d(born),
            visits: visits.enumerated().map { Visit(id: "V\($0.offset + 1)", date: d($0.element), seen: true) },
            periodsOfCare: starts.enumerated().map { number, start in
                PeriodOfCare(id: "B\(number + 1)", start: d(start), end: d(start).adding(days: 2),
                             legalStatuses: [LegalStatusChange(date: d(start), code: code)],
                             placements: [Placement(id: "PL\(number + 1)", start: d(start), end: d(start).adding(days: 2), type: "U4")])
            },
            lacReviews: reviews.enumerated().map { DatedRecord(id: "LR\($0.offset + 1)", date: d($0.element)) },
            carePlans: carePlans.enumerated().map { DatedRecord(id: "CPN\($0.offset + 1)", date: d($0.element)) })
    }

    @Test func noObligationsOfOrdinaryCareThatRegulation48Disapplies() {
        let rules = Set(derive(breaks(), standards: .defaults, calendar: england).obligations.map(\.ruleID))
        #expect(rules == [.carePlan, .shortBreakFirstReview, .shortBreakFirstVisit])
    }

    @Test func oneCarePlanForTheSeries() {
        // Fri 10 Jan 2025 + 10 working days: 13–17, 20–24 Jan.
        let plans = obligations(.carePlan, breaks(carePlans: ["2025-01-09"]))
        #expect(plans.map(\.id) == ["cla.care_plan:B1"])
        #expect(plans.first?.due == d("2025-01-24"))
        #expect(status(plans.first, asOf: "2025-06-01") == .metOnTime)
    }

    @Test func reviewsWithinThreeMonthsOfTheFirstBreakThenSixMonthly() {
        let reviews = chainLinks("cla.review:B1", breaks(reviews: ["2025-04-08"]))
        #expect(reviews.map(\.ruleID) == [.shortBreakFirstReview, .shortBreakReview])
        #expect(reviews.map(\.due) == [d("2025-04-10"), d("2025-10-08")])
        #expect(status(reviews.first, asOf: "2025-06-01") == .metOnTime)
        // The series has ended with its last recorded break: the pending review no longer applies.
        #expect(reviews.last?.notApplicable == NotApplicable(reason: "short breaks ended", since: d("2025-05-11")))
    }

    @Test func visitsCountOnlyOnDaysOfABreak() {
        // 20 Feb is between breaks; 15 Mar is during the third.
        let visits = chainLinks("cla.visit.short_breaks:B1", breaks(visits: ["2025-02-20", "2025-03-15"]))
        #expect(visits.map(\.ruleID) == [.shortBreakFirstVisit, .shortBreakVisit])
        #expect(visits.first?.metBy?.id == "V2")
        #expect(visits.map(\.due) == [d("2025-04-10"), d("2025-09-15")])
    }

    @Test func theVisitingIntervalIsALocalStandard() throws {
        let standards = try LocalStandards.defaults.overriding(["visits.short_breaks.first_visit_months": .integer(1)])
        #expect(chainLinks("cla.visit.short_breaks:B1", breaks(), standards: standards).first?.due == d("2025-02-10"))
        #expect(LocalStandards.definition("visits.short_breaks.interval_months")?.confidence == .local)
    }

    @Test func anAgreementRecordedAsOnePeriodIsOneSeriesToo() {
        let journey = Journey(childID: "C", dateOfBirth: d("2012-05-01"), periodsOfCare: [
            PeriodOfCare(id: "AG", start: d("2025-01-10"), legalStatuses: [LegalStatusChange(date: d("2025-01-10"), code: "V4")]),
        ])
        let rules = derive(journey, standards: .defaults, calendar: england).obligations.map(\.ruleID)
        #expect(rules.sorted() == [.carePlan, .shortBreakFirstReview, .shortBreakFirstVisit].sorted())
    }

    /// CPPCR 2010 reg 40(2): short breaks alone do not make a child eligible as a care leaver.
    @Test func shortBreaksDoNotCountTowardsCareLeaverEligibility() {
        func agreement(_ code: String) -> Journey {
            Journey(childID: "C", dateOfBirth: d("2008-01-15"), periodsOfCare: [
                PeriodOfCare(id: "AG", start: d("2024-03-01"), legalStatuses: [LegalStatusChange(date: d("2024-03-01"), code: code)]),
            ])
        }
        #expect(obligations(.needsAssessment, agreement("V4")).isEmpty)
        #expect(obligations(.needsAssessment, agreement("V2")).first?.startedBy.date == d("2024-05-31"))
    }

    @Test func ordinaryCareAfterTheSeriesFollowsTheOrdinaryRules() {
        var journey = breaks()
        journey.periodsOfCare.append(PeriodOfCare(id: "P", start: d("2025-07-01"),
                                                  legalStatuses: [LegalStatusChange(date: d("2025-07-01"), code: "V2")]))
        let rules = Set(derive(journey, standards: .defaults, calendar: england).obligations.map(\.ruleID))
        #expect(rules.isSuperset(of: [.claFirstReview, .initialHealthAssessment, .shortBreakFirstReview]))
        #expect(obligations(.carePlan, journey).map(\.id) == ["cla.care_plan:B1", "cla.care_plan:P"])
    }
}
