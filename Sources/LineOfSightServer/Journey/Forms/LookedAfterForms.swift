import LineOfSightCore

/// The forms of a looked-after child's journey. Every code is a choice from the SSDA903 list,
/// read by its meaning, so that what is recorded is what the return is built from.
enum LookedAfterForms {
    static let periodOfCare = EventForm(list: .periodsOfCare, name: "child becoming looked after", title: "Became looked after", dateKey: "start", fields: [
        EventField(key: "start", label: "Date the child became looked after", input: .date, required: "Enter the date the child became looked after"),
        EventField(key: "legalStatus", label: "Legal status", input: .select(EventField.codedOptions(LookedAfterCodes.legalStatuses)),
                   required: "Select the legal status"),
        EventField(key: "categoryOfNeed", label: "Category of need", hint: "The main reason the child needs to be looked after",
                   input: .choice(EventField.options(LookedAfterCodes.categoriesOfNeed)), required: "Select the category of need"),
    ] + placementFields + [
        EventField(key: "reason", label: "Why the child became looked after", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
        EventField(key: "end", label: "Date the child stopped being looked after", hint: "Leave empty while the child is looked after", input: .date),
        EventField(key: "endReason", label: "Why they stopped being looked after",
                   input: .select(EventField.codedOptions(LookedAfterCodes.reasonsCeased))),
    ], steps: [
        placementPlanStep,
        EventStep(id: "left-care", title: "Record that the child left care", done: "Recorded that the child left care",
                  fields: ["end", "endReason"],
                  required: ["end": "Enter the date the child stopped being looked after", "endReason": "Select why they stopped being looked after"],
                  roles: Role.childEditors, pending: "end"),
    ])

    static let placement = EventForm(list: .placements, name: "change of placement", title: "Change of placement", dateKey: "start", fields: [
        periodOfCareField,
        EventField(key: "start", label: "Date of the move", input: .date, required: "Enter the date of the move"),
        EventField(key: "reasonForChange", label: "Why the previous placement ended",
                   input: .select(EventField.codedOptions(LookedAfterCodes.reasonsForPlacementChange)), required: "Select why the previous placement ended"),
    ] + placementFields + [
        EventField(key: "notes", label: "Why this placement was chosen", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [placementPlanStep])

    static let legalStatus = EventForm(list: .legalStatuses, name: "change of legal status", title: "Change of legal status", dateKey: "date", fields: [
        periodOfCareField,
        EventField(key: "date", label: "Date the legal status changed", hint: "The date of the order, or of the new agreement", input: .date,
                   required: "Enter the date the legal status changed"),
        EventField(key: "legalStatus", label: "New legal status", input: .select(EventField.codedOptions(LookedAfterCodes.legalStatuses)),
                   required: "Select the new legal status"),
        EventField(key: "notes", label: "Notes", hint: "For example, the court and the order made", input: .notes),
    ])

    /// Where the child lives: asked when they become looked after, and at each move.
    static let placementFields: [EventField] = [
        EventField(key: "placementType", label: "Type of placement",
                   input: .select(EventField.codedOptions(LookedAfterCodes.placementTypes.followed(by: LookedAfterCodes.retiredPlacementTypes))),
                   required: "Select the type of placement"),
        EventField(key: "provider", label: "Who provides the placement", input: .choice(EventField.options(LookedAfterCodes.placementProviders))),
        EventField(key: "carers", label: "Who the child lives with", hint: "The carers’ names, or the name of the home", input: .text),
        EventField(key: "urn", label: "Ofsted unique reference number", hint: "For a children’s home or fostering agency, for example SC123456", input: .text),
        EventField(key: "postcode", label: "First half of the placement’s postcode", hint: "For example, WA10", input: .text),
        EventField(key: "homePostcode", label: "First half of the postcode of the child’s home", hint: "Where they lived before they became looked after",
                   input: .text),
        EventField(key: "intendedUntil18", label: "Is the placement meant to last until the child is 18?",
                   hint: "After its first year, visits are then due at least every 3 months", input: .yesNo),
        EventField(key: "sixMonthlyVisitsAgreed", label: "Has the child agreed to be visited every 6 months?",
                   hint: "Only in a long-term foster placement, after its first year", input: .yesNo),
        EventField(key: "placementPlan", label: "Date the placement plan was agreed", hint: "Leave empty until it is agreed", input: .date),
    ]

    static let periodOfCareField = EventField(key: "periodOfCareID", label: "The period of care",
                                              hint: "If none is chosen, the one the child is in on the date", input: .event([.periodsOfCare]))

    static let placementPlanStep = EventStep(id: "placement-plan", title: "Record the placement plan", done: "Placement plan recorded",
                                             fields: ["placementPlan"], required: ["placementPlan": "Enter the date the placement plan was agreed"],
                                             roles: Role.childEditors, pending: "placementPlan")

    static let review = EventForm(list: .lacReviews, name: "looked-after review", title: "Looked-after review", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the review", input: .date, required: "Enter the date of the review"),
        EventField(key: "chairID", label: "Independent reviewing officer who chaired it", input: .staff),
        EventField(key: "participation", label: "How the child took part",
                   input: .choice(EventField.options(LookedAfterCodes.reviewParticipation))),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
        EventField(key: "planEndorsed", label: "Is the reviewing officer satisfied the care plan meets the child’s needs?", input: .yesNo),
        EventField(key: "recommendations", label: "Recommendations", hint: "Record each one to be carried out as an action too, so it is followed up",
                   input: .notes),
    ], roles: Role.childEditors.union([.iro]))

    static let carePlan = EventForm(list: .carePlans, name: "care plan", title: "Care plan", dateKey: "date", fields: [
        EventField(key: "date", label: "Date the care plan was agreed", input: .date, required: "Enter the date the care plan was agreed"),
        EventField(key: "summary", label: "The plan", hint: "The plan for permanence, and for the child’s health, education, identity and family time",
                   input: .notes),
        EventField(key: "contingency", label: "Contingency plan", hint: "What will happen if the plan does not work", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let healthAssessment = EventForm(list: .healthAssessments, name: "health assessment", title: "Health assessment", dateKey: "date", fields: [
        EventField(key: "kind", label: "Type of health assessment", input: .choice([
            .init(HealthAssessment.Kind.initial.rawValue, "Initial health assessment"),
            .init(HealthAssessment.Kind.review.rawValue, "Review health assessment"),
        ]), required: "Select the type of health assessment"),
        EventField(key: "date", label: "Date of the assessment", input: .date, required: "Enter the date of the assessment"),
        EventField(key: "carriedOutBy", label: "Who carried it out", hint: "An initial assessment is by a doctor", input: .text),
        EventField(key: "immunisationsUpToDate", label: "Are the child’s immunisations up to date?", input: .yesNo),
        EventField(key: "dentalCheck", label: "Date of the child’s latest dental check", input: .date),
        EventField(key: "sdqScore", label: "Strengths and difficulties questionnaire score",
                   hint: "The total from the carer’s questionnaire, from 0 to 40", input: .number(0...40)),
        EventField(key: "sdqReason", label: "If there is no score, why", input: .select(EventField.options(HealthAssessmentRecord.sdqReasons))),
        EventField(key: "developmentChecksUpToDate", label: "Are the child’s health and development checks up to date?",
                   hint: "For a child under 5", input: .yesNo),
        EventField(key: "substanceMisuse", label: "Was a substance misuse problem identified?", input: .yesNo),
        EventField(key: "interventionReceived", label: "Did the child receive an intervention for it?",
                   hint: "Only if a substance misuse problem was identified", input: .yesNo),
        EventField(key: "interventionOffered", label: "If not, was an intervention offered?",
                   hint: "Only if the child did not receive one", input: .yesNo),
        EventField(key: "recommendations", label: "Recommendations", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let pep = EventForm(list: .peps, name: "personal education plan meeting", title: "Personal education plan", dateKey: "date", fields: [
        EventField(key: "kind", label: "Type of meeting", input: .choice([
            .init(PEPRecord.Kind.initial.rawValue, "The first personal education plan"),
            .init(PEPRecord.Kind.review.rawValue, "A review of the plan"),
        ]), required: "Select the type of meeting"),
        EventField(key: "date", label: "Date of the meeting", input: .date, required: "Enter the date of the meeting"),
        EventField(key: "school", label: "School or setting", input: .text),
        EventField(key: "targets", label: "Targets and the support to meet them", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let escalation = EventForm(list: .iroEscalations, name: "reviewing officer’s escalation", title: "Escalation by the reviewing officer",
                                      dateKey: "raised", fields: [
        EventField(key: "raised", label: "Date it was raised", input: .date, required: "Enter the date it was raised"),
        EventField(key: "stage", label: "Stage of the dispute resolution process", input: .choice(EventField.options(IROEscalationRecord.stages)),
                   required: "Select the stage"),
        EventField(key: "concern", label: "The concern", input: .notes),
        EventField(key: "resolved", label: "Date it was resolved", hint: "Leave empty while it is open", input: .date),
        EventField(key: "outcome", label: "How it was resolved", input: .notes),
    ], roles: Role.childEditors.union([.iro]), steps: [
        EventStep(id: "resolve", title: "Record that the escalation was resolved", done: "Escalation resolved",
                  fields: ["resolved", "outcome"], required: ["resolved": "Enter the date it was resolved", "outcome": "Enter how it was resolved"],
                  roles: Role.childEditors.union([.iro]), pending: "resolved"),
    ])
}
