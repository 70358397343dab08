/// Assessment timeliness by both definitions in the reference: working days from the referral
/// to authorisation (Working Together's clock), and from the assessment's start to
/// authorisation (the DfE statistics' apparent basis). Counted on the national calendar.
///
/// Read from the assessment obligations themselves (the same derivation, the same referral for
/// each assessment, the same status rule), so the measure and the obligations cannot disagree.
public struct AssessmentTimeliness: Sendable, Hashable {
    /// Assessments authorised in the period.
    public private(set) var completed = 0
    public private(set) var withinFromReferral = 0
    /// Completed assessments with a referral to count from.
    public private(set) var withReferral = 0
    public private(set) var withinFromStart = 0

    public var percentFromReferral: Double? { withReferral == 0 ? nil : 100 * Double(withinFromReferral) / Double(withReferral) }
    public var percentFromStart: Double? { completed == 0 ? nil : 100 * Double(withinFromStart) / Double(completed) }

    public static func measure(_ journeys: [Journey], authorisedIn period: ClosedRange<CivilDate>,
                               standards: LocalStandards, calendar: WorkingDayCalendar) -> AssessmentTimeliness {
        var result = AssessmentTimeliness()
        for journey in journeys {
            var context = DerivationContext(journey: journey, parameters: standards.parameters, calendar: calendar)
            context.deriveAssessments()
            for obligation in context.obligations {
                guard let met = obligation.metBy, met.kind == .assessment, period.contains(met.date),
                      let assessment = journey.assessments.first(where: { $0.id == met.id }) else { continue }
                result.completed += 1
                if obligation.startedBy.kind == .referral {
                    result.withReferral += 1
                    if obligation.status(asOf: met.date, dueSoonDays: 0) == .metOnTime { result.withinFromReferral += 1 }
                }
                let (fromStart, _) = context.facts.assessmentDue(after: assessment.start)
                let bounds = StatusBounds(asOf: met.date, dueSoonDays: 0)
                if bounds.status(due: fromStart, met: met.date, notApplicableSince: nil) == .metOnTime { result.withinFromStart += 1 }
            }
        }
        return result
    }
}
