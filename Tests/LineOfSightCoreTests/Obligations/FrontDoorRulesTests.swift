import LineOfSightCore
import Testing

@Suite struct FrontDoorRulesTests {
    @Test(arguments: [
        ("2025-12-19", "2025-12-22"),  // Friday → Monday
        ("2025-12-20", "2025-12-22"),  // Saturday → Monday
        ("2025-12-24", "2025-12-29"),  // Christmas Eve → over Christmas and Boxing Day
        ("2025-04-17", "2025-04-22"),  // Maundy Thursday → over Good Friday and Easter Monday
        ("2020-05-07", "2020-05-11"),  // over VE day, 8 May 2020
    ])
    func referralDecisionIsDueOneWorkingDayLater(received: String, due: String) {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d(received))])
        #expect(obligations(.referralDecision, journey).first?.due == d(due))
    }

    @Test func decisionOnTheDueDateIsOnTimeAndADayLaterIsLate() {
        let onTime = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"), decided: d("2025-12-22"))])
        let late = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"), decided: d("2025-12-23"))])
        #expect(status(obligations(.referralDecision, onTime).first, asOf: "2026-01-01") == .metOnTime)
        #expect(status(obligations(.referralDecision, late).first, asOf: "2026-01-01") == .metLate)
    }

    @Test func assessmentIs45WorkingDaysFromReferral() {
        // 15 working days to 14 Jan (over Christmas), then 30 more: 25 Feb 2026.
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"))],
                              assessments: [Assessment(id: "A", start: d("2025-12-22"), authorised: d("2026-02-25"))])
        let assessment = obligations(.assessment, journey)
        #expect(assessment.count == 1)
        #expect(assessment.first?.due == d("2026-02-25"))
        #expect(assessment.first?.metBy == EventRef(.assessment, "A", d("2026-02-25")))
        #expect(status(assessment.first, asOf: "2026-03-01") == .metOnTime)

        var late = journey
        late.assessments[0].authorised = d("2026-02-26")
        #expect(status(obligations(.assessment, late).first, asOf: "2026-03-01") == .metLate)
    }

    @Test func noFurtherActionMeansNoAssessment() {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"), noFurtherAction: true)])
        #expect(obligations(.assessment, journey).isEmpty)
        #expect(obligations(.referralDecision, journey).count == 1)
    }

    @Test func assessmentsAreMatchedToTheirOwnReferral() {
        let journey = Journey(childID: "C", referrals: [
            Referral(id: "R1", received: d("2025-01-06")), Referral(id: "R2", received: d("2025-06-02")),
        ], assessments: [
            Assessment(id: "A2", start: d("2025-06-03"), authorised: d("2025-06-20")),
            Assessment(id: "A1", start: d("2025-01-07"), authorised: d("2025-02-03")),
        ])
        let found = obligations(.assessment, journey)
        #expect(found.map(\.metBy?.id) == ["A1", "A2"])
    }

    @Test func twoAssessmentsOfOneReferralAreBothTimedFromIt() {
        // Referral Fri 19 Dec 2025: due 25 Feb 2026 for both (Working Together counts from the referral).
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"))], assessments: [
            Assessment(id: "A1", start: d("2025-12-22"), authorised: d("2026-02-20")),
            Assessment(id: "A2", start: d("2026-01-12"), authorised: d("2026-03-02")),
        ])
        let result = derive(journey, standards: .defaults, calendar: england)
        #expect(result.findings.isEmpty, "\(result.findings)")
        let found = result.obligations.filter { $0.ruleID == .assessment }
        #expect(found.map(\.id) == ["assessment.completion:R", "assessment.completion:R/A2"])
        #expect(found.allSatisfy { $0.startedBy == EventRef(.referral, "R", d("2025-12-19")) && $0.due == d("2026-02-25") })
        #expect(found.map { status($0, asOf: "2026-04-01") } == [.metOnTime, .metLate])
    }

    @Test func aReferralAwaitingItsAssessmentHasAnOpenObligation() {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R1", received: d("2025-12-19")), Referral(id: "R2", received: d("2026-01-05"))],
                              assessments: [Assessment(id: "A", start: d("2026-01-06"))])
        let found = obligations(.assessment, journey)
        #expect(found.map(\.id) == ["assessment.completion:R2", "assessment.completion:R1"])
        #expect(found.map(\.metBy) == [nil, nil])
    }

    @Test func anAssessmentOfAReferralMarkedNoFurtherActionIsAFinding() {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"), noFurtherAction: true)],
                              assessments: [Assessment(id: "A", referralID: "R", start: d("2026-01-06"))])
        let result = derive(journey, standards: .defaults, calendar: england)
        #expect(result.findings.map(\.field) == ["$.assessments[0]"])
        #expect(result.obligations.first { $0.ruleID == .assessment }?.startedBy.kind == .referral)
    }

    @Test func anAssessmentWithoutAReferralIsReportedAndStillTimed() {
        let journey = Journey(childID: "C", assessments: [Assessment(id: "A", start: d("2025-12-19"))])
        let result = derive(journey, standards: .defaults, calendar: england)
        #expect(result.obligations.first { $0.ruleID == .assessment }?.due == d("2026-02-25"))
        #expect(result.findings.map(\.field) == ["$.assessments[0].start"])
        #expect(result.findings.first?.ruleID == .assessment)
    }

    @Test func aDueDateBeyondTheBankHolidayFeedIsProvisional() {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2027-12-20"))])
        #expect(obligations(.assessment, journey).first?.provisional == true)
        #expect(obligations(.referralDecision, journey).first?.provisional == false)
    }
}
