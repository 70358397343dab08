extension DerivationContext {
    /// Adoption Agencies Regulations 2005 reg 36: reviews while authorised to place, reviews and
    /// visits after placement.
    mutating func deriveAdoption() {
        guard let adoption = journey.adoption else { return }
        let p = facts.p
        deriveAdoptionMilestones(adoption)
        let reviews = facts.dated(journey.adoptionReviews, .adoptionReview)
        let finished = earliest(adoption.adoptionOrder, adoption.placementEnded)
        let finishedReason = adoption.adoptionOrder != nil && adoption.adoptionOrder == finished
            ? "adoption order made" : "adoptive placement ended"

        if let authority = adoption.authorityToPlace {
            let started = EventRef(.authorityToPlace, authority == adoption.consentToPlacement ? "consent" : "placementOrder", authority)
            let waitingEnd = adoption.placed ?? finished
            chain(id: "adoption.review.waiting:\(journey.childID)",
                  first: Link(rule: .adoptionFirstReview, due: authority.adding(months: p.adoptionFirstReviewMonths)),
                  startedBy: started, events: reviews.from(authority.adding(days: 1)), end: waitingEnd,
                  endReason: adoption.placed != nil ? "placed for adoption" : finishedReason) { previous, _ in
                Link(rule: .adoptionReview, due: previous.date.adding(months: p.adoptionReviewMonths))
            }
        }

        guard let placed = adoption.placed else { return }
        let started = EventRef(.adoptionPlacement, "placed", placed)
        let placedReviews = reviews.from(placed.adding(days: 1))
        let reviewChain = chain(id: "adoption.review.placed:\(journey.childID)",
                                first: Link(rule: .adoptionPlacedFirstReview, due: placed.adding(weeks: p.adoptionPlacedFirstReviewWeeks)),
                                startedBy: started, events: placedReviews, end: finished, endReason: finishedReason) { previous, sequence in
            sequence == 2 ? Link(rule: .adoptionPlacedSecondReview, due: previous.date.adding(months: p.adoptionPlacedSecondReviewMonths))
                : Link(rule: .adoptionPlacedReview, due: previous.date.adding(months: p.adoptionReviewMonths))
        }
        let firstReview = reviewChain.met > 0 ? placedReviews.first?.date : nil

        chain(id: "adoption.visit:\(journey.childID)",
              first: Link(rule: .adoptionVisitFirstWeek, due: placed.adding(days: p.adoptionVisitFirstDays)),
              startedBy: started, events: seenVisits.from(placed), end: finished, endReason: finishedReason) { previous, _ in
            if let firstReview, firstReview <= previous.date {
                return Link(rule: .adoptionVisitAfterReview, due: previous.date.adding(weeks: p.adoptionVisitAfterReviewWeeks))
            }
            return Link(rule: .adoptionVisitWeekly, due: previous.date.adding(days: p.adoptionVisitWeeklyDays))
        }
    }
}

extension DerivationContext {
    /// The milestones from recommendation to moving in: the agency decision, family finding, the
    /// match and the move, each against its standard. A plan changed away from adoption ends them.
    private mutating func deriveAdoptionMilestones(_ adoption: Adoption) {
        let id = journey.childID
        let (ended, endReason) = (adoption.placementEnded, "plan changed away from adoption")
        if let decision = adoption.agencyDecision {
            if let recommended = adoption.panelRecommendation {
                let (due, provisional) = facts.nationalWorkingDays(p.adoptionDecisionWD, after: recommended)
                add(.adoptionDecision, id: "\(RuleID.adoptionDecision):\(id)", startedBy: EventRef(.adoptionRecommendation, "adoption", recommended),
                    due: due, provisional: provisional, metBy: EventRef(.agencyDecision, "adoption", decision))
            }
            let (due, provisional) = facts.localWorkingDays(p.familyFindingWD, after: decision)
            single(.familyFinding, id: "\(RuleID.familyFinding):\(id)", startedBy: EventRef(.agencyDecision, "adoption", decision), due: due,
                   provisional: provisional, metBy: adoption.familyFindingStarted.map { EventRef(.familyFinding, "adoption", $0) },
                   end: ended, endReason: endReason)
            // The clock to moving in runs from the start of the period of care the decision was made in.
            if let period = journey.periodsOfCare.first(where: { $0.contains(decision) }) {
                let movedIn = adoption.adoptedByFosterCarer == true ? adoption.movedInWithFosterCarer ?? adoption.placed : adoption.placed
                single(.adoptionPlaced, id: "\(RuleID.adoptionPlaced):\(id)", startedBy: EventRef(.periodOfCare, period.id, period.start),
                       due: period.start.adding(days: p.adoptionPlacedDays), metBy: movedIn.map { EventRef(.adoptionPlacement, "placed", $0) },
                       end: ended, endReason: endReason)
            }
        }
        if let authority = adoption.authorityToPlace {
            single(.adoptionMatch, id: "\(RuleID.adoptionMatch):\(id)",
                   startedBy: EventRef(.authorityToPlace, authority == adoption.consentToPlacement ? "consent" : "placementOrder", authority),
                   due: authority.adding(days: p.adoptionMatchDays), metBy: adoption.matched.map { EventRef(.adoptionMatch, "adoption", $0) },
                   end: ended, endReason: endReason)
        }
    }
}
