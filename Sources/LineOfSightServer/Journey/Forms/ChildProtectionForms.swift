import LineOfSightCore

enum ChildProtectionForms {
    static let strategyDiscussion = EventForm(list: .strategyDiscussions, name: "strategy discussion", title: "Strategy discussion", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the strategy discussion", input: .date, required: "Enter the date of the strategy discussion"),
        EventField(key: "agencies", label: "Agencies taking part", hint: "Select all that apply", input: .checkboxes([
            .init(StrategyDiscussionRecord.Agency.socialCare.rawValue, "Children’s social care"),
            .init(StrategyDiscussionRecord.Agency.police.rawValue, "Police"),
            .init(StrategyDiscussionRecord.Agency.health.rawValue, "Health"),
            .init(StrategyDiscussionRecord.Agency.education.rawValue, "Education"),
            .init(StrategyDiscussionRecord.Agency.other.rawValue, "Another agency"),
        ]), required: "Select the agencies taking part"),
        EventField(key: "s47Initiated", label: "Were section 47 enquiries started?", hint: "If yes, an initial child protection conference becomes due", input: .yesNo,
                   required: "Select yes if section 47 enquiries were started"),
        EventField(key: "rationale", label: "Why this was decided", input: .notes),
    ])

    static let s47Enquiry = EventForm(list: .s47Enquiries, name: "section 47 enquiry", title: "Section 47 enquiry", dateKey: "start", fields: [
        EventField(key: "strategyDiscussionID", label: "The strategy discussion that started it", input: .event([.strategyDiscussions])),
        EventField(key: "start", label: "Start date", input: .date, required: "Enter the start date"),
        EventField(key: "end", label: "End date", hint: "Leave empty while the enquiry is open", input: .date),
        EventField(key: "conferenceRequired", label: "Is an initial child protection conference needed?", input: .yesNo),
        EventField(key: "outcome", label: "What the enquiry found", input: .notes),
    ])

    static let conference = EventForm(list: .conferences, name: "child protection conference", title: "Child protection conference", dateKey: "date", fields: [
        EventField(key: "kind", label: "Type of conference", input: .choice([
            .init(Conference.Kind.initial.rawValue, "Initial conference"), .init(Conference.Kind.review.rawValue, "Review conference"),
        ]), required: "Select the type of conference"),
        EventField(key: "date", label: "Date of the conference", input: .date, required: "Enter the date of the conference"),
        EventField(key: "planNeeded", label: "Does the child need a child protection plan?", input: .yesNo,
                   required: "Select yes if the child needs a child protection plan"),
        EventField(key: "category", label: "Category of abuse", input: .choice(categories), shownWhen: ("planNeeded", "yes")),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
        EventField(key: "decisionNotes", label: "The conference’s decision and reasons", input: .notes),
    ])

    static let cpPlan = EventForm(list: .cpPlans, name: "child protection plan", title: "Child protection plan", dateKey: "start", fields: [
        EventField(key: "start", label: "Start date", hint: "The date of the conference that made the plan", input: .date, required: "Enter the start date"),
        EventField(key: "end", label: "End date", hint: "Leave empty while the plan is in force", input: .date),
        EventField(key: "category", label: "Category of abuse", input: .choice(categories)),
        EventField(key: "outcomes", label: "What the plan must achieve", input: .notes),
        EventField(key: "contingency", label: "Contingency plan", hint: "What will happen if the plan does not work", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let coreGroup = EventForm(list: .coreGroups, name: "core group meeting", title: "Core group meeting", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the meeting", input: .date, required: "Enter the date of the meeting"),
        EventField(key: "notes", label: "What was discussed and agreed", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let cinPlan = EventForm(list: .cinPlans, name: "child in need plan", title: "Child in need plan", dateKey: "start", fields: [
        EventField(key: "start", label: "Start date", input: .date, required: "Enter the start date"),
        EventField(key: "end", label: "End date", hint: "Leave empty while the plan is in force", input: .date),
        EventField(key: "outcomes", label: "What the plan must achieve", input: .notes),
        EventField(key: "contingency", label: "Contingency plan", hint: "What will happen if the plan does not work", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let categories: [EventField.Option] = [
        .init(AbuseCategory.neglect.rawValue, "Neglect"), .init(AbuseCategory.physical.rawValue, "Physical abuse"),
        .init(AbuseCategory.sexual.rawValue, "Sexual abuse"), .init(AbuseCategory.emotional.rawValue, "Emotional abuse"),
        .init(AbuseCategory.multiple.rawValue, "Multiple categories"),
    ]
}
