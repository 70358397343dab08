extension DerivationContext {
    /// For each placement of a period: its placement plan (5 working days), and visits within a
    /// week of the start, then at the interval regulation 28 sets for the placement on the day of
    /// the previous visit, chained from the actual visits.
    mutating func derivePlacements(period: PeriodOfCare, periodIndex: Int, end periodEnd: CivilDate?,
                                           firstReview: CivilDate?) {
        let f = facts
        for (index, placement) in period.placements.enumerated() {
            let field = "$.periodsOfCare[\(periodIndex)].placements[\(index)]"
            if !period.contains(placement.start) {
                finding(field + ".start", .reg28FirstWeek,
                        "placement \(placement.id) starts (\(placement.start)) outside its period of care (\(period.start) to \(period.end?.iso ?? "open")); visits are still derived for it")
            }
            let placementEnd = validEnd(placement.end, after: placement.start, field: field + ".end",
                                        rule: .reg28FirstWeek, what: "placement \(placement.id)")
            let end = earliest(placementEnd, periodEnd)
            let reason = placementEnd != nil && placementEnd == end ? "placement ended" : "child left care"
            let approval = journey.temporaryApprovals.first { $0.placementID == placement.id }
            let started = EventRef(.placement, placement.id, placement.start)

            let (planDue, planProvisional) = facts.nationalWorkingDays(p.placementPlanWD, after: placement.start)
            single(.placementPlan, id: "\(RuleID.placementPlan):\(placement.id)", startedBy: started, due: planDue,
                   provisional: planProvisional, metBy: placement.placementPlan.map { EventRef(.placementPlan, placement.id, $0) },
                   end: end, endReason: reason)

            // Reg 28(5): a care order made while the child already lives with a parent (after an
            // interim order, say) needs a visit within a week of the order, whatever the rhythm.
            if placement.isWithParents {
                for order in careOrdersMade(in: period) where placement.start < order && end.map({ order <= $0 }) ?? true {
                    single(.reg28CareOrderAtHome, id: "\(RuleID.reg28CareOrderAtHome):\(placement.id)@\(order)",
                           startedBy: EventRef(.legalStatus, "\(period.id):C2", order), due: order.adding(days: p.reg28FirstVisitDays),
                           metBy: seenVisits.from(order).first, end: end, endReason: reason)
                }
            }

            chain(id: "cla.visit:\(placement.id)",
                  first: Link(rule: .reg28FirstWeek, due: placement.start.adding(days: p.reg28FirstVisitDays)),
                  startedBy: started, events: seenVisits.from(placement.start),
                  end: end, endReason: reason) { previous, _ in
                let regime = f.visitRegime(placement, period: period, approval: approval, on: previous.date)
                return f.regulation28Link(regime, placement: placement, after: previous.date, firstReview: firstReview)
            }
        }
    }
}

extension DerivationContext {
    /// The days a full care order (legal status C2) was made during a period: each change to C2
    /// from another status.
    func careOrdersMade(in period: PeriodOfCare) -> [CivilDate] {
        let statuses = period.legalStatuses.sortedIfNeeded { $0.date < $1.date }
        return zip([nil] + statuses.map(\.code), statuses).compactMap { previous, change in
            change.code == "C2" && previous != "C2" ? change.date : nil
        }
    }
}

extension DerivationFacts {
    /// How regulation 28 says a placement must be visited on a given day.
    enum VisitRegime {
        /// Reg 28(2): the general case.
        case general
        /// Reg 28(3): placed with parents (reg 19) before assessment is complete.
        case withParents
        /// Reg 28(4): connected person with temporary approval, or interim care order at home.
        case connectedOrInterimAtHome
        /// Reg 28(5): care order with the child living with a parent.
        case careOrderAtHome
    }

    func visitRegime(_ placement: Placement, period: PeriodOfCare, approval: TemporaryApproval?, on date: CivilDate) -> VisitRegime {
        if let approval, approval.start <= date, approval.approved.map({ date < $0 }) ?? true,
           approval.ended.map({ date < $0 }) ?? true {
            return .connectedOrInterimAtHome
        }
        guard placement.isWithParents else { return .general }
        let status = period.legalStatuses.last { $0.date <= date }?.code
        switch status {
        case "C1": return .connectedOrInterimAtHome
        case "C2": return .careOrderAtHome
        default: return .withParents
        }
    }

    func regulation28Link(_ regime: VisitRegime, placement: Placement, after date: CivilDate, firstReview: CivilDate?) -> Link {
        let reviewed = firstReview.map { $0 <= date } ?? false
        switch regime {
        case .connectedOrInterimAtHome:
            return reviewed ? Link(rule: .reg28Connected, due: date.adding(days: p.reg28ConnectedDays))
                : Link(rule: .reg28WeeklyUntilReview, due: date.adding(days: p.reg28WeeklyDays))
        case .withParents:
            return reviewed ? Link(rule: .reg28WithParents, due: date.adding(days: p.reg28WithParentsDays))
                : Link(rule: .reg28WeeklyUntilReview, due: date.adding(days: p.reg28WeeklyDays))
        case .careOrderAtHome:
            return Link(rule: .reg28WithParents, due: date.adding(days: p.reg28WithParentsDays))
        case .general:
            let anniversary = placement.start.adding(years: 1)
            let firstYearDue = date.adding(days: p.reg28FirstYearDays)
            let inFirstYear = switch p.reg28Boundary {
            case .previousVisit: date < anniversary
            case .dueDate: firstYearDue < anniversary
            }
            if inFirstYear { return Link(rule: .reg28FirstYear, due: firstYearDue) }
            if placement.sixMonthlyVisitsAgreed == true {
                return Link(rule: .reg28LongTermFoster, due: date.adding(months: p.reg28LongTermFosterMonths))
            }
            if placement.intendedUntil18 == true {
                return Link(rule: .reg28LongTerm, due: date.adding(months: p.reg28LongTermMonths))
            }
            return Link(rule: .reg28Other, due: date.adding(days: p.reg28OtherDays))
        }
    }
}
