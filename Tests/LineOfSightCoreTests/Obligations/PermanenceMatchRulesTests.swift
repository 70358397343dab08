import LineOfSightCore
import Testing

/// The connected-person full assessment (due when temporary approval runs out) and the long-term
/// fostering match (a local standard from the plan), with dates worked by hand. Temporary approval
/// counts calendar weeks: the 4 May 2026 bank holiday does not move its end.
@Suite struct PermanenceMatchRulesTests {
    static let period = PeriodOfCareRecord(start: d("2026-01-12"), legalStatus: "C2", categoryOfNeed: "N1", placementType: "U1")

    static func journey(_ events: [(String, any JourneyRecord)]) -> Journey {
        Journey(childID: "C", dateOfBirth: d("2018-05-01"), events: events.map { RecordedEvent(id: $0.0, record: $0.1) }, allocations: [])
    }

    static func context(_ events: [(String, any JourneyRecord)]) -> RecordContext {
        RecordContext(today: d("2026-11-30"), dateOfBirth: d("2018-05-01"), journey: journey(events))
    }

    static let approval = TemporaryApprovalRecord(start: d("2026-01-12"), carers: "Maternal aunt and uncle")

    static func panel(_ date: String, concludes: PermanenceDecision.Milestone? = .connectedPersonAssessment,
                      forum: PermanenceDecisionRecord.Forum = .fosteringPanel) -> PermanenceDecisionRecord {
        PermanenceDecisionRecord(date: d(date), forum: forum, decision: "Recommended approval as foster carers", concludes: concludes)
    }

    @Test func theFullAssessmentIsDueWhenTemporaryApprovalRunsOutAsExtended() {
        let due = obligations(.connectedPersonAssessment, Self.journey([("P", Self.period), ("T", Self.approval)]))
        #expect(due.map(\.due) == [d("2026-05-04")], "12 January + 16 weeks (112 days) is Monday 4 May; calendar weeks, the bank holiday counts")
        #expect(status(due.first, asOf: "2026-05-05") == .overdue)

        var extended = Self.approval
        extended.extended = d("2026-04-20"); extended.extensionWeeks = 6
        let later = obligations(.connectedPersonAssessment, Self.journey([("P", Self.period), ("T", extended)]))
        #expect(later.map(\.due) == [d("2026-06-15")], "extended before it expired: 4 May + 6 weeks")

        var tooLate = Self.approval
        tooLate.extended = d("2026-05-05"); tooLate.extensionWeeks = 8
        #expect(obligations(.connectedPersonAssessment, Self.journey([("P", Self.period), ("T", tooLate)])).map(\.due) == [d("2026-05-04")],
                "an extension granted after the approval expired does not revive it")
    }

    @Test func thePanelsOrAgencyDecisionMeetsItWhicheverWayItWent() {
        var extended = Self.approval
        extended.extended = d("2026-04-20"); extended.extensionWeeks = 6
        let met = obligations(.connectedPersonAssessment,
                              Self.journey([("P", Self.period), ("T", extended), ("D", Self.panel("2026-06-10"))]))
        #expect(met.first?.metBy == EventRef(.permanenceDecision, "D", d("2026-06-10")))
        #expect(status(met.first, asOf: "2026-06-16") == .metOnTime)
        // Temporary approval itself is still open: the panel recommended, nobody has approved yet.
        #expect(obligations(.temporaryApproval, Self.journey([("P", Self.period), ("T", extended), ("D", Self.panel("2026-06-10"))]))
            .first?.metBy == nil)

        // A panel decision that concludes nothing (its views on the extension) does not meet it.
        let views = obligations(.connectedPersonAssessment,
                                Self.journey([("P", Self.period), ("T", extended), ("D", Self.panel("2026-04-15", concludes: nil))]))
        #expect(views.first?.metBy == nil && status(views.first, asOf: "2026-06-16") == .overdue)

        // Approval as foster carers concludes the assessment too; an ended arrangement owes nothing.
        var approved = Self.approval
        approved.approved = d("2026-05-06")
        let late = obligations(.connectedPersonAssessment, Self.journey([("P", Self.period), ("T", approved)]))
        #expect(late.first?.metBy?.date == d("2026-05-06") && status(late.first, asOf: "2026-05-07") == .metLate)
        var ended = Self.approval
        ended.ended = d("2026-03-02"); ended.endReason = "The aunt withdrew"
        #expect(obligations(.connectedPersonAssessment, Self.journey([("P", Self.period), ("T", ended)])).first?.notApplicable
                == NotApplicable(reason: "temporary arrangement ended", since: d("2026-03-02")))
    }

    @Test func aLongTermFosteringPlanNeedsItsMatchWithinTheLocalStandard() {
        let plan = PermanencePlanRecord(date: d("2026-03-31"), plans: ["LTFOST18", "RETURNEV"])
        let due = obligations(.longTermFosteringMatch, Self.journey([("P", Self.period), ("L", plan)]))
        #expect(due.map(\.due) == [d("2026-09-30")], "31 March + 6 months, clipped to the end of September")
        #expect(due.first?.startedBy == EventRef(.permanencePlan, "L", d("2026-03-31")))
        #expect(status(due.first, asOf: "2026-10-01") == .overdue)

        let match = PermanenceDecisionRecord(date: d("2026-09-01"), forum: .nominatedOfficer, decision: "Long-term match with the Smiths approved",
                                             route: .longTermFostering, concludes: .longTermFosteringMatch)
        let met = obligations(.longTermFosteringMatch, Self.journey([("P", Self.period), ("L", plan), ("M", match)]))
        #expect(met.first?.metBy == EventRef(.permanenceDecision, "M", d("2026-09-01")))

        // The council's own months.
        let four = try! LocalStandards.defaults.overriding(["permanence.long_term_fostering_match_months": .integer(4)])
        #expect(obligations(.longTermFosteringMatch, Self.journey([("P", Self.period), ("L", plan)]), standards: four).map(\.due)
                == [d("2026-07-31")])

        // A later plan without long-term fostering ends the clock; other plans have none.
        let adoption = PermanencePlanRecord(date: d("2026-07-01"), plans: ["ADOPTION"])
        let changed = obligations(.longTermFosteringMatch, Self.journey([("P", Self.period), ("L", plan), ("A", adoption)]))
        #expect(changed.first?.notApplicable == NotApplicable(reason: "plan changed away from long-term fostering", since: d("2026-07-01")))
        #expect(obligations(.longTermFosteringMatch, Self.journey([("P", Self.period), ("A", adoption)])).isEmpty)
    }

    @Test func aDecisionConcludesOnlyWhatItsForumMayConclude() {
        let inCare: [(String, any JourneyRecord)] = [("P", Self.period)]
        #expect(Self.panel("2026-03-02", forum: .permanencePanel).validate(in: Self.context(inCare)).map(\.field) == ["concludes"])
        #expect(Self.panel("2026-03-02", forum: .agencyDecisionMaker).validate(in: Self.context(inCare)).isEmpty)
        let match = PermanenceDecisionRecord(date: d("2026-03-02"), forum: .fosteringPanel, decision: "Match ratified",
                                             route: .adoption, concludes: .longTermFosteringMatch)
        #expect(match.validate(in: Self.context(inCare)).map(\.field) == ["concludes", "route"])
    }
}
