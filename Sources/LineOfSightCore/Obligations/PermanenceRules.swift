extension DerivationContext {
    /// Permanence options considered early in each period of care; viability and special
    /// guardianship assessments completed in time; a risk assessment before every return home.
    mutating func derivePermanence() {
        let options = journey.permanenceOptions.sortedIfNeeded { ($0.considered, $0.id) < ($1.considered, $1.id) }
        let periods = journey.periodsOfCare.filter { !$0.isShortBreak }.sortedIfNeeded { ($0.start, $0.id) < ($1.start, $1.id) }
        var previousEnd: CivilDate?
        for period in periods {
            let entered = EventRef(.periodOfCare, period.id, period.start)
            // Options weighed before the child came into care (in pre-proceedings) count, but not
            // those of an earlier period of care.
            let first = options.first { option in
                previousEnd.map { option.considered > $0 } ?? true && (period.end.map { option.considered <= $0 } ?? true)
            }
            single(.permanenceOptions, id: "\(RuleID.permanenceOptions):\(period.id)", startedBy: entered,
                   due: period.start.adding(weeks: p.permanenceOptionsWeeks),
                   metBy: first.map { EventRef(.permanenceOption, $0.id, $0.considered) }, end: period.end, endReason: "child left care")

            if let end = period.end, let reason = period.endReason, PermanenceCodes.returnHomeReasons.contains(reason) {
                let assessed = options.first { option in
                    option.route == .returnHome && option.assessment == .returnHomeRisk
                        && option.assessmentCompleted.map { period.contains($0) } == true
                }
                add(.returnHomeRiskAssessment, id: "\(RuleID.returnHomeRiskAssessment):\(period.id)",
                    startedBy: EventRef(.periodOfCare, period.id, end), due: end,
                    metBy: assessed.flatMap { option in option.assessmentCompleted.map { EventRef(.permanenceOption, option.id, $0) } })
            }
            previousEnd = period.end
        }

        for option in options {
            guard let started = option.assessmentStarted else { continue }
            let startedBy = EventRef(.permanenceOption, option.id, started)
            let metBy = option.assessmentCompleted.map { EventRef(.permanenceOption, option.id, $0) }
            // An option ruled out ends its assessment: nothing more is owed on it.
            let end = option.outcome == .ruledOut ? option.decided : nil
            switch option.assessment {
            case .viability?:
                let (due, provisional) = facts.localWorkingDays(p.viabilityWD, after: started)
                single(.viabilityAssessment, id: "\(RuleID.viabilityAssessment):\(option.id)", startedBy: startedBy, due: due,
                       provisional: provisional, metBy: metBy, end: end, endReason: "option ruled out")
            case .specialGuardianship?:
                single(.sgoAssessment, id: "\(RuleID.sgoAssessment):\(option.id)", startedBy: startedBy,
                       due: started.adding(months: p.sgoAssessmentMonths), metBy: metBy, end: end, endReason: "option ruled out")
            default:
                continue
            }
        }
    }
}
