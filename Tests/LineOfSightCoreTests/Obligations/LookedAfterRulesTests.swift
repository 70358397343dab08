import LineOfSightCore
import Testing

@Suite struct LookedAfterRulesTests {
    func care(start: String = "2025-12-19", end: String? = nil, born: String? = "2015-03-10",
              placements: [Placement]? = nil, reviews: [String] = [], carePlans: [String] = [],
              health: [HealthAssessment] = [], peps: [String] = [], permanence: [String] = []) -> Journey {
        Journey(childID: "C", dateOfBirth: born.map(d),
                periodsOfCare: [PeriodOfCare(id: "P", start: d(start), end: end.map(d),
                                             placements: placements ?? [Placement(id: "PL", start: d(start), type: "U4")])],
                lacReviews: reviews.enumerated().map { DatedRecord(id: "LR\($0.offset + 1)", date: d($0.element)) },
                carePlans: carePlans.enumerated().map { DatedRecord(id: "CPN\($0.offset + 1)", date: d($0.element)) },
                healthAssessments: health, peps: peps.enumerated().map { DatedRecord(id: "PEP\($0.offset + 1)", date: d($0.element)) },
                permanencePlans: permanence.enumerated().map { PermanencePlan(id: "PP\($0.offset + 1)", date: d($0.element)) })
    }

    @Test func reviewsAre20WorkingDaysThen3MonthsThen6Months() {
        // 19 Dec + 20 working days: 22–24, 29–31 Dec, 2, 5–9, 12–16, 19–21 Jan.
        let reviews = chainLinks("cla.review:P", care(reviews: ["2026-01-21", "2026-04-22"]))
        #expect(reviews.map(\.ruleID) == [.claFirstReview, .claSecondReview, .claReview])
        #expect(reviews.map(\.due) == [d("2026-01-21"), d("2026-04-21"), d("2026-10-22")])
        #expect(reviews.map { $0.status(asOf: d("2026-05-01"), dueSoonDays: 7) } == [.metOnTime, .metLate, .upcoming])
    }

    @Test func firstReviewOverEaster() {
        // 1 Apr 2025 + 20: 2–4, 7–11, 14–17, 22–25, 28–30 Apr, 1 May (Good Friday and Easter Monday skipped).
        #expect(chainLinks("cla.review:P", care(start: "2025-04-01")).first?.due == d("2025-05-01"))
    }

    @Test func leavingCareMakesTheNextReviewNotApplicable() {
        let review = chainLinks("cla.review:P", care(end: "2026-01-09")).first
        #expect(review?.notApplicable == NotApplicable(reason: "child left care", since: d("2026-01-09")))
        #expect(status(review, asOf: "2026-01-08") == .upcoming)
        #expect(status(review, asOf: "2026-01-09") == .notApplicable)
    }

    @Test func aPeriodEndingBeforeItStartsIsAFindingAndStillDerives() {
        let result = derive(care(end: "2025-12-01"), standards: .defaults, calendar: england)
        #expect(result.findings.contains { $0.field == "$.periodsOfCare[0].end" && $0.ruleID == .claFirstReview })
        #expect(result.obligations.contains { $0.ruleID == .claFirstReview && $0.notApplicable == nil })
    }

    @Test func aPlacementOutsideItsPeriodIsAFinding() {
        let journey = care(end: "2026-03-01", placements: [Placement(id: "PL", start: d("2026-04-01"), type: "U4")])
        let result = derive(journey, standards: .defaults, calendar: england)
        #expect(result.findings.contains { $0.field == "$.periodsOfCare[0].placements[0].start" && $0.ruleID == .reg28FirstWeek })
        #expect(result.obligations.contains { $0.ruleID == .reg28FirstWeek })
    }

    @Test func carePlanWithin10WorkingDaysOfTheFirstPlacement() {
        // 19 Dec + 10: 22–24, 29–31 Dec, 2, 5–7 Jan. A plan written before the placement meets it.
        let early = obligations(.carePlan, care(carePlans: ["2025-12-18"])).first
        #expect(early?.due == d("2026-01-07"))
        #expect(status(early, asOf: "2026-02-01") == .metOnTime)
        #expect(status(obligations(.carePlan, care(carePlans: ["2026-01-08"])).first, asOf: "2026-02-01") == .metLate)
    }

    @Test func placementPlanWithin5WorkingDaysOverTheAugustHoliday() {
        // Thu 21 Aug 2025 + 5: 22, 26, 27, 28, 29 Aug.
        let placement = Placement(id: "PL", start: d("2025-08-21"), type: "U4", placementPlan: d("2025-08-29"))
        let plan = obligations(.placementPlan, care(start: "2025-08-21", placements: [placement])).first
        #expect(plan?.due == d("2025-08-29"))
        #expect(status(plan, asOf: "2025-09-01") == .metOnTime)
    }

    @Test func permanencePlanByTheSecondReview() {
        let held = obligations(.permanencePlan, care(reviews: ["2026-01-21", "2026-04-22"], permanence: ["2026-04-22"])).first
        #expect(held?.due == d("2026-04-22"))
        #expect(status(held, asOf: "2026-05-01") == .metOnTime)
        let late = obligations(.permanencePlan, care(reviews: ["2026-01-21", "2026-04-22"], permanence: ["2026-04-23"])).first
        #expect(status(late, asOf: "2026-05-01") == .metLate)
        // Before any review, projected from the first review's due date (21 Jan + 3 months).
        #expect(obligations(.permanencePlan, care()).first?.due == d("2026-04-21"))
    }

    @Test func healthAssessmentsByAgeOnTheDueDate() {
        let born = "2021-10-01"  // 4 on 21 Jul 2026; 5 on 21 Jan 2027
        let links = chainLinks("health:P", care(born: born, health: [
            HealthAssessment(id: "IHA", kind: .initial, date: d("2026-01-21")),
            HealthAssessment(id: "RHA1", kind: .review, date: d("2026-07-21")),
        ]))
        #expect(links.map(\.ruleID) == [.initialHealthAssessment, .reviewHealthAssessment, .reviewHealthAssessment])
        #expect(links.map(\.due) == [d("2026-01-21"), d("2026-07-21"), d("2027-07-21")])
    }

    /// CPPCR 2010 reg 7: the initial health assessment is by a registered medical practitioner; a
    /// review assessment (which a nurse may do) does not meet it.
    @Test func onlyAnInitialAssessmentMeetsTheInitialHealthAssessment() {
        let reviewOnly = chainLinks("health:P", care(health: [HealthAssessment(id: "RHA", kind: .review, date: d("2026-01-10"))]))
        #expect(reviewOnly.map(\.ruleID) == [.initialHealthAssessment])
        #expect(reviewOnly.first?.metBy == nil)
        #expect(status(reviewOnly.first, asOf: "2026-02-01") == .overdue)

        let links = chainLinks("health:P", care(health: [HealthAssessment(id: "RHA", kind: .review, date: d("2026-01-10")),
                                                         HealthAssessment(id: "IHA", kind: .initial, date: d("2026-01-28"))]))
        #expect(links.map(\.metBy?.id) == ["IHA", nil])
        #expect(status(links.first, asOf: "2026-02-01") == .metLate)
    }

    @Test func pepStartsAtEntryOrAtTheAgePEPsBegin() {
        let links = chainLinks("pep:P", care(peps: ["2026-01-20"]))
        #expect(links.map(\.ruleID) == [.pepInitial, .pepReview])
        #expect(links.map(\.due) == [d("2026-01-21"), d("2026-05-20")])
        // Born 1 Jun 2024: the clock starts on the 3rd birthday, Tue 1 Jun 2027 (+20: 2–4, 7–11, 14–18, 21–25, 28–29 Jun).
        let young = chainLinks("pep:P", care(born: "2024-06-01"))
        #expect(young.first?.startedBy.kind == .eligibility)
        #expect(young.first?.due == d("2027-06-29"))
    }

    @Test func missingDateOfBirthIsAFinding() {
        let result = derive(care(born: nil), standards: .defaults, calendar: england)
        #expect(result.findings.map(\.field) == ["$.dateOfBirth"])
    }
}
