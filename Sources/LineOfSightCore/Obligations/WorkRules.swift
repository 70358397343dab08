extension DerivationContext {
    /// LADO targets: resolved within 1, 3 and 12 months of referral, keyed on the allegation.
    mutating func deriveAllegations() {
        for allegation in journey.allegations {
            let subject = Subject(.allegation, allegation.id)
            let started = EventRef(.allegation, allegation.id, allegation.referred)
            let met = allegation.concluded.map { EventRef(.allegation, allegation.id, $0) }
            let officer = WhoIsResponsible.named(allegation.officerID.map { Responsibility(teamID: nil, workerID: $0) })
            for (rule, months) in [(RuleID.ladoOneMonth, p.ladoFirstMonths), (.ladoThreeMonths, p.ladoSecondMonths),
                                   (.ladoTwelveMonths, p.ladoFinalMonths)] {
                add(rule, id: "\(rule):\(allegation.id)", subject: subject, startedBy: started,
                    due: allegation.referred.adding(months: months), metBy: met, responsible: officer)
            }
        }
    }

    /// Transfer accepted by the receiving team (not applicable once it rejects it), then its first
    /// visit (local standards).
    mutating func deriveTransfers() {
        for transfer in journey.transfers {
            let requested = EventRef(.transfer, transfer.id, transfer.requested)
            let (acceptDue, acceptProvisional) = facts.localWorkingDays(p.transferAcceptanceWD, after: transfer.requested)
            add(.transferAcceptance, id: "\(RuleID.transferAcceptance):\(transfer.id)", startedBy: requested,
                due: acceptDue, provisional: acceptProvisional,
                metBy: transfer.accepted.map { EventRef(.transfer, transfer.id, $0) },
                notApplicable: transfer.rejected.map { NotApplicable(reason: "transfer rejected by the receiving team", since: $0) },
                responsible: .named(Responsibility(teamID: transfer.toTeam, workerID: nil)))

            guard let accepted = transfer.accepted else { continue }
            let (visitDue, visitProvisional) = facts.localWorkingDays(p.transferFirstVisitWD, after: accepted)
            let visit = journey.visits
                .filter { visit in
                    visit.date >= accepted && !(p.visitRequiresChildSeen && visit.seen == false)
                        && (visit.teamID ?? facts.allocation(on: visit.date)?.teamID) == transfer.toTeam
                }
                .min { ($0.date, $0.id) < ($1.date, $1.id) }
            add(.transferFirstVisit, id: "\(RuleID.transferFirstVisit):\(transfer.id)",
                startedBy: EventRef(.transfer, transfer.id, accepted), due: visitDue, provisional: visitProvisional,
                metBy: visit.map { EventRef(.visit, $0.id, $0.date) })
        }
    }

    /// Actions: due on their own date, the owner responsible.
    mutating func deriveActions() {
        for action in journey.actions {
            let owner: WhoIsResponsible = action.ownerID == nil && action.teamID == nil
                ? .allocation : .named(Responsibility(teamID: action.teamID, workerID: action.ownerID))
            add(.action, id: "\(RuleID.action):\(action.id)", startedBy: EventRef(.action, action.id, action.raised ?? action.due),
                due: action.due, metBy: action.done.map { EventRef(.action, action.id, $0) },
                notApplicable: action.cancelled.map { NotApplicable(reason: "action cancelled", since: $0) },
                responsible: owner)
        }
    }
}
