import LineOfSightCore

enum FrontDoorForms {
    static let nextSteps: [EventField.Option] = [
        .init(ContactRecord.NextStep.noFurtherAction.rawValue, "No further action"),
        .init(ContactRecord.NextStep.advice.rawValue, "Advice and information"),
        .init(ContactRecord.NextStep.earlyHelp.rawValue, "Early help"),
        .init(ContactRecord.NextStep.referral.rawValue, "Referral to children’s social care"),
    ]

    static let contact = EventForm(list: .contacts, name: "contact", title: "Contact", dateKey: "received", fields: [
        EventField(key: "received", label: "Date the contact was received", input: .date, required: "Enter the date the contact was received"),
        EventField(key: "receivedTime", label: "Time it was received", hint: "On the 24-hour clock, for example 14:30", input: .time),
        EventField(key: "source", label: "Who made the contact", input: .select(EventField.options(ReferralSource.codes)),
                   required: "Select who made the contact"),
        EventField(key: "referrer", label: "Their name and organisation", hint: "Leave empty if the contact was anonymous", input: .text),
        EventField(key: "concerns", label: "What they are worried about", input: .notes, required: "Enter what they are worried about"),
        EventField(key: "consent", label: "Consent to share information", input: .choice([
            .init(ContactRecord.Consent.obtained.rawValue, "The family agreed"),
            .init(ContactRecord.Consent.overridden.rawValue, "Consent was overridden"),
        ])),
        EventField(key: "consentRationale", label: "Why consent was overridden", input: .notes,
                   required: "Enter why consent was overridden", shownWhen: ("consent", ContactRecord.Consent.overridden.rawValue)),
        EventField(key: "screening", label: "Recommended next step", hint: "Your recommendation after screening; a manager authorises it",
                   input: .choice(nextSteps)),
        EventField(key: "screeningNotes", label: "Screening notes", input: .notes),
        EventField(key: "decided", label: "Date a manager authorised the next step", input: .date),
        EventField(key: "outcome", label: "Next step authorised", input: .choice(nextSteps)),
        EventField(key: "decisionRationale", label: "Why this next step", input: .notes),
        EventField(key: "referrerInformed", label: "Date the person who made the contact was told the outcome", input: .date),
    ], steps: [
        EventStep(id: "decide", title: "Authorise the next step", done: "Next step for the contact authorised",
                  fields: ["decided", "outcome", "decisionRationale"],
                  required: ["decided": "Enter the date you authorised the next step", "outcome": "Select the next step you authorised",
                             "decisionRationale": "Enter why you chose this next step"],
                  roles: Role.allocators, pending: "decided"),
        EventStep(id: "told", title: "Record that they were told the outcome", done: "Recorded that they were told the outcome",
                  fields: ["referrerInformed"], required: ["referrerInformed": "Enter the date they were told the outcome"],
                  roles: Role.childEditors, pending: "referrerInformed", after: "decided",
                  unless: ("source", ReferralSource.anonymous)),
    ])

    static let referral = EventForm(list: .referrals, name: "referral", title: "Referral", dateKey: "received", fields: [
        EventField(key: "received", label: "Date the referral was received", input: .date, required: "Enter the date the referral was received"),
        EventField(key: "source", label: "Who made the referral", hint: "For example, the school, the police or a health visitor", input: .text),
        EventField(key: "concerns", label: "What the referrer is worried about", input: .notes),
        EventField(key: "decided", label: "Date the next steps were decided", hint: "Leave empty if the decision has not been made yet", input: .date),
        EventField(key: "noFurtherAction", label: "Was the decision no further action?", input: .yesNo),
        EventField(key: "decisionRationale", label: "Why this decision was made", input: .notes),
    ], steps: [
        EventStep(id: "decide", title: "Decide the next steps", done: "Decision on the referral recorded",
                  fields: ["decided", "noFurtherAction", "decisionRationale"],
                  required: ["decided": "Enter the date of the decision", "noFurtherAction": "Select yes if the decision was no further action",
                             "decisionRationale": "Enter why this decision was made"],
                  // Working Together: a social worker decides the next steps within a working day.
                  roles: Role.childEditors, pending: "decided"),
    ])

    static let assessment = EventForm(list: .assessments, name: "assessment", title: "Assessment", dateKey: "start", fields: [
        EventField(key: "referralID", label: "The referral it answers", hint: "If none is chosen, the latest referral before the start date", input: .event([.referrals])),
        EventField(key: "start", label: "Start date", input: .date, required: "Enter the start date"),
        EventField(key: "childSeen", label: "Date the child was seen", input: .date),
        EventField(key: "completed", label: "Date the assessment was completed", input: .date),
        EventField(key: "authorised", label: "Date a manager authorised it", hint: "The assessment timescale is met on this date", input: .date),
        EventField(key: "outcome", label: "Outcome", input: .choice([
            .init(AssessmentRecord.Outcome.noFurtherAction.rawValue, "No further action"),
            .init(AssessmentRecord.Outcome.earlyHelp.rawValue, "Early help"),
            .init(AssessmentRecord.Outcome.childInNeedPlan.rawValue, "Child in need plan"),
            .init(AssessmentRecord.Outcome.strategyDiscussion.rawValue, "Strategy discussion"),
            .init(AssessmentRecord.Outcome.lookedAfter.rawValue, "Became looked after"),
        ])),
        EventField(key: "analysis", label: "Analysis", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "authorise", title: "Authorise this assessment", done: "Assessment authorised",
                  fields: ["authorised", "outcome"],
                  required: ["authorised": "Enter the date you authorised the assessment", "outcome": "Select the outcome of the assessment"],
                  roles: Role.allocators, pending: "authorised", after: "completed"),
    ])
}
