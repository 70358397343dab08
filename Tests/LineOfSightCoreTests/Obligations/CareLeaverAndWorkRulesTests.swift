import LineOfSightCore
import Testing

@Suite struct CareLeaverAndWorkRulesTests {
    func leaver(born: String, inCare: String, needs: [String] = [], pathway: [String] = []) -> Journey {
        Journey(childID: "C", dateOfBirth: d(born),
                periodsOfCare: [PeriodOfCare(id: "P", start: d(inCare), placements: [Placement(id: "PL", start: d(inCare), type: "U4")])],
                needsAssessments: needs.enumerated().map { DatedRecord(id: "NA\($0.offset + 1)", date: d($0.element)) },
                pathwayPlans: pathway.enumerated().map { DatedRecord(id: "PW\($0.offset + 1)", date: d($0.element)) })
    }

    @Test func aCareLeaverIsSupportedUntilTheir25thBirthday() {
        #expect(CareLeaving.stillSupported(born: d("2001-06-15"), on: d("2026-06-14")))
        #expect(!CareLeaving.stillSupported(born: d("2001-06-15"), on: d("2026-06-15")))
        #expect(CareLeaving.earliestBirthStillSupported(on: d("2026-06-15")) == d("2001-06-16"))
        // Born 29 February 2000: 25 on 28 February 2025, so not supported that day; born 1 March, still.
        #expect(!CareLeaving.stillSupported(born: d("2000-02-29"), on: d("2025-02-28")))
        #expect(CareLeaving.earliestBirthStillSupported(on: d("2025-02-28")) == d("2000-03-01"))
        #expect(CareLeaving.earliestBirthStillSupported(on: d("2025-03-01")) == d("2000-03-02"))
        // Still a care leaver: under 25, or with no date of birth to say otherwise.
        #expect(CareLeaving.stillCareLeaver(born: d("2001-06-15"), on: d("2026-06-14")))
        #expect(!CareLeaving.stillCareLeaver(born: d("2001-06-15"), on: d("2026-06-15")))
        #expect(CareLeaving.stillCareLeaver(born: nil, on: d("2026-06-15")))
    }

    @Test func needsAssessmentThreeMonthsAfterSixteen() {
        let assessment = obligations(.needsAssessment, leaver(born: "2009-02-28", inCare: "2024-01-01", needs: ["2025-05-28"])).first
        #expect(assessment?.startedBy == EventRef(.eligibility, "16th birthday", d("2025-02-28")))
        #expect(assessment?.due == d("2025-05-28"))
        #expect(status(assessment, asOf: "2025-06-01") == .metOnTime)
    }

    @Test func needsAssessmentAfterBecomingEligibleLater() {
        // In care from 2 Jun 2025 at 16: 13 weeks (91 days, end − start) reached on 1 Sep.
        let assessment = obligations(.needsAssessment, leaver(born: "2009-01-15", inCare: "2025-06-02")).first
        #expect(assessment?.startedBy.date == d("2025-09-01"))
        #expect(assessment?.due == d("2025-12-01"))
    }

    /// CPPCR 2010 reg 40 (13 weeks since 14), reg 42(1) (needs assessment within 3 months); days
    /// of care counted end − start, as the DfE SSDA903 validator's rule 1001 does.
    @Test func thirteenWeeksAreNinetyOneDaysAfterEnteringCare() {
        // 1 Mar 2024 + 91 days: 31 in March, 30 in April, 30 in May → 31 May.
        let assessment = obligations(.needsAssessment, leaver(born: "2008-01-15", inCare: "2024-03-01", needs: ["2024-08-31"])).first
        #expect(assessment?.startedBy == EventRef(.eligibility, "became eligible", d("2024-05-31")))
        #expect(assessment?.due == d("2024-08-31"))
        #expect(status(assessment, asOf: "2024-09-01") == .metOnTime)
    }

    @Test func periodsOfCareAddUpEachCountedEndMinusStart() {
        // 60 days (1 Mar → 30 Apr), then from 1 Jun the remaining 31 days: 2 Jul 2024.
        var journey = leaver(born: "2008-01-15", inCare: "2024-03-01")
        journey.periodsOfCare[0].end = d("2024-04-30")
        journey.periodsOfCare.append(PeriodOfCare(id: "P2", start: d("2024-06-01")))
        #expect(obligations(.needsAssessment, journey).first?.startedBy.date == d("2024-07-02"))
    }

    @Test func leapDayBirthday() {
        #expect(obligations(.needsAssessment, leaver(born: "2008-02-29", inCare: "2023-01-01")).first?.due == d("2024-05-29"))
    }

    @Test func notEligibleWithoutThirteenWeeks() {
        var journey = leaver(born: "2009-01-15", inCare: "2025-06-02")
        journey.periodsOfCare[0].end = d("2025-08-01")
        #expect(obligations(.needsAssessment, journey).isEmpty)
    }

    @Test func pathwayPlanReviewedSixMonthly() {
        let reviews = obligations(.pathwayReview, leaver(born: "2009-02-28", inCare: "2024-01-01", pathway: ["2025-03-01", "2025-09-01"]))
        #expect(reviews.map(\.due) == [d("2025-09-01"), d("2026-03-01")])
        #expect(reviews.map { $0.status(asOf: d("2026-01-01"), dueSoonDays: 7) } == [.metOnTime, .upcoming])
    }

    @Test func ladoTargetsAreKeyedOnTheAllegation() {
        let journey = Journey(childID: "C", allegations: [Allegation(id: "AL", referred: d("2025-01-31"), concluded: d("2025-03-15"), officerID: "LADO1")])
        let found = derive(journey, standards: .defaults, calendar: england).obligations.filter { $0.subject.kind == .allegation }
        #expect(found.map(\.ruleID) == [.ladoOneMonth, .ladoThreeMonths, .ladoTwelveMonths])
        #expect(found.map(\.due) == [d("2025-02-28"), d("2025-04-30"), d("2026-01-31")])
        #expect(found.map { $0.status(asOf: d("2025-04-01"), dueSoonDays: 7) } == [.metLate, .metOnTime, .metOnTime])
        #expect(found.allSatisfy { $0.subject == Subject(.allegation, "AL") && $0.responsible?.workerID == "LADO1" })
    }

    @Test func transferAcceptanceAndFirstVisitByTheReceivingTeam() {
        let journey = Journey(childID: "C",
                              visits: [Visit(id: "V1", date: d("2026-01-05"), seen: true, teamID: "T1"),
                                       Visit(id: "V2", date: d("2026-01-14"), seen: true, teamID: "T2")],
                              transfers: [Transfer(id: "TR", fromTeam: "T1", toTeam: "T2", assessmentCompleted: d("2025-12-12"),
                                                   requested: d("2025-12-19"), accepted: d("2025-12-30"))])
        let acceptance = obligations(.transferAcceptance, journey).first
        #expect(acceptance?.due == d("2025-12-30"))  // 22–24, 29–30 Dec
        #expect(acceptance?.responsible == Responsibility(teamID: "T2", workerID: nil))
        let visit = obligations(.transferFirstVisit, journey).first
        #expect(visit?.due == d("2026-01-14"))  // 31 Dec, 2, 5–9, 12–14 Jan
        #expect(visit?.metBy?.id == "V2")
    }

    @Test func actionsUseTheirOwnDueDate() {
        let journey = Journey(childID: "C", actions: [
            Action(id: "A1", description: "Update the plan", ownerID: "W1", due: d("2026-01-10"), done: d("2026-01-11")),
            Action(id: "A2", description: "Book the meeting", ownerID: "W1", due: d("2026-01-10"), cancelled: d("2026-01-05")),
        ])
        let actions = obligations(.action, journey)
        #expect(actions.map { $0.status(asOf: d("2026-01-20"), dueSoonDays: 7) } == [.metLate, .notApplicable])
        #expect(actions.first?.responsible == Responsibility(teamID: nil, workerID: "W1"))
    }
}
