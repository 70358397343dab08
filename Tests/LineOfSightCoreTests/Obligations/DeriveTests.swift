import LineOfSightCore
import Testing

@Suite struct DeriveTests {
    @Test func derivingTwiceGivesTheSameResult() {
        let first = derive(SampleJourneys.rich, standards: .defaults, calendar: england)
        let second = derive(SampleJourneys.rich, standards: .defaults, calendar: england)
        #expect(first == second)
        #expect(first.obligations.count > 40)
        #expect(Set(first.obligations.map(\.id)).count == first.obligations.count)
        #expect(first.findings.isEmpty, "\(first.findings)")
    }

    @Test func theOrderOfRecordsDoesNotChangeTheObligations() {
        var shuffled = SampleJourneys.rich
        shuffled.visits.reverse()
        shuffled.conferences.reverse()
        shuffled.lacReviews.reverse()
        let original = derive(SampleJourneys.rich, standards: .defaults, calendar: england).obligations
        let reordered = derive(shuffled, standards: .defaults, calendar: england).obligations
        #expect(Set(original) == Set(reordered))
    }

    @Test func everyFamilyIsRepresented() {
        let rules = Set(derive(SampleJourneys.rich, standards: .defaults, calendar: england).obligations.map(\.ruleID))
        for expected: RuleID in [.referralDecision, .assessment, .icpc, .cpFirstReview, .cpFirstCoreGroup, .cpVisit,
                                 .claFirstReview, .carePlan, .placementPlan, .permanencePlan, .reg28FirstWeek,
                                 .initialHealthAssessment, .pepInitial, .careProceedings, .preProceedings, .temporaryApproval,
                                 .adoptionFirstReview, .ladoOneMonth, .transferAcceptance, .transferFirstVisit, .action] {
            #expect(rules.contains(expected), "\(expected)")
        }
    }
}
