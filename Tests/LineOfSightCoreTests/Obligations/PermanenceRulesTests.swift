import LineOfSightCore
import Testing

@Suite struct PermanenceRulesTests {
    @Test func careProceedingsEndOnTheLastDayOf26WeeksBeginningWithIssue() {
        let onTime = Journey(childID: "C", careProceedings: [CareProceedings(id: "CP", issued: d("2025-01-06"), concluded: d("2025-07-06"))])
        let proceedings = obligations(.careProceedings, onTime).first
        #expect(proceedings?.due == d("2025-07-06"))
        #expect(status(proceedings, asOf: "2025-08-01") == .metOnTime)
        let late = Journey(childID: "C", careProceedings: [CareProceedings(id: "CP", issued: d("2025-01-06"), concluded: d("2025-07-07"))])
        #expect(status(obligations(.careProceedings, late).first, asOf: "2025-08-01") == .metLate)
        // Over 29 February.
        let leap = Journey(childID: "C", careProceedings: [CareProceedings(id: "CP", issued: d("2024-01-08"))])
        #expect(obligations(.careProceedings, leap).first?.due == d("2024-07-07"))
    }

    @Test func extensionsAddUpToEightWeeksEach() {
        let extended = Journey(childID: "C", careProceedings: [CareProceedings(
            id: "CP", issued: d("2025-01-06"),
            extensions: [Extension(granted: d("2025-06-30"), weeks: 8), Extension(granted: d("2025-08-20"), weeks: 10)])])
        let result = derive(extended, standards: .defaults, calendar: england)
        // 6 Jul + 8 weeks = 31 Aug; the 10-week extension counts as 8: 26 Oct.
        #expect(result.obligations.first { $0.ruleID == .careProceedings }?.due == d("2025-10-26"))
        #expect(result.findings.map(\.field) == ["$.careProceedings[0].extensions[1].weeks"])
    }

    @Test func temporaryApprovalIs16WeeksPlusOneExtension() {
        let approval = TemporaryApproval(id: "TA", start: d("2025-01-06"),
                                         extensions: [Extension(granted: d("2025-04-20"), weeks: 8), Extension(granted: d("2025-06-20"), weeks: 4)],
                                         approved: d("2025-06-23"))
        let result = derive(Journey(childID: "C", temporaryApprovals: [approval]), standards: .defaults, calendar: england)
        let obligation = result.obligations.first { $0.ruleID == .temporaryApproval }
        #expect(obligation?.due == d("2025-06-23"))  // 28 Apr + 8 weeks
        #expect(status(obligation, asOf: "2025-07-01") == .metOnTime)
        #expect(result.findings.map(\.field) == ["$.temporaryApprovals[0].extensions[1]"])
    }

    /// CPPCR 2010 reg 25: one extension, of up to 8 weeks, of an approval "likely to expire";
    /// granted after the approval has expired, it cannot extend it.
    @Test func anExtensionGrantedAfterExpiryIsNotCounted() {
        let approval = TemporaryApproval(id: "TA", start: d("2024-06-03"),
                                         extensions: [Extension(granted: d("2024-09-30"), weeks: 8)], approved: d("2024-11-01"))
        let result = derive(Journey(childID: "C", temporaryApprovals: [approval]), standards: .defaults, calendar: england)
        let obligation = result.obligations.first { $0.ruleID == .temporaryApproval }
        #expect(obligation?.due == d("2024-09-23"))  // 3 Jun + 16 weeks; not 18 Nov
        #expect(status(obligation, asOf: "2024-12-01") == .metLate)
        #expect(result.findings.map(\.field) == ["$.temporaryApprovals[0].extensions[0].granted"])
        // Granted on the day of expiry, the approval is still current.
        var onTheDay = approval
        onTheDay.extensions[0].granted = d("2024-09-23")
        #expect(obligations(.temporaryApproval, Journey(childID: "C", temporaryApprovals: [onTheDay])).first?.due == d("2024-11-18"))
    }

    @Test func temporaryApprovalEndingWithoutApprovalNoLongerApplies() {
        let approval = TemporaryApproval(id: "TA", start: d("2025-01-06"), ended: d("2025-03-01"))
        let obligation = obligations(.temporaryApproval, Journey(childID: "C", temporaryApprovals: [approval])).first
        #expect(obligation?.due == d("2025-04-28"))
        #expect(status(obligation, asOf: "2025-03-01") == .notApplicable)
    }

    @Test func preProceedingsSixteenWeeks() {
        let journey = Journey(childID: "C", preProceedings: [PreProceedings(id: "PLO", start: d("2025-01-06"))])
        #expect(obligations(.preProceedings, journey).first?.due == d("2025-04-28"))
    }

    func adoption() -> Journey {
        Journey(childID: "C",
                visits: ["2025-05-02", "2025-05-09", "2025-05-16", "2025-05-23", "2025-05-30"].enumerated()
                    .map { Visit(id: "V\($0.offset + 1)", date: d($0.element), seen: true) },
                adoption: Adoption(agencyDecision: d("2024-10-01"), placementOrder: d("2024-11-30"), matched: d("2025-03-01"),
                                   placed: d("2025-05-01"), adoptionOrder: d("2025-12-01")),
                adoptionReviews: ["2025-02-28", "2025-05-29", "2025-08-29"].enumerated()
                    .map { DatedRecord(id: "AR\($0.offset + 1)", date: d($0.element)) })
    }

    @Test func adoptionReviewsWhileWaitingAndAfterPlacement() {
        let waiting = chainLinks("adoption.review.waiting:C", adoption())
        #expect(waiting.map(\.due) == [d("2025-02-28"), d("2025-08-28")])
        #expect(waiting.last?.notApplicable == NotApplicable(reason: "placed for adoption", since: d("2025-05-01")))

        let placed = chainLinks("adoption.review.placed:C", adoption())
        #expect(placed.map(\.ruleID) == [.adoptionPlacedFirstReview, .adoptionPlacedSecondReview, .adoptionPlacedReview])
        // 1 May + 4 weeks; 29 May + 3 months; 29 Aug + 6 months clipped to 28 Feb.
        #expect(placed.map(\.due) == [d("2025-05-29"), d("2025-08-29"), d("2026-02-28")])
        #expect(placed.last?.notApplicable?.reason == "adoption order made")
    }

    /// AAR 2005 reg 36(1): first review within 3 months of the agency first having authority to
    /// place, which parental consent (ACA 2002 s19) gives before a later placement order (s21).
    @Test func adoptionReviewsCountFromConsentWhenItCameFirst() {
        let journey = Journey(childID: "C", adoption: Adoption(placementOrder: d("2024-06-30"), consentToPlacement: d("2024-03-15")))
        let first = chainLinks("adoption.review.waiting:C", journey).first
        #expect(first?.startedBy == EventRef(.authorityToPlace, "consent", d("2024-03-15")))
        #expect(first?.due == d("2024-06-15"))
        // An order before any consent is the first authority.
        let order = Journey(childID: "C", adoption: Adoption(placementOrder: d("2024-02-01"), consentToPlacement: d("2024-03-15")))
        #expect(chainLinks("adoption.review.waiting:C", order).first?.due == d("2024-05-01"))
    }

    @Test func adoptionVisitsWeeklyUntilTheFirstReview() {
        let visits = chainLinks("adoption.visit:C", adoption())
        #expect(visits.map(\.ruleID) == [.adoptionVisitFirstWeek] + Array(repeating: .adoptionVisitWeekly, count: 4) + [.adoptionVisitAfterReview])
        #expect(visits.last?.due == d("2025-07-11"))
    }
}
