extension DerivationContext {
    /// Contact decision and telling the referrer (local standards), referral decision (1 working
    /// day) and assessment (45 working days from referral).
    mutating func deriveFrontDoor() {
        let contacts = journey.contacts.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        for contact in contacts {
            let (due, provisional) = facts.localWorkingDays(p.contactDecisionWD, after: contact.date)
            add(.contactDecision, id: "\(RuleID.contactDecision):\(contact.id)", startedBy: EventRef(.contact, contact.id, contact.date),
                due: due, provisional: provisional, metBy: contact.decided.map { EventRef(.contact, contact.id, $0) })
            guard let decided = contact.decided, contact.hasReferrerToTell else { continue }
            let (toldBy, toldProvisional) = facts.localWorkingDays(p.referrerFeedbackWD, after: decided)
            add(.referrerFeedback, id: "\(RuleID.referrerFeedback):\(contact.id)", startedBy: EventRef(.contact, contact.id, decided),
                due: toldBy, provisional: toldProvisional, metBy: contact.referrerInformed.map { EventRef(.contact, contact.id, $0) })
        }
        let referrals = journey.referrals.sortedIfNeeded { ($0.received, $0.id) < ($1.received, $1.id) }
        for referral in referrals {
            let (decisionDue, decisionProvisional) = facts.nationalWorkingDays(p.referralDecisionWD, after: referral.received)
            add(.referralDecision, id: "\(RuleID.referralDecision):\(referral.id)",
                startedBy: EventRef(.referral, referral.id, referral.received), due: decisionDue,
                provisional: decisionProvisional, metBy: referral.decided.map { EventRef(.referral, referral.id, $0) })
        }
        deriveAssessments()
    }

    /// One assessment obligation per assessment, its clock started by the referral it answers
    /// (`Journey.referral(answering:)`), or by its own start when it answers none; and one, still
    /// open, for each referral not marked no further action that no assessment answers yet.
    ///
    /// The first assessment answering a referral keeps the id the referral's open obligation had
    /// (`assessment.completion:R1`), so recording the assessment meets that obligation; a further
    /// assessment of the same referral is `assessment.completion:R1/A2`.
    mutating func deriveAssessments() {
        let order = Array(journey.assessments.indices).sortedIfNeeded {
            (journey.assessments[$0].start, journey.assessments[$0].id) < (journey.assessments[$1].start, journey.assessments[$1].id)
        }
        var answered = Set<String>()
        for index in order {
            let assessment = journey.assessments[index]
            let field = "$.assessments[\(index)]"
            let metBy = assessment.authorised.map { EventRef(.assessment, assessment.id, $0) }
            guard let referral = journey.referral(answering: assessment) else {
                if let linked = assessment.referralID {
                    finding(field + ".referralID", .assessment, "assessment \(assessment.id) names referral \(linked), which is not in the journey; the clock starts at the assessment's start")
                } else {
                    finding(field + ".start", .assessment, "assessment \(assessment.id) has no referral received on or before its start; the clock starts at the assessment's start")
                }
                let (due, provisional) = facts.assessmentDue(after: assessment.start)
                add(.assessment, id: "\(RuleID.assessment):\(assessment.id)",
                    startedBy: EventRef(.assessment, assessment.id, assessment.start), due: due, provisional: provisional, metBy: metBy)
                continue
            }
            if referral.noFurtherAction == true {
                finding(field, .assessment, "assessment \(assessment.id) answers referral \(referral.id), which was marked no further action; the clock starts at that referral")
            }
            let (due, provisional) = facts.assessmentDue(after: referral.received)
            let anchor = answered.insert(referral.id).inserted ? referral.id : "\(referral.id)/\(assessment.id)"
            add(.assessment, id: "\(RuleID.assessment):\(anchor)", startedBy: EventRef(.referral, referral.id, referral.received),
                due: due, provisional: provisional, metBy: metBy)
        }

        let referrals = journey.referrals.sortedIfNeeded { ($0.received, $0.id) < ($1.received, $1.id) }
        for referral in referrals where referral.noFurtherAction != true && !answered.contains(referral.id) {
            let (due, provisional) = facts.assessmentDue(after: referral.received)
            add(.assessment, id: "\(RuleID.assessment):\(referral.id)", startedBy: EventRef(.referral, referral.id, referral.received),
                due: due, provisional: provisional, metBy: nil)
        }
    }
}

extension DerivationFacts {
    /// Rule `assessment.completion`: the due date 45 working days (national calendar) after the
    /// clock starts. The timeliness measure counts its second definition (from the assessment's
    /// start) with this too.
    func assessmentDue(after start: CivilDate) -> (CivilDate, Bool) {
        nationalWorkingDays(p.assessmentWD, after: start)
    }
}
