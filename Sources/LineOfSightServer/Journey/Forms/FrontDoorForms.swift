import LineOfSightCore

enum FrontDoorForms {
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
                  roles: Role.allocators, pending: "decided"),
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
                  roles: Role.allocators, pending: "authorised"),
    ])
}
