/// Assessment timeliness by both definitions in the reference: working days from the referral
/// to authorisation (Working Together's clock), and from the assessment's start to
/// authorisation (the DfE statistics' apparent basis). Counted on the national calendar.
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
        let limit = standards.parameters.assessmentWD
        let national = calendar.national
        var result = AssessmentTimeliness()
        for journey in journeys {
            for assessment in journey.assessments {
                guard let authorised = assessment.authorised, period.contains(authorised) else { continue }
                result.completed += 1
                if national.workingDays(from: assessment.start, to: authorised) <= limit { result.withinFromStart += 1 }
                let referral = journey.referrals.first { $0.id == assessment.referralID }
                    ?? journey.referrals.filter { $0.received <= assessment.start }.max { $0.received < $1.received }
                if let referral {
                    result.withReferral += 1
                    if national.workingDays(from: referral.received, to: authorised) <= limit { result.withinFromReferral += 1 }
                }
            }
        }
        return result
    }
}
