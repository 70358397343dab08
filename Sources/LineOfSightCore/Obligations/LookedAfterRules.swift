extension DerivationContext {
    /// Reviews, care and placement plans, permanence plan, health assessments, PEPs and
    /// regulation 28 visits, for each period of care; a run of short-break periods is one series
    /// under regulation 48 (`deriveShortBreaks`).
    mutating func deriveLookedAfter() {
        guard !journey.periodsOfCare.isEmpty else { return }
        let periods = Array(journey.periodsOfCare.indices).sortedIfNeeded {
            journey.periodsOfCare[$0].start < journey.periodsOfCare[$1].start
        }
        let reviews = facts.dated(journey.lacReviews, .lacReview)
        let carePlans = facts.dated(journey.carePlans, .carePlan)
        let peps = facts.dated(journey.peps, .pep)
        let health = journey.healthAssessments.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { EventRef(.healthAssessment, $0.id, $0.date) }
        let initialHealth = Set(journey.healthAssessments.filter { $0.kind == .initial }.map(\.id))
        let permanencePlans = journey.permanencePlans.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { EventRef(.permanencePlan, $0.id, $0.date) }

        // Each ordinary period alone; consecutive short-break periods together, as one series.
        let groups = periods.reduce(into: [[Int]]()) { groups, index in
            if journey.periodsOfCare[index].isShortBreak, let last = groups.last?.last, journey.periodsOfCare[last].isShortBreak {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }

        let f = facts
        var previousEnd: CivilDate?
        for group in groups {
            let index = group[0]
            let period = journey.periodsOfCare[index]
            // A care plan made since the previous period ended counts for this one (it may
            // come before the first placement).
            let since = previousEnd.map { $0.adding(days: 1) } ?? period.start.adding(days: -366)
            if period.isShortBreak {
                previousEnd = deriveShortBreaks(group, reviews: reviews, carePlans: carePlans.from(since))
                continue
            }
            let end = validEnd(period.end, after: period.start, field: "$.periodsOfCare[\(index)].end",
                               rule: .claFirstReview, what: "period of care \(period.id)")
            let entered = EventRef(.periodOfCare, period.id, period.start)
            let reason = "child left care"
            previousEnd = end ?? period.end

            // Reviews: 20 working days, then 3 months, then 6-monthly, from the actual dates.
            let (firstDue, firstProvisional) = facts.nationalWorkingDays(p.claFirstReviewWD, after: period.start)
            let periodReviews = reviews.from(period.start)
            let reviewChain = chain(id: "cla.review:\(period.id)", first: Link(rule: .claFirstReview, due: firstDue, provisional: firstProvisional),
                                    startedBy: entered, events: periodReviews, end: end, endReason: reason) { previous, sequence in
                sequence == 2
                    ? Link(rule: .claSecondReview, due: previous.date.adding(months: f.p.claSecondReviewMonths))
                    : Link(rule: .claReview, due: previous.date.adding(months: f.p.claReviewMonths))
            }
            let firstReview = reviewChain.met > 0 ? periodReviews.first?.date : nil

            derivePermanencePlan(period: period, entered: entered, end: end, reviews: periodReviews,
                                 chain: reviewChain, plans: permanencePlans.from(period.start))

            deriveCarePlan(period, plans: carePlans.from(since), end: end, endReason: reason)

            // Health: initial assessment in 20 working days, met only by an initial assessment (reg 7:
            // by a registered medical practitioner; a review may be done by a nurse); then reviews
            // by age, chained from it and met by any later assessment.
            let (ihaDue, ihaProvisional) = facts.nationalWorkingDays(p.ihaWD, after: period.start)
            let periodHealth = health.from(period.start)
            let healthEvents = periodHealth.first { initialHealth.contains($0.id) }
                .map { iha in [iha] + periodHealth.drop { $0.date <= iha.date } } ?? []
            chain(id: "health:\(period.id)", first: Link(rule: .initialHealthAssessment, due: ihaDue, provisional: ihaProvisional),
                  startedBy: entered, events: healthEvents[...], end: end, endReason: reason) { previous, _ in
                f.reviewHealthLink(after: previous.date)
            }

            derivePEP(period: period, entered: entered, end: end, peps: peps.from(period.start))
            derivePlacements(period: period, periodIndex: index, end: end, firstReview: firstReview)
        }
    }

    /// Care plan (reg 4): before the first placement of `period` or within 10 working days of its
    /// start; one for each period of care, and one for a whole series of short breaks.
    mutating func deriveCarePlan(_ period: PeriodOfCare, plans: ArraySlice<EventRef>, end: CivilDate?, endReason: String) {
        let firstPlacement = period.placements.min { $0.start < $1.start }?.start ?? period.start
        let (due, provisional) = facts.nationalWorkingDays(p.carePlanWD, after: firstPlacement)
        single(.carePlan, id: "\(RuleID.carePlan):\(period.id)", startedBy: EventRef(.periodOfCare, period.id, period.start),
               due: due, provisional: provisional, metBy: plans.first, end: end, endReason: endReason)
    }

    /// Permanence plan by the Nth review: due on the date that review was held or, while it has
    /// not been, the date it is due (projected from the reviews so far).
    private mutating func derivePermanencePlan(period: PeriodOfCare, entered: EventRef, end: CivilDate?,
                                               reviews: ArraySlice<EventRef>, chain: ChainResult,
                                               plans: ArraySlice<EventRef>) {
        let target = p.permanencePlanByReview
        var due: CivilDate
        if chain.met >= target {
            due = reviews[reviews.startIndex + target - 1].date
        } else {
            due = chain.pendingDue ?? period.start
            var sequence = chain.met + 1
            while sequence < target {
                sequence += 1
                due = due.adding(months: sequence == 2 ? p.claSecondReviewMonths : p.claReviewMonths)
            }
        }
        single(.permanencePlan, id: "\(RuleID.permanencePlan):\(period.id)", startedBy: entered, due: due,
               metBy: plans.first, end: end, endReason: "child left care")
    }

    /// PEP initiated within 20 working days (from the later of entering care and the age PEPs
    /// start), then reviewed termly.
    private mutating func derivePEP(period: PeriodOfCare, entered: EventRef, end: CivilDate?, peps: ArraySlice<EventRef>) {
        var start = period.start
        var startedBy = entered
        if let born = journey.dateOfBirth {
            let fromAge = born.birthday(age: p.pepFromAge)
            if fromAge > start {
                if let end, fromAge > end { return }
                start = fromAge
                startedBy = EventRef(.eligibility, "birthday \(p.pepFromAge)", fromAge)
            }
        }
        let (due, provisional) = facts.nationalWorkingDays(p.pepInitialWD, after: start)
        let months = p.pepReviewMonths
        chain(id: "pep:\(period.id)", first: Link(rule: .pepInitial, due: due, provisional: provisional),
              startedBy: startedBy, events: peps, end: end, endReason: "child left care") { previous, _ in
            Link(rule: .pepReview, due: previous.date.adding(months: months))
        }
    }
}

extension DerivationFacts {
    /// Review health assessment: 6 months if the child is under 5 on the date it would be due
    /// at 6 months, otherwise 12 months (the age is read on the due date, per the reference).
    func reviewHealthLink(after date: CivilDate) -> Link {
        let short = date.adding(months: p.rhaUnder5Months)
        guard let born = journey.dateOfBirth, born.age(on: short) >= p.rhaAgeThreshold else {
            return Link(rule: .reviewHealthAssessment, due: short)
        }
        return Link(rule: .reviewHealthAssessment, due: date.adding(months: p.rhaFrom5Months))
    }
}
