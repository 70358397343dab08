extension DerivationContext {
    /// Contradictions that no single rule's derivation notices on its own. Each is reported
    /// with the JSON path of the offending value; derivation carries on regardless.
    mutating func checkJourney() {
        for (index, contact) in journey.contacts.enumerated() {
            if let decided = contact.decided, decided < contact.date {
                finding("$.contacts[\(index)].decided", .contactDecision,
                        "contact \(contact.id) was decided (\(decided)) before it was received (\(contact.date))")
            }
            if contact.outcome == "referral", !journey.referrals.contains(where: { $0.received >= contact.date }) {
                finding("$.contacts[\(index)].outcome", .referralDecision,
                        "contact \(contact.id) was decided as a referral, but no referral received on or after \(contact.date) is recorded")
            }
        }
        for (index, referral) in journey.referrals.enumerated() {
            if let decided = referral.decided, decided < referral.received {
                finding("$.referrals[\(index)].decided", .referralDecision,
                        "referral \(referral.id) was decided (\(decided)) before it was received (\(referral.received))")
            }
        }
        for (index, assessment) in journey.assessments.enumerated() {
            if let authorised = assessment.authorised, authorised < assessment.start {
                finding("$.assessments[\(index)].authorised", .assessment,
                        "assessment \(assessment.id) was authorised (\(authorised)) before it started (\(assessment.start))")
            }
        }
        for (index, enquiry) in journey.s47Enquiries.enumerated() {
            if let end = enquiry.end, end < enquiry.start {
                finding("$.s47Enquiries[\(index)].end", .icpc,
                        "s47 enquiry \(enquiry.id) ends (\(end)) before it starts (\(enquiry.start))")
            }
        }
        for (index, allocation) in journey.allocations.enumerated() {
            if let end = allocation.end, end < allocation.start {
                finding("$.allocations[\(index)].end", nil,
                        "allocation to team \(allocation.teamID) ends (\(end)) before it starts (\(allocation.start))")
            }
        }
        checkPeriodsOfCare()
        if journey.dateOfBirth == nil, !journey.periodsOfCare.isEmpty {
            finding("$.dateOfBirth", .reviewHealthAssessment,
                    "date of birth missing: review health assessments assume a child under 5; PEP age and care-leaver rules cannot be derived")
        }
    }

    private mutating func checkPeriodsOfCare() {
        guard journey.periodsOfCare.count > 1 else { return }
        let order = journey.periodsOfCare.indices.sorted {
            (journey.periodsOfCare[$0].start, journey.periodsOfCare[$0].id) < (journey.periodsOfCare[$1].start, journey.periodsOfCare[$1].id)
        }
        for (earlier, later) in zip(order, order.dropFirst()) {
            let previous = journey.periodsOfCare[earlier], next = journey.periodsOfCare[later]
            if previous.end.map({ next.start <= $0 }) ?? true {
                finding("$.periodsOfCare[\(later)].start", .claFirstReview,
                        "period of care \(next.id) starts (\(next.start)) before period \(previous.id) has ended")
            }
        }
    }
}
