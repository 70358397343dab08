extension DerivationContext {
    /// Needs assessment of an eligible child (3 months after 16, or after becoming eligible)
    /// and 6-monthly pathway plan reviews.
    mutating func deriveCareLeaver() {
        guard let born = journey.dateOfBirth else { return }
        let p = facts.p
        if let eligible = facts.eligibilityDate(born: born) {
            let sixteen = born.birthday(age: 16)
            let started = EventRef(.eligibility, eligible == sixteen ? "16th birthday" : "became eligible", eligible)
            let assessment = facts.dated(journey.needsAssessments, .needsAssessment).first
            add(.needsAssessment, id: "\(RuleID.needsAssessment):\(journey.childID)", startedBy: started,
                due: eligible.adding(months: p.needsAssessmentMonths), metBy: assessment)
        }

        let plans = facts.dated(journey.pathwayPlans, .pathwayPlan)
        guard let first = plans.first else { return }
        let lastDay = born.birthday(age: p.pathwayUntilAge)
        chain(id: "care_leavers.pathway:\(journey.childID)",
              first: Link(rule: .pathwayReview, due: first.date.adding(months: p.pathwayReviewMonths)),
              startedBy: first, events: plans[plans.index(after: plans.startIndex)...], end: lastDay,
              endReason: "reached \(p.pathwayUntilAge)") { previous, _ in
            let due = previous.date.adding(months: p.pathwayReviewMonths)
            return due < lastDay ? Link(rule: .pathwayReview, due: due) : nil
        }
    }
}

extension DerivationFacts {
    /// The first day the child is an eligible child: aged 16 or 17, looked after, and looked
    /// after for the qualifying weeks in total since turning 14 (CPPCR reg 40).
    ///
    /// Each period counts its end minus its start in days (a period from 1 March is 91 days long
    /// on 31 May), as the DfE's SSDA903 validator does for this rule (1001), so 13 weeks are
    /// reached 91 days after the start of care, not a day earlier. Short breaks do not count: a
    /// child looked after only in a pre-planned series of short placements, returning home after
    /// each, is not an eligible child (reg 40(2)).
    func eligibilityDate(born: CivilDate) -> CivilDate? {
        let fourteen = born.birthday(age: 14), sixteen = born.birthday(age: 16)
        let lastDay = born.birthday(age: 18).adding(days: -1)
        let needed = 7 * p.eligibleWeeksSince14
        var counted = 0
        for period in journey.periodsOfCare.sortedIfNeeded(by: { $0.start < $1.start }) where !period.isShortBreak {
            let from = max(period.start, fourteen)
            let to = min(period.end ?? lastDay, lastDay)
            guard from <= to else { continue }
            // The day the running total reaches the qualifying weeks, but not before 16.
            let candidate = max(sixteen, from, from.adding(days: needed - counted))
            if candidate <= to { return candidate }
            counted += from.days(to: to)
        }
        return nil
    }
}
