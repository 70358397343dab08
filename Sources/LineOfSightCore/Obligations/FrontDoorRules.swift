extension DerivationContext {
    /// Referral decision (1 working day) and assessment (45 working days from referral).
    mutating func deriveFrontDoor() {
        let referrals = journey.referrals.sortedIfNeeded { ($0.received, $0.id) < ($1.received, $1.id) }
        let assessments = journey.assessments.sortedIfNeeded { ($0.start, $0.id) < ($1.start, $1.id) }
        var used = Set<String>()

        for (position, referral) in referrals.enumerated() {
            let received = EventRef(.referral, referral.id, referral.received)
            let (decisionDue, decisionProvisional) = facts.nationalWorkingDays(p.referralDecisionWD, after: referral.received)
            add(.referralDecision, id: "\(RuleID.referralDecision):\(referral.id)", startedBy: received, due: decisionDue,
                provisional: decisionProvisional, metBy: referral.decided.map { EventRef(.referral, referral.id, $0) })

            guard referral.noFurtherAction != true else { continue }
            // The assessment answering this referral: linked by id, else the first unlinked one
            // started on or after it and before the next referral.
            let nextReceived = position + 1 < referrals.count ? referrals[position + 1].received : nil
            let answer = assessments.first { $0.referralID == referral.id }
                ?? assessments.first { candidate in
                    candidate.referralID == nil && !used.contains(candidate.id) && candidate.start >= referral.received
                        && (nextReceived.map { candidate.start < $0 } ?? true)
                }
            if let answer { used.insert(answer.id) }
            let (due, provisional) = facts.nationalWorkingDays(p.assessmentWD, after: referral.received)
            add(.assessment, id: "\(RuleID.assessment):\(referral.id)", startedBy: received, due: due,
                provisional: provisional, metBy: answer.flatMap { a in a.authorised.map { EventRef(.assessment, a.id, $0) } })
        }

        // Assessments no referral accounts for: the clock starts at the assessment itself.
        for assessment in assessments where !used.contains(assessment.id) {
            let field = "$.assessments[\(journey.assessments.firstIndex { $0.id == assessment.id } ?? 0)]"
            if let linked = assessment.referralID {
                if referrals.contains(where: { $0.id == linked }) { continue }  // another assessment of the same referral
                finding(field + ".referralID", .assessment, "assessment \(assessment.id) names referral \(linked), which is not in the journey; the clock starts at the assessment's start")
            } else {
                finding(field + ".start", .assessment, "assessment \(assessment.id) has no referral received on or before its start; the clock starts at the assessment's start")
            }
            let (due, provisional) = facts.nationalWorkingDays(p.assessmentWD, after: assessment.start)
            add(.assessment, id: "\(RuleID.assessment):\(assessment.id)",
                startedBy: EventRef(.assessment, assessment.id, assessment.start), due: due, provisional: provisional,
                metBy: assessment.authorised.map { EventRef(.assessment, assessment.id, $0) })
        }
    }
}
