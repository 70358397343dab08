extension DerivationContext {
    /// A series of short breaks (CPPCR 2010 reg 48: consecutive periods with legal status V3 or
    /// V4), which the regulations treat apart from ordinary care:
    /// - one care plan for the whole series (reg 4, as for any period; reg 48(3)(a) replaces its
    ///   contents, so there is no permanence plan, health plan or PEP to track);
    /// - reviews within 3 months of the first break, then 6-monthly (reg 48, replacing reg 33);
    /// - visits on days the child is placed, at intervals agreed with the IRO and the parents
    ///   (reg 48(3)(c), replacing reg 28(2)): local standards;
    /// - no initial health assessment (reg 48(3)(b) disapplies reg 7), no placement plans (reg 9)
    ///   and no regulation 28 visits.
    /// Returns the end of the series (nil while its last break is open).
    mutating func deriveShortBreaks(_ indices: [Int], reviews: [EventRef], carePlans: ArraySlice<EventRef>) -> CivilDate? {
        let breaks = indices.map { journey.periodsOfCare[$0] }
        var end: CivilDate?
        for (index, period) in zip(indices, breaks) {
            end = validEnd(period.end, after: period.start, field: "$.periodsOfCare[\(index)].end",
                           rule: .shortBreakFirstReview, what: "short break \(period.id)")
        }
        let first = breaks[0]
        let started = EventRef(.periodOfCare, first.id, first.start)
        let reason = "short breaks ended"
        let p = facts.p

        deriveCarePlan(first, plans: carePlans, end: end, endReason: reason)

        chain(id: "cla.review:\(first.id)",
              first: Link(rule: .shortBreakFirstReview, due: first.start.adding(months: p.shortBreakFirstReviewMonths)),
              startedBy: started, events: reviews.from(first.start), end: end, endReason: reason) { previous, _ in
            Link(rule: .shortBreakReview, due: previous.date.adding(months: p.shortBreakReviewMonths))
        }

        // Only a visit on a day of a break (or of a V4 agreement) sees the child where placed.
        let duringBreaks = seenVisits.filter { visit in breaks.contains { $0.contains(visit.date) } }
        chain(id: "cla.visit.short_breaks:\(first.id)",
              first: Link(rule: .shortBreakFirstVisit, due: first.start.adding(months: p.shortBreakFirstVisitMonths)),
              startedBy: started, events: duringBreaks[...], end: end, endReason: reason) { previous, _ in
            Link(rule: .shortBreakVisit, due: previous.date.adding(months: p.shortBreakVisitMonths))
        }
        return end
    }
}
