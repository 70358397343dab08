extension DerivationContext {
    /// Permanence options considered early in each period of care; viability and special
    /// guardianship assessments completed in time; a risk assessment before every return home; a
    /// long-term fostering match once that is the plan.
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
            deriveLongTermFosteringMatch(in: period)
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

    /// A plan of long-term fostering needs the match approved (the long-term foster placement
    /// decision of a nominated officer) within the council's months of the plan. Each run of plans
    /// that include long-term fostering in a period of care is one clock, started by its first plan;
    /// a later plan without it, or the child leaving care, ends the clock. A match approved in the
    /// period before the plan (since any earlier run ended) meets it.
    private mutating func deriveLongTermFosteringMatch(in period: PeriodOfCare) {
        let plans = journey.permanencePlans.filter { plan in plan.date >= period.start && period.end.map { plan.date <= $0 } ?? true }
            .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        // Each run: its first plan, where the clock ends and why, and since when a match counts.
        var runs: [(first: PermanencePlan, since: CivilDate, end: CivilDate?, reason: String)] = []
        var since = period.start
        var open: PermanencePlan?
        for plan in plans {
            let longTermFostering = plan.plans.contains(PermanenceCodes.longTermFostering)
            if longTermFostering, open == nil {
                open = plan
            } else if !longTermFostering, let first = open {
                runs.append((first, since, plan.date, "plan changed away from long-term fostering"))
                open = nil
                since = plan.date
            }
        }
        if let first = open { runs.append((first, since, period.end, "child left care")) }
        guard !runs.isEmpty else { return }
        let matches = journey.permanenceMeetings.filter { $0.concludes == .longTermFosteringMatch && period.contains($0.date) }
            .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        for run in runs {
            let match = matches.first { $0.date >= run.since }
            single(.longTermFosteringMatch, id: "\(RuleID.longTermFosteringMatch):\(run.first.id)",
                   startedBy: EventRef(.permanencePlan, run.first.id, run.first.date),
                   due: run.first.date.adding(months: p.longTermFosteringMatchMonths),
                   metBy: match.map { EventRef(.permanenceDecision, $0.id, $0.date) }, end: run.end, endReason: run.reason)
        }
    }
}
