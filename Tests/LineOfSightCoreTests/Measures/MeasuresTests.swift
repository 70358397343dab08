import LineOfSightCore
import Testing

@Suite struct MeasuresTests {
    @Test func timelinessPerRuleLeavesOutWhatStoppedApplyingBeforeItFellDue() {
        func visit(_ due: String, met: String? = nil, na: String? = nil) -> Obligation {
            Obligation(id: due, ruleID: .cpVisit, subject: .child("C"), startedBy: EventRef(.cpPlan, "P", d("2026-01-01")),
                       due: d(due), metBy: met.map { EventRef(.visit, "V", d($0)) },
                       notApplicable: na.map { NotApplicable(reason: "plan ended", since: d($0)) })
        }
        let obligations = [visit("2026-01-10", met: "2026-01-10"), visit("2026-01-20", met: "2026-01-21"),
                           visit("2026-01-25"), visit("2026-01-28", na: "2026-01-27"), visit("2026-01-29", na: "2026-02-05"),
                           visit("2026-03-01")]
        let result = Timeliness.byRule(obligations, dueFrom: d("2026-01-01"), to: d("2026-01-31"), asOf: d("2026-02-10"))[.cpVisit]
        #expect(result?.due == 4)
        #expect(result?.metOnTime == 1)
        #expect(result?.metLate == 1)
        #expect(result?.notMet == 2)
        #expect(result?.percentOnTime == 25)
    }

    @Test func durations() {
        let journey = SampleJourneys.rich
        let asOf = d("2025-12-01")
        #expect(Durations.timeOnCPPlan(journey, asOf: asOf).map(\.days) == [124])  // 29 Jan → 2 Jun 2025
        let care = Durations.timeInCareWithoutPermanencePlan(journey, asOf: asOf)
        #expect(care.map(\.days) == [116])  // 2 Jun → 26 Sep
        let proceedings = Durations.timeInProceedings(journey, asOf: asOf)
        #expect(proceedings.first?.isOpen == true)
        #expect(proceedings.first?.weeks == 185.0 / 7)  // 30 May → 1 Dec is 185 days
        #expect(Durations.timeInProceedings(journey, asOf: d("2025-11-28")).first?.days == 182)
        var transferred = journey
        transferred.transfers[0].assessmentCompleted = d("2025-05-20")
        #expect(Durations.assessmentEndToTransferAcceptance(transferred, asOf: asOf).map(\.days) == [20])
    }

    func adopted(entered: String, order: String?, matched: String, placed: String, adopted: String,
                 fosterCarer: Bool = false, movedIn: String? = nil) -> Journey {
        Journey(childID: "C", periodsOfCare: [PeriodOfCare(id: "P", start: d(entered))],
                adoption: Adoption(placementOrder: order.map(d), matched: d(matched), placed: d(placed), adoptionOrder: d(adopted),
                                   adoptedByFosterCarer: fosterCarer, movedInWithFosterCarer: movedIn.map(d)))
    }

    @Test func adoptionMeasures() {
        let child = adopted(entered: "2022-01-10", order: "2022-09-01", matched: "2022-12-01", placed: "2023-01-10", adopted: "2023-06-01")
        #expect(AdoptionMeasures.a1Days(child) == 365)
        #expect(AdoptionMeasures.a2Days(child) == 91)
        #expect(AdoptionMeasures.a3WaitedUnder14Months(child) == true)
        #expect(AdoptionMeasures.a10Days(child) == 365)

        // Matched before the placement order: A2 counts 0.
        #expect(AdoptionMeasures.a2Days(adopted(entered: "2022-01-10", order: "2022-09-01", matched: "2022-08-01",
                                                placed: "2022-10-01", adopted: "2023-06-01")) == 0)
        // No placement order, or placed on the day of the order: excluded from A2.
        #expect(AdoptionMeasures.a2Days(adopted(entered: "2022-01-10", order: nil, matched: "2022-12-01",
                                                placed: "2023-01-10", adopted: "2023-06-01")) == nil)
        #expect(AdoptionMeasures.a2Days(adopted(entered: "2022-01-10", order: "2022-09-01", matched: "2022-12-01",
                                                placed: "2023-06-01", adopted: "2023-06-01")) == nil)
        // A10: a foster-carer adoption counts from moving in with the carers.
        let foster = adopted(entered: "2022-01-10", order: "2022-09-01", matched: "2022-12-01", placed: "2023-01-10",
                             adopted: "2023-06-01", fosterCarer: true, movedIn: "2022-02-09")
        #expect(AdoptionMeasures.a10Days(foster) == 30)
        #expect(AdoptionMeasures.a1Days(foster) == 365)
        // A3: exactly 14 months is not "less than 14 months".
        let waited = adopted(entered: "2022-01-10", order: "2022-09-01", matched: "2022-12-01", placed: "2023-03-10", adopted: "2023-06-01")
        #expect(AdoptionMeasures.a3WaitedUnder14Months(waited) == false)

        let period = AdoptionMeasures.scorecardPeriod(endingMarch: 2024)
        #expect(period == d("2021-04-01")...d("2024-03-31"))
        let card = AdoptionMeasures.scorecard([child, foster, waited, Journey(childID: "X")], period: period)
        #expect(card.adopted == 3)
        #expect(card.a1AverageDays == Double(365 + 365 + 424) / 3)
        #expect(card.a10AverageDays == Double(365 + 30 + 424) / 3)
        #expect(card.a3Percent == 200.0 / 3)
    }

    @Test func assessmentTimelinessByBothDefinitions() {
        // Referral 19 Dec 2025; authorised 25 Feb 2026 is day 45 from the referral; started 5 Jan.
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"))],
                              assessments: [Assessment(id: "A", start: d("2026-01-05"), authorised: d("2026-02-26"))])
        let result = AssessmentTimeliness.measure([journey], authorisedIn: d("2026-01-01")...d("2026-03-31"),
                                                  standards: .defaults, calendar: england)
        #expect(result.completed == 1)
        #expect(result.percentFromReferral == 0)  // 46 working days from the referral
        #expect(result.percentFromStart == 100)   // 38 from the start
    }

    @Test func assessmentTimelinessAgreesWithTheObligationsOnOneReferralAndTwoAssessments() {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-19"))], assessments: [
            Assessment(id: "A1", start: d("2025-12-22"), authorised: d("2026-02-20")),
            Assessment(id: "A2", start: d("2026-01-12"), authorised: d("2026-03-02")),
        ])
        let result = AssessmentTimeliness.measure([journey], authorisedIn: d("2026-01-01")...d("2026-03-31"),
                                                  standards: .defaults, calendar: england)
        #expect(result.withReferral == 2)
        #expect(result.withinFromReferral == 1)
        #expect(result.withinFromStart == 2)
    }

    @Test func anAuthorisationOnTheSaturdayAfterTheDueFridayIsLate() {
        // Referral Tue 23 Dec 2025: the 45th working day is Fri 27 Feb 2026; Sat 28 Feb is late,
        // although no working day passed in between.
        let journey = Journey(childID: "C", referrals: [Referral(id: "R", received: d("2025-12-23"))],
                              assessments: [Assessment(id: "A", start: d("2025-12-23"), authorised: d("2026-02-28"))])
        #expect(obligations(.assessment, journey).first?.due == d("2026-02-27"))
        let result = AssessmentTimeliness.measure([journey], authorisedIn: d("2026-01-01")...d("2026-03-31"),
                                                  standards: .defaults, calendar: england)
        #expect(result.withinFromReferral == 0)
        #expect(result.withinFromStart == 0)
    }
}
