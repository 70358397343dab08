import LineOfSightCore
import Testing

@Suite struct SyntheticJourneysTests {
    let today = d("2026-06-01")

    @Test func theSameSeedGivesTheSameJourneys() {
        let first = SyntheticJourneys.generate(count: 200, seed: 7, today: today)
        #expect(first == SyntheticJourneys.generate(count: 200, seed: 7, today: today))
        #expect(first != SyntheticJourneys.generate(count: 200, seed: 8, today: today))
    }

    @Test func aRealisticMixThatDerivesCleanly() {
        let journeys = SyntheticJourneys.generate(count: 500, seed: 1, today: today)
        #expect(journeys.contains { $0.periodsOfCare.isEmpty && $0.cinPlans.isEmpty && $0.cpPlans.isEmpty })
        #expect(journeys.contains { !$0.cinPlans.isEmpty })
        #expect(journeys.contains { !$0.cpPlans.isEmpty })
        #expect(journeys.contains { $0.adoption?.adoptionOrder != nil })
        #expect(journeys.contains { !$0.pathwayPlans.isEmpty })
        // Children in care for years have dozens of visits and several placements.
        #expect(journeys.contains { $0.visits.count >= 24 && ($0.periodsOfCare.first?.placements.count ?? 0) >= 3 })
        #expect(journeys.contains { $0.periodsOfCare.contains(where: \.isShortBreak) })
        var statuses = Set<ObligationStatus>()
        for journey in journeys {
            let derivation = derive(journey, standards: .defaults, calendar: england)
            #expect(derivation.findings.isEmpty, "\(journey.childID): \(derivation.findings)")
            if !journey.periodsOfCare.isEmpty, journey.periodsOfCare.allSatisfy(\.isShortBreak) {
                let rules = Set(derivation.obligations.map(\.ruleID))
                #expect(rules.isDisjoint(with: [.initialHealthAssessment, .claFirstReview, .reg28FirstWeek, .placementPlan, .pepInitial]))
            }
            for obligation in derivation.obligations { statuses.insert(obligation.status(asOf: today, dueSoonDays: 7)) }
        }
        #expect(statuses == Set(ObligationStatus.allCases))
    }

    @Test func theBenchmarkCountsEveryObligation() {
        let journeys = SyntheticJourneys.generate(count: 50, seed: 3, today: today)
        let result = ObligationsBenchmark.run(journeys: journeys, standards: .defaults, calendar: england)
        let expected = journeys.reduce(0) { $0 + derive($1, standards: .defaults, calendar: england).obligations.count }
        #expect(result.children == 50)
        #expect(result.obligations == expected)
        #expect(result.medianMicrosecondsPerChild > 0 && result.peakMemoryBytes > 0)
    }
}
