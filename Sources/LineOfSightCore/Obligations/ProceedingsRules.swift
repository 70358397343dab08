extension DerivationContext {
    /// Care proceedings (26 weeks beginning with issue, plus extensions), pre-proceedings, and
    /// connected-person temporary approval (16 weeks plus one extension) with the full assessment
    /// that must conclude within it.
    mutating func deriveProceedings() {
        for (index, proceedings) in journey.careProceedings.enumerated() {
            let field = "$.careProceedings[\(index)]"
            var due = proceedings.issued.lastDayOfWeeksBeginningHere(p.proceedingsLimitWeeks)
            for (number, granted) in proceedings.extensions.enumerated() {
                due = due.adding(weeks: cappedWeeks(granted.weeks, max: p.proceedingsMaxExtensionWeeks,
                                                    field: "\(field).extensions[\(number)].weeks", rule: .careProceedings))
            }
            var concluded = proceedings.concluded
            if let date = concluded, date < proceedings.issued {
                finding(field + ".concluded", .careProceedings,
                        "proceedings \(proceedings.id) concluded (\(date)) before they were issued (\(proceedings.issued)); treated as not concluded")
                concluded = nil
            }
            add(.careProceedings, id: "\(RuleID.careProceedings):\(proceedings.id)",
                startedBy: EventRef(.careProceedings, proceedings.id, proceedings.issued), due: due,
                metBy: concluded.map { EventRef(.careProceedings, proceedings.id, $0) })
        }

        for (index, pre) in journey.preProceedings.enumerated() {
            let end = validEnd(pre.end, after: pre.start, field: "$.preProceedings[\(index)].end",
                               rule: .preProceedings, what: "pre-proceedings \(pre.id)")
            let started = EventRef(.preProceedings, pre.id, pre.start)
            add(.preProceedings, id: "\(RuleID.preProceedings):\(pre.id)",
                startedBy: started, due: pre.start.adding(weeks: p.preProceedingsWeeks),
                metBy: end.map { EventRef(.preProceedings, pre.id, $0) })
            // Reviewed at the council's interval from the letter, then from each review held, while they run.
            let weeks = p.ploReviewWeeks
            chain(id: "\(RuleID.ploReview):\(pre.id)", first: Link(rule: .ploReview, due: pre.start.adding(weeks: weeks)), startedBy: started,
                  events: facts.dated(pre.reviews, .ploReview)[...], end: end, endReason: "pre-proceedings ended") { from, _ in
                Link(rule: .ploReview, due: from.date.adding(weeks: weeks))
            }
        }

        for (index, approval) in journey.temporaryApprovals.enumerated() {
            let field = "$.temporaryApprovals[\(index)]"
            // Regulation 25 extends an approval "likely to expire": only while it is current, so an
            // extension granted after the initial expiry (the due date) cannot revive it.
            let expiry = approval.start.adding(weeks: p.temporaryApprovalWeeks)
            var due = expiry
            if let granted = approval.extensions.first {
                if granted.granted <= expiry {
                    due = due.adding(weeks: cappedWeeks(granted.weeks, max: p.temporaryApprovalMaxExtensionWeeks,
                                                        field: field + ".extensions[0].weeks", rule: .temporaryApproval))
                } else {
                    finding(field + ".extensions[0].granted", .temporaryApproval,
                            "temporary approval \(approval.id) was extended on \(granted.granted), after it expired on \(expiry); regulation 25 allows an extension only while the approval is current, so it is not counted")
                }
            }
            if approval.extensions.count > 1 {
                finding(field + ".extensions[1]", .temporaryApproval,
                        "temporary approval \(approval.id) has \(approval.extensions.count) extensions; regulation 25 allows one, so only the first is counted")
            }
            // The arrangement ends with the approval record's end, or with the placement.
            let placementEnd = approval.placementID.flatMap { id in
                journey.periodsOfCare.lazy.flatMap(\.placements).first { $0.id == id }?.end
            }
            let startedBy = EventRef(.temporaryApproval, approval.id, approval.start)
            let approved = approval.approved.map { EventRef(.temporaryApproval, approval.id, $0) }
            single(.temporaryApproval, id: "\(RuleID.temporaryApproval):\(approval.id)", startedBy: startedBy, due: due,
                   metBy: approved, end: earliest(approval.ended, placementEnd), endReason: "temporary arrangement ended without approval")
            // The full assessment must conclude before the approval (as extended) runs out: met by
            // the panel's or agency decision whichever way it went, or by approval itself.
            let concluded = journey.permanenceMeetings
                .filter { $0.concludes == .connectedPersonAssessment && $0.date >= approval.start }
                .min { ($0.date, $0.id) < ($1.date, $1.id) }
                .map { EventRef(.permanenceDecision, $0.id, $0.date) }
            let assessed = [concluded, approved].compactMap { $0 }.min { $0.date < $1.date }
            single(.connectedPersonAssessment, id: "\(RuleID.connectedPersonAssessment):\(approval.id)", startedBy: startedBy, due: due,
                   metBy: assessed, end: earliest(approval.ended, placementEnd), endReason: "temporary arrangement ended")
        }
    }

    /// An extension's weeks, capped at the legal maximum (with a finding when it exceeds it).
    private mutating func cappedWeeks(_ weeks: Int, max: Int, field: String, rule: RuleID) -> Int {
        guard weeks > max || weeks < 0 else { return weeks }
        finding(field, rule, "an extension of \(weeks) weeks is outside the allowed 0–\(max); \(weeks < 0 ? 0 : max) counted")
        return weeks < 0 ? 0 : max
    }
}
