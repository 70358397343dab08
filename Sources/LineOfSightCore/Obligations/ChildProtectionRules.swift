extension DerivationContext {
    /// ICPC, review conferences, core groups and CP visits.
    mutating func deriveChildProtection() {
        deriveInitialConferences()
        let reviews = journey.conferences.filter { $0.kind == .review }
            .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { EventRef(.conference, $0.id, $0.date) }
        let coreGroups = journey.coreGroups.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { EventRef(.coreGroup, $0.id, $0.date) }
        let cpVisits = p.cpVisitRequiresSeenAlone
            ? journey.visits.filter { $0.seenAlone == true }
                .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }.map { EventRef(.visit, $0.id, $0.date) }
            : seenVisits

        let f = facts
        for (index, plan) in journey.cpPlans.enumerated() {
            let end = validEnd(plan.end, after: plan.start, field: "$.cpPlans[\(index)].end", rule: .cpVisit, what: "CP plan \(plan.id)")
            let reason = "CP plan ended"
            // The plan starts at the initial conference that made it.
            let icpc = journey.conferences.first { $0.kind == .initial && $0.date == plan.start }
            let started = icpc.map { EventRef(.conference, $0.id, $0.date) } ?? EventRef(.cpPlan, plan.id, plan.start)

            chain(id: "cp.review:\(plan.id)", first: Link(rule: .cpFirstReview, due: plan.start.adding(months: p.cpFirstReviewMonths)),
                  startedBy: started, events: reviews.from(plan.start.adding(days: 1)), end: end, endReason: reason) { previous, _ in
                Link(rule: .cpReview, due: previous.date.adding(months: f.p.cpReviewMonths))
            }

            let (coreDue, coreProvisional) = facts.nationalWorkingDays(p.firstCoreGroupWD, after: plan.start)
            chain(id: "cp.core_group:\(plan.id)", first: Link(rule: .cpFirstCoreGroup, due: coreDue, provisional: coreProvisional),
                  startedBy: started, events: coreGroups.from(plan.start), end: end, endReason: reason) { previous, _ in
                Link(rule: .cpCoreGroup, due: previous.date.adding(days: f.p.coreGroupIntervalDays))
            }

            chain(id: "cp.visit:\(plan.id)", first: f.localVisitLink(.cpVisit, p.cpVisitWD, after: plan.start),
                  startedBy: started, events: cpVisits.from(plan.start), end: end, endReason: reason,
                  restart: p.lateLocalVisitRestart) { previous, _ in
                f.localVisitLink(.cpVisit, f.p.cpVisitWD, after: previous.date)
            }
        }
    }

    /// CIN visits while a child-in-need plan is open.
    mutating func deriveChildInNeed() {
        let f = facts
        for (index, plan) in journey.cinPlans.enumerated() {
            let end = validEnd(plan.end, after: plan.start, field: "$.cinPlans[\(index)].end", rule: .cinVisit, what: "CIN plan \(plan.id)")
            chain(id: "cin.visit:\(plan.id)", first: f.localVisitLink(.cinVisit, p.cinVisitWD, after: plan.start),
                  startedBy: EventRef(.cinPlan, plan.id, plan.start), events: seenVisits.from(plan.start),
                  end: end, endReason: "CIN plan ended", restart: p.lateLocalVisitRestart) { previous, _ in
                f.localVisitLink(.cinVisit, f.p.cinVisitWD, after: previous.date)
            }
        }
    }

    /// ICPC within 15 working days of the last strategy discussion at which s47 enquiries were
    /// initiated before it. Each initial conference closes the discussions before it.
    private mutating func deriveInitialConferences() {
        let discussions = journey.strategyDiscussions.filter(\.s47Initiated)
            .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        let conferences = journey.conferences.filter { $0.kind == .initial }
            .sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        var next = 0
        var previousConference: CivilDate?
        for conference in conferences {
            var starter: StrategyDiscussion?
            while next < discussions.count, discussions[next].date <= conference.date {
                if previousConference.map({ discussions[next].date > $0 }) ?? true { starter = discussions[next] }
                next += 1
            }
            previousConference = conference.date
            guard let starter else {
                let index = journey.conferences.firstIndex { $0.id == conference.id } ?? 0
                finding("$.conferences[\(index)].date", .icpc,
                        "initial conference \(conference.id) on \(conference.date) has no strategy discussion initiating s47 enquiries on or before it")
                continue
            }
            let (due, provisional) = facts.nationalWorkingDays(p.icpcWD, after: starter.date)
            add(.icpc, id: "\(RuleID.icpc):\(starter.id)", startedBy: EventRef(.strategyDiscussion, starter.id, starter.date),
                due: due, provisional: provisional, metBy: EventRef(.conference, conference.id, conference.date))
        }
        // Discussions after the last conference: one conference is due, from the last of them,
        // unless the s47 enquiry concluded that none is needed.
        guard next < discussions.count, let starter = discussions.last else { return }
        let (due, provisional) = facts.nationalWorkingDays(p.icpcWD, after: starter.date)
        let concluded = journey.s47Enquiries.first { enquiry in
            enquiry.conferenceRequired == false
                && (enquiry.strategyDiscussionID == starter.id || (enquiry.strategyDiscussionID == nil && enquiry.start >= starter.date))
        }
        add(.icpc, id: "\(RuleID.icpc):\(starter.id)", startedBy: EventRef(.strategyDiscussion, starter.id, starter.date),
            due: due, provisional: provisional, metBy: nil,
            notApplicable: concluded.map { NotApplicable(reason: "s47 enquiry concluded that no conference is needed", since: $0.end ?? $0.start) })
    }

    /// An end date, or nil (with a finding) when it is before the start: the record is then
    /// treated as still open, so its obligations stay visible until the date is corrected.
    mutating func validEnd(_ end: CivilDate?, after start: CivilDate, field: String, rule: RuleID?, what: String) -> CivilDate? {
        guard let end else { return nil }
        guard end >= start else {
            finding(field, rule, "\(what) ends (\(end)) before it starts (\(start)); treated as still open")
            return nil
        }
        return end
    }
}

extension DerivationFacts {
    func localVisitLink(_ rule: RuleID, _ days: Int, after date: CivilDate) -> Link {
        let (due, provisional) = localWorkingDays(days, after: date)
        return Link(rule: rule, due: due, provisional: provisional)
    }
}
