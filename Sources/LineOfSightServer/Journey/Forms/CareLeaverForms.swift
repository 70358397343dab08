import LineOfSightCore

/// A care leaver's needs assessment, pathway plan, personal adviser, keeping in touch and staying
/// put; the codes are the SSDA903 care leaver (OC3) codes.
enum CareLeaverForms {
    static let needsAssessment = EventForm(list: .needsAssessments, name: "needs assessment", title: "Needs assessment", dateKey: "date", fields: [
        EventField(key: "date", label: "Date the assessment was completed", input: .date, required: "Enter the date the assessment was completed"),
        EventField(key: "summary", label: "What the young person needs", input: .notes),
        EventField(key: "childsViews", label: "The young person’s views, wishes and feelings", input: .notes),
    ])

    static let pathwayPlan = EventForm(list: .pathwayPlans, name: "pathway plan", title: "Pathway plan", dateKey: "date", fields: [
        EventField(key: "kind", label: "Is this the plan or a review of it?", input: .choice([
            .init(PathwayPlanRecord.Kind.plan.rawValue, "The pathway plan"), .init(PathwayPlanRecord.Kind.review.rawValue, "A review of the plan"),
        ]), required: "Select whether this is the plan or a review"),
        EventField(key: "date", label: "Date of the plan or review", input: .date, required: "Enter the date of the plan or review"),
        EventField(key: "adviserID", label: "Personal adviser", input: .staff),
        EventField(key: "summary", label: "The plan", hint: "Accommodation, education and work, health, money, relationships and support", input: .notes),
        EventField(key: "childsViews", label: "The young person’s views, wishes and feelings", input: .notes),
    ])

    static let personalAdviser = EventForm(list: .personalAdvisers, name: "personal adviser", title: "Personal adviser appointed", dateKey: "date", fields: [
        EventField(key: "adviserID", label: "Personal adviser", input: .staff, required: "Select the personal adviser"),
        EventField(key: "date", label: "Date they were appointed", input: .date, required: "Enter the date they were appointed"),
        EventField(key: "notes", label: "Notes", input: .notes),
    ])

    static let contact = EventForm(list: .careLeaverContacts, name: "keeping in touch with a care leaver", title: "Keeping in touch", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the contact", input: .date, required: "Enter the date of the contact"),
        EventField(key: "inTouch", label: "Is the young person in touch?", input: .choice(EventField.options(CareLeaverCodes.inTouch)),
                   required: "Select whether the young person is in touch"),
        EventField(key: "accommodation", label: "Where they live", input: .select(EventField.options(CareLeaverCodes.accommodation))),
        EventField(key: "accommodationSuitable", label: "Is it suitable?", input: .yesNo),
        EventField(key: "activity", label: "What they do", input: .select(EventField.options(CareLeaverCodes.activities))),
        EventField(key: "notes", label: "Notes", input: .notes),
        EventField(key: "childsViews", label: "The young person’s views, wishes and feelings", input: .notes),
    ])

    static let stayingPut = EventForm(list: .stayingPut, name: "staying put arrangement", title: "Staying put", dateKey: "start", fields: [
        EventField(key: "start", label: "Date the arrangement started", input: .date, required: "Enter the date the arrangement started"),
        EventField(key: "end", label: "Date it ended", hint: "Leave empty while it continues", input: .date),
        EventField(key: "carers", label: "Former foster carers", input: .text),
        EventField(key: "notes", label: "Notes", input: .notes),
    ])
}
