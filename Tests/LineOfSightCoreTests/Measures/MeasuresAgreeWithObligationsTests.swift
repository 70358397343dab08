import LineOfSightCore
import Testing

/// The measures read the obligations; on generated journeys they must count exactly what the
/// obligations say, assessment by assessment.
@Suite struct MeasuresAgreeWithObligationsTests {
    let today = d("2026-06-01")

    @Test func assessmentTimelinessCountsTheAssessmentObligations() {
        let journeys = SyntheticJourneys.generate(count: 1500, seed: 11, today: today)
        #expect(journeys.contains { $0.assessments.count > 1 })
        #expect(journeys.contains { $0.assessments.contains { $0.referralID == nil } })
        var authorised = 0, fromReferral = 0, onTimeFromReferral = 0
        for journey in journeys {
            let derivation = derive(journey, standards: .defaults, calendar: england)
            #expect(!derivation.findings.contains { $0.ruleID == .assessment }, "\(derivation.findings)")
            let assessmentObligations = derivation.obligations.filter { $0.ruleID == .assessment }
            for assessment in journey.assessments {
                let meeting = assessmentObligations.filter { $0.metBy?.kind == .assessment && $0.metBy?.id == assessment.id }
                guard assessment.authorised != nil else {
                    #expect(meeting.isEmpty)
                    continue
                }
                #expect(meeting.count == 1, "\(journey.childID) \(assessment.id)")
                guard let obligation = meeting.first else { continue }
                authorised += 1
                let referral = journey.referral(answering: assessment)
                #expect(obligation.startedBy == referral.map { EventRef(.referral, $0.id, $0.received) }
                    ?? EventRef(.assessment, assessment.id, assessment.start))
                guard referral != nil else { continue }
                fromReferral += 1
                if obligation.status(asOf: today, dueSoonDays: 7) == .metOnTime { onTimeFromReferral += 1 }
            }
        }
        let measure = AssessmentTimeliness.measure(journeys, authorisedIn: d("2015-01-01")...today,
                                                   standards: .defaults, calendar: england)
        #expect(measure.completed == authorised)
        #expect(measure.withReferral == fromReferral)
        #expect(measure.withinFromReferral == onTimeFromReferral)
        // Both outcomes occur, so the agreement is not vacuous.
        #expect(onTimeFromReferral > 0 && onTimeFromReferral < fromReferral)
    }
}
