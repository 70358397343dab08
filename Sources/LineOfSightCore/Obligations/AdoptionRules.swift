extension DerivationContext {
    /// Adoption Agencies Regulations 2005 reg 36: reviews while authorised to place, reviews and
    /// visits after placement.
    mutating func deriveAdoption() {
        guard let adoption = journey.adoption else { return }
        let p = facts.p
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
