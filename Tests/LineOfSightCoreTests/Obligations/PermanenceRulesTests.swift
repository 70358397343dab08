import LineOfSightCore
import Testing

/// The permanence milestones from records, with dates worked by hand (England and Wales bank
/// holidays 2026: Good Friday 3 April, Easter Monday 6 April, 4 May, 25 May).
@Suite struct PermanenceRulesTests {
    static let period = PeriodOfCareRecord(start: d("2026-01-12"), legalStatus: "C2", categoryOfNeed: "N1", placementType: "U4")

    static func journey(_ events: [(String, any JourneyRecord)]) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2018-05-01"), events: events.map { RecordedEvent(id: $0.0, record: $0.1) }, allocations: [])
    }

    static func context(_ events: [(String, any JourneyRecord)]) -> RecordContext {
        RecordContext(today: d("2026-11-30"), dateOfBirth: d("2018-05-01"), journey: journey(events))
    }

    @Test func optionsAreDueEightWeeksIntoCareAndOneWeighedInPreProceedingsCounts() {
        let before = PermanenceOptionRecord(route: .connectedPerson, considered: d("2025-12-01"), who: "Aunt")
        let due = obligations(.permanenceOptions, Self.journey([("P", Self.period), ("O", before)]))
        #expect(due.map(\.due) == [d("2026-03-09")], "12 January + 8 weeks")
        #expect(due.first?.metBy == EventRef(.permanenceOption, "O", d("2025-12-01")))

        // One weighed in an earlier period of care does not count for the next.
        var earlier = Self.period
        earlier.start = d("2025-01-06"); earlier.end = d("2025-06-30"); earlier.endReason = "E4A"
        let old = PermanenceOptionRecord(route: .returnHome, considered: d("2025-03-01"))
        let periods = obligations(.permanenceOptions, Self.journey([("E", earlier), ("P", Self.period), ("O", old)]))
        #expect(periods.first { $0.id.hasSuffix(":P") }?.metBy == nil)
        #expect(status(periods.first { $0.id.hasSuffix(":P") }, asOf: "2026-03-10") == .overdue)
    }

    @Test func viabilityIsDueInTenWorkingDaysAcrossEasterAndSpecialGuardianshipInThreeMonths() {
        let viability = PermanenceOptionRecord(route: .connectedPerson, considered: d("2026-04-01"), assessment: .viability,
                                               assessmentStarted: d("2026-04-02"))
        #expect(obligations(.viabilityAssessment, Self.journey([("V", viability)])).map(\.due) == [d("2026-04-20")],
                "Thursday 2 April: Good Friday and Easter Monday are not working days")
        var ruledOut = viability
        ruledOut.outcome = .ruledOut; ruledOut.decided = d("2026-04-10"); ruledOut.reason = "Not able to care long-term"
        #expect(obligations(.viabilityAssessment, Self.journey([("V", ruledOut)])).first?.notApplicable != nil, "ruled out: nothing more owed")

        let sgo = PermanenceOptionRecord(route: .specialGuardianship, considered: d("2026-01-20"), assessment: .specialGuardianship,
                                         assessmentStarted: d("2026-01-31"), assessmentCompleted: d("2026-05-01"))
        let report = obligations(.sgoAssessment, Self.journey([("S", sgo)]))
        #expect(report.map(\.due) == [d("2026-04-30")], "31 January + 3 months, clipped to the end of April")
        #expect(status(report.first, asOf: "2026-05-02") == .metLate)
    }

    @Test func aReturnHomeWithoutARiskAssessmentIsOverdueTheDayTheChildLeaves() {
        var home = Self.period
        home.end = d("2026-05-01"); home.endReason = "E4A"
        let none = obligations(.returnHomeRiskAssessment, Self.journey([("P", home)]))
        #expect(none.map(\.due) == [d("2026-05-01")] && status(none.first, asOf: "2026-05-02") == .overdue)

        let assessed = PermanenceOptionRecord(route: .returnHome, considered: d("2026-03-02"), assessment: .returnHomeRisk,
                                              assessmentStarted: d("2026-04-01"), assessmentCompleted: d("2026-04-20"))
        let met = obligations(.returnHomeRiskAssessment, Self.journey([("P", home), ("R", assessed)]))
        #expect(met.first?.metBy == EventRef(.permanenceOption, "R", d("2026-04-20")))

        var adopted = Self.period
        adopted.end = d("2026-05-01"); adopted.endReason = "E11"
        #expect(obligations(.returnHomeRiskAssessment, Self.journey([("P", adopted)])).isEmpty)
    }

    @Test func adoptionMilestonesFromRecommendationToMovingIn() {
        let adoption = AdoptionRecord(panelRecommendation: d("2026-04-30"), agencyDecision: d("2026-05-13"), placementOrder: d("2026-06-01"),
                                      matched: d("2026-09-01"))
        let journey = Self.journey([("P", Self.period), ("A", adoption)])
        let decision = obligations(.adoptionDecision, journey)
        #expect(decision.map(\.due) == [d("2026-05-12")], "7 working days after Thursday 30 April, across the 4 May bank holiday")
        #expect(status(decision.first, asOf: "2026-06-01") == .metLate)
        #expect(obligations(.familyFinding, journey).map(\.due) == [d("2026-05-28")], "10 working days across the 25 May bank holiday")
        let match = obligations(.adoptionMatch, journey)
        #expect(match.map(\.due) == [d("2026-09-30")] && match.first?.metBy?.date == d("2026-09-01"), "placement order + 121 days")
        let placed = obligations(.adoptionPlaced, journey)
        #expect(placed.map(\.due) == [d("2027-03-14")], "entering care on 12 January 2026 + 426 days")

        var reversed = adoption
        reversed.decisionReversed = d("2026-10-01"); reversed.reversedReason = "RD3"
        #expect(obligations(.adoptionPlaced, Self.journey([("P", Self.period), ("A", reversed)])).first?.notApplicable != nil)
    }

    @Test func whatCannotBeTrueIsRefusedAtItsField() {
        let inCare: [(String, any JourneyRecord)] = [("P", Self.period)]
        let early = PermanenceDecisionRecord(date: d("2026-01-05"), forum: .permanencePanel, decision: "Long-term fostering")
        #expect(early.validate(in: Self.context(inCare)).map(\.field) == ["date"], "a decision dated before the child came into care")
        let order = AdoptionRecord(agencyDecision: d("2026-05-13"), placed: d("2026-08-01"), adoptionOrder: d("2026-11-02"))
        #expect(order.validate(in: Self.context(inCare)).map(\.message)
                == ["An adoption order needs the authority to place first: record the placement order or the parents’ consent"])
        let plan = PermanencePlanRecord(date: d("2026-03-01"), plans: ["ADOPTION", "NOTACODE"])
        #expect(plan.validate(in: Self.context(inCare)).map(\.field) == ["plans"])
        let half = TemporaryApprovalRecord(start: d("2026-01-12"), extended: d("2026-04-20"))
        #expect(half.validate(in: Self.context(inCare)).map(\.field) == ["extensionWeeks"])
        let ruledOut = PermanenceOptionRecord(route: .returnHome, considered: d("2026-02-01"), outcome: .ruledOut, decided: d("2026-02-10"))
        #expect(ruledOut.validate(in: Self.context(inCare)).map(\.field) == ["reason"])
        let proceedings = CareProceedingsRecord(issued: d("2026-01-05"))
        let hearing = HearingRecord(date: d("2026-01-02"), kind: .caseManagement)
        #expect(hearing.validate(in: Self.context(inCare + [("CP", proceedings)])).map(\.field) == ["date"])
        let extended = HearingRecord(date: d("2026-06-01"), kind: .issuesResolution, extensionWeeks: 4)
        #expect(extended.validate(in: Self.context(inCare + [("CP", proceedings)])).map(\.field) == ["extensionReason"])
    }

    @Test func aHearingsExtensionMovesTheTwentySixWeeks() {
        let proceedings = CareProceedingsRecord(issued: d("2026-01-05"))
        let hearing = HearingRecord(date: d("2026-06-29"), kind: .issuesResolution, extensionWeeks: 8, extensionReason: "Expert report delayed")
        let due = obligations(.careProceedings, Self.journey([("H", hearing), ("CP", proceedings)]))
        #expect(due.map(\.due) == [d("2026-08-30")], "5 January + 181 days is 5 July; plus 8 weeks (56 days)")
    }
}
