import LineOfSightCore

/// The forms of a child's way to permanence: the plan, the options weighed and their assessments,
/// the decisions of meetings and panels, temporary approval of family and friends as carers,
/// pre-proceedings and proceedings, and adoption.
enum PermanenceForms {
    static let routes: [EventField.Option] = PermanenceOption.Route.allCases.map { .init($0.rawValue, $0.label) }

    static let plan = EventForm(list: .permanencePlans, name: "permanence plan", title: "Permanence plan", dateKey: "date", fields: [
        EventField(key: "date", label: "Date the plan was agreed", input: .date, required: "Enter the date the plan was agreed"),
        EventField(key: "plans", label: "The permanence plan", hint: "Select more than one if plans are running in parallel",
                   input: .checkboxes(EventField.options(PermanenceCodes.plans)), required: "Select the permanence plan"),
        EventField(key: "reviewID", label: "The looked-after review that agreed it", hint: "If it was agreed at a review", input: .event([.lacReviews])),
        EventField(key: "notes", label: "How permanence will be achieved", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let option = EventForm(list: .permanenceOptions, name: "permanence option considered", title: "Permanence option considered",
                                  dateKey: "considered", fields: [
        EventField(key: "route", label: "Which way to permanence", input: .choice(routes), required: "Select which way to permanence was considered"),
        EventField(key: "considered", label: "Date it was considered", input: .date, required: "Enter the date it was considered"),
        EventField(key: "who", label: "Who", hint: "The relative, friend or carers, if any", input: .text),
        EventField(key: "assessment", label: "Assessment", input: .choice(PermanenceOption.Assessment.allCases.map { .init($0.rawValue, $0.label) })),
        EventField(key: "assessmentStarted", label: "Date the assessment started", input: .date),
        EventField(key: "assessmentCompleted", label: "Date the assessment was completed", hint: "Leave empty until it is completed", input: .date),
        EventField(key: "outcome", label: "Outcome", input: .choice([
            .init(PermanenceOption.Outcome.pursued.rawValue, "Being pursued"),
            .init(PermanenceOption.Outcome.ruledOut.rawValue, "Ruled out"),
        ])),
        EventField(key: "decided", label: "Date of the decision", input: .date),
        EventField(key: "reason", label: "The reason", hint: "Why it is being pursued or was ruled out", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "assessed", title: "Record that the assessment was completed", done: "Assessment completion recorded",
                  fields: ["assessmentCompleted"], required: ["assessmentCompleted": "Enter the date the assessment was completed"],
                  roles: Role.childEditors, pending: "assessmentCompleted", after: "assessmentStarted"),
        EventStep(id: "decided", title: "Record the outcome", done: "Outcome recorded", fields: ["outcome", "decided", "reason"],
                  required: ["outcome": "Select whether it is being pursued or was ruled out", "decided": "Enter the date of the decision"],
                  roles: Role.childEditors, pending: "outcome"),
    ])

    static let decision = EventForm(list: .permanenceDecisions, name: "permanence decision", title: "Permanence decision", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the decision", input: .date, required: "Enter the date of the decision"),
        EventField(key: "forum", label: "Who made it", input: .choice(PermanenceDecisionRecord.Forum.allCases.map { .init($0.rawValue, $0.label) }),
                   required: "Select who made the decision"),
        EventField(key: "route", label: "The way to permanence it is about", hint: "If it is about one", input: .choice(routes)),
        EventField(key: "decision", label: "The decision", hint: "Record each action it sets as an action too, so it is followed up",
                   input: .notes, required: "Enter the decision"),
        EventField(key: "chairID", label: "Who chaired it or decided", input: .staff),
        EventField(key: "concludes", label: "What it concludes", hint: "If it is the decision a timescale waits for",
                   input: .choice(PermanenceDecision.Milestone.allCases.map { .init($0.rawValue, $0.label) })),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let temporaryApproval = EventForm(list: .temporaryApprovals, name: "temporary approval of family or friends as carers",
                                             title: "Temporary approval of connected carers", dateKey: "start", fields: [
        EventField(key: "start", label: "Date of temporary approval", hint: "Regulation 24: approval lasts up to 16 weeks", input: .date,
                   required: "Enter the date of temporary approval"),
        EventField(key: "placementID", label: "The placement with them", input: .event([.periodsOfCare, .placements])),
        EventField(key: "carers", label: "The carers", hint: "Their names and how they know the child", input: .text),
        EventField(key: "approvedByID", label: "Nominated officer who approved it", input: .staff),
        EventField(key: "extended", label: "Date it was extended", hint: "Regulation 25 allows one extension", input: .date),
        EventField(key: "extensionWeeks", label: "Weeks it was extended by", hint: "Up to 8", input: .number(1...8)),
        EventField(key: "extendedByID", label: "Nominated officer who extended it", input: .staff),
        EventField(key: "fosteringPanelViews", label: "The fostering panel’s views on the extension", input: .notes),
        EventField(key: "iroInformed", label: "Was the independent reviewing officer told of the extension?", input: .yesNo),
        EventField(key: "approved", label: "Date they were approved as foster carers", input: .date),
        EventField(key: "ended", label: "Date the arrangement ended without approval", input: .date),
        EventField(key: "endReason", label: "Why it ended", input: .notes),
    ], steps: [
        EventStep(id: "extend", title: "Record the extension", done: "Extension recorded",
                  fields: ["extended", "extensionWeeks", "extendedByID", "fosteringPanelViews", "iroInformed"],
                  required: ["extended": "Enter the date it was extended", "extensionWeeks": "Enter how many weeks it was extended by"],
                  roles: Role.childEditors, pending: "extended", closedBy: ["approved", "ended"]),
        EventStep(id: "approved", title: "Record approval as foster carers", done: "Approval recorded", fields: ["approved"],
                  required: ["approved": "Enter the date they were approved as foster carers"], roles: Role.childEditors, pending: "approved",
                  closedBy: ["ended"]),
        EventStep(id: "ended", title: "Record that the arrangement ended", done: "End of the arrangement recorded", fields: ["ended", "endReason"],
                  required: ["ended": "Enter the date the arrangement ended"], roles: Role.childEditors, pending: "ended", closedBy: ["approved"]),
    ])

    static let preProceedings = EventForm(list: .preProceedings, name: "legal planning meeting", title: "Legal planning meeting", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the meeting", input: .date, required: "Enter the date of the meeting"),
        EventField(key: "decision", label: "Decision", input: .choice(PreProceedingsRecord.Decision.allCases.map { .init($0.rawValue, $0.label) }),
                   required: "Select the decision"),
        EventField(key: "reason", label: "The reasons", input: .notes),
        EventField(key: "chairID", label: "Who chaired it", input: .staff),
        EventField(key: "letterSent", label: "Date of the letter before proceedings", input: .date,
                   shownWhen: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
        EventField(key: "initialMeeting", label: "Date of the first pre-proceedings meeting", input: .date,
                   shownWhen: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
        EventField(key: "end", label: "Date pre-proceedings ended", input: .date,
                   shownWhen: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
        EventField(key: "outcome", label: "How they ended", input: .choice([
            .init(PreProceedingsRecord.Outcome.issued.rawValue, "Proceedings were issued"),
            .init(PreProceedingsRecord.Outcome.steppedDown.rawValue, "Stepped down"),
        ]), shownWhen: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "letter", title: "Record the letter and first meeting", done: "Letter before proceedings recorded",
                  fields: ["letterSent", "initialMeeting"], required: ["letterSent": "Enter the date of the letter before proceedings"],
                  roles: Role.childEditors, pending: "letterSent", when: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
        EventStep(id: "ended", title: "Record how pre-proceedings ended", done: "End of pre-proceedings recorded", fields: ["end", "outcome"],
                  required: ["end": "Enter the date pre-proceedings ended", "outcome": "Select how they ended"],
                  roles: Role.childEditors, pending: "end", when: ("decision", PreProceedingsRecord.Decision.preProceedings.rawValue)),
    ])

    static let ploReview = EventForm(list: .ploReviews, name: "pre-proceedings review", title: "Pre-proceedings review", dateKey: "date", fields: [
        EventField(key: "preProceedingsID", label: "The pre-proceedings", hint: "If none is chosen, the latest started before the review",
                   input: .event([.preProceedings])),
        EventField(key: "date", label: "Date of the review", input: .date, required: "Enter the date of the review"),
        EventField(key: "outcome", label: "What the review found and decided",
                   hint: "Progress against the plan, and whether to continue, issue proceedings or step down. Record each action it sets as an action too",
                   input: .notes),
        EventField(key: "chairID", label: "Who chaired it", input: .staff),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ])

    static let careProceedings = EventForm(list: .careProceedings, name: "care or supervision application", title: "Care proceedings", dateKey: "issued", fields: [
        EventField(key: "issued", label: "Date the application was issued", hint: "The 26 weeks begin on this day", input: .date,
                   required: "Enter the date the application was issued"),
        EventField(key: "court", label: "Court", input: .text),
        EventField(key: "caseNumber", label: "Case number", input: .text),
        EventField(key: "initialCarePlan", label: "Interim care plan", input: .notes),
        EventField(key: "concluded", label: "Date of the final order", input: .date),
        EventField(key: "finalOrder", label: "Final order", input: .choice(CareProceedingsRecord.FinalOrder.allCases.map { .init($0.rawValue, $0.label) })),
        EventField(key: "finalCarePlan", label: "Final care plan", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "concluded", title: "Record the final order", done: "Final order recorded", fields: ["concluded", "finalOrder", "finalCarePlan"],
                  required: ["concluded": "Enter the date of the final order", "finalOrder": "Select the final order"],
                  roles: Role.childEditors, pending: "concluded"),
    ])

    static let hearing = EventForm(list: .hearings, name: "hearing", title: "Hearing", dateKey: "date", fields: [
        EventField(key: "careProceedingsID", label: "The proceedings", hint: "If none is chosen, the latest issued before the hearing",
                   input: .event([.careProceedings])),
        EventField(key: "date", label: "Date of the hearing", input: .date, required: "Enter the date of the hearing"),
        EventField(key: "kind", label: "Hearing", input: .choice(HearingRecord.Kind.allCases.map { .init($0.rawValue, $0.label) }),
                   required: "Select the hearing"),
        EventField(key: "outcome", label: "What was decided", input: .notes),
        EventField(key: "extensionWeeks", label: "Weeks the court extended the time limit by", hint: "Leave empty if it was not extended; each extension is up to 8 weeks",
                   input: .number(1...8)),
        EventField(key: "extensionReason", label: "Why the court extended it", input: .notes),
        EventField(key: "nextHearing", label: "Date of the next hearing", input: .date),
    ])

    static let adoption = EventForm(list: .adoptions, name: "decision that the child should be placed for adoption", title: "Adoption",
                                    dateKey: "agencyDecision", fields: [
        EventField(key: "panelRecommendation", label: "Date of the adoption panel’s recommendation", input: .date),
        EventField(key: "agencyDecision", label: "Date of the agency decision maker’s decision", input: .date,
                   required: "Enter the date of the agency decision maker’s decision"),
        EventField(key: "familyFindingStarted", label: "Date family finding started", input: .date),
        EventField(key: "placementOrder", label: "Date of the placement order", input: .date),
        EventField(key: "consentToPlacement", label: "Date the parents consented to placement", hint: "Section 19, instead of a placement order", input: .date),
        EventField(key: "matched", label: "Date of the match", input: .date),
        EventField(key: "placed", label: "Date the child moved in with the adopters", input: .date),
        EventField(key: "adoptedByFosterCarer", label: "Are the adopters the child’s foster carers?", input: .yesNo),
        EventField(key: "movedInWithFosterCarer", label: "Date the child moved in with the foster carers", input: .date,
                   shownWhen: ("adoptedByFosterCarer", "yes")),
        EventField(key: "numberOfAdopters", label: "Number of adopters", input: .number(1...2)),
        EventField(key: "adoptersSex", label: "The adopters", input: .choice(EventField.options(AdoptionRecord.adoptersSexes))),
        EventField(key: "adoptersLegalStatus", label: "The adopters’ legal status",
                   input: .choice(EventField.options(AdoptionRecord.adoptersLegalStatuses))),
        EventField(key: "adoptionOrder", label: "Date of the adoption order", input: .date),
        EventField(key: "decisionReversed", label: "Date the plan changed away from adoption", input: .date),
        EventField(key: "reversedReason", label: "Why the plan changed", input: .choice(EventField.options(AdoptionRecord.reasonsNoLongerPlaced))),
        EventField(key: "notes", label: "Notes", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        step("family-finding", "Record that family finding started", "familyFindingStarted", "Enter the date family finding started"),
        step("placement-order", "Record the placement order", "placementOrder", "Enter the date of the placement order"),
        step("matched", "Record the match", "matched", "Enter the date of the match"),
        EventStep(id: "placed", title: "Record that the child moved in", done: "Recorded that the child moved in",
                  fields: ["placed", "adoptedByFosterCarer", "movedInWithFosterCarer"], required: ["placed": "Enter the date the child moved in"],
                  roles: Role.childEditors, pending: "placed", after: "matched", closedBy: ["decisionReversed"]),
        step("adoption-order", "Record the adoption order", "adoptionOrder", "Enter the date of the adoption order", after: "placed"),
        EventStep(id: "reversed", title: "Record that the plan changed", done: "Change of plan recorded", fields: ["decisionReversed", "reversedReason"],
                  required: ["decisionReversed": "Enter the date the plan changed", "reversedReason": "Select why the plan changed"],
                  roles: Role.childEditors, pending: "decisionReversed", closedBy: ["adoptionOrder"]),
    ])

    static let adoptionReview = EventForm(list: .adoptionReviews, name: "adoption review", title: "Adoption review", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the review", input: .date, required: "Enter the date of the review"),
        EventField(key: "chairID", label: "Who chaired it", input: .staff),
        EventField(key: "recommendations", label: "Recommendations", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], roles: Role.childEditors.union([.iro]))

    /// A milestone recorded by its one date.
    private static func step(_ id: String, _ title: String, _ field: String, _ required: String, after: String? = nil) -> EventStep {
        EventStep(id: id, title: title, done: title.replacingOccurrences(of: "Record ", with: "Recorded "), fields: [field],
                  required: [field: required], roles: Role.childEditors, pending: field, after: after, closedBy: ["decisionReversed"])
    }
}

extension PermanenceOption.Route {
    var label: String {
        switch self {
        case .returnHome: "Return home to parents"
        case .connectedPerson: "Living with family or friends (connected person)"
        case .specialGuardianship: "Special guardianship order"
        case .childArrangementsOrder: "Child arrangements order"
        case .adoption: "Adoption"
        case .longTermFostering: "Long-term fostering"
        case .residential: "Residential care"
        case .supportedLiving: "Supported living"
        }
    }
}

extension PermanenceOption.Assessment {
    var label: String {
        switch self {
        case .viability: "Viability assessment"
        case .connectedPerson: "Full connected person assessment"
        case .specialGuardianship: "Special guardianship assessment"
        case .parenting: "Parenting assessment"
        case .returnHomeRisk: "Risk assessment of a return home"
        }
    }
}

extension PermanenceDecisionRecord.Forum {
    var label: String {
        switch self {
        case .planningMeeting: "Permanence planning meeting"
        case .permanencePanel: "Permanence panel"
        case .fosteringPanel: "Fostering panel"
        case .adoptionPanel: "Adoption panel"
        case .agencyDecisionMaker: "Agency decision maker"
        case .nominatedOfficer: "Nominated officer"
        }
    }
}

extension PermanenceDecision.Milestone {
    var label: String {
        switch self {
        case .connectedPersonAssessment: "The full assessment of family or friends as foster carers (fostering panel or agency decision)"
        case .longTermFosteringMatch: "The long-term fostering match (approved by a nominated officer)"
        }
    }
}

extension DecisionMaker {
    var label: String {
        switch self {
        case let .forum(forum): forum.label
        case .legalPlanningMeeting: "Legal planning meeting"
        }
    }
}

extension PreProceedingsRecord.Decision {
    var label: String {
        switch self {
        case .issue: "Issue care proceedings"
        case .preProceedings: "Start pre-proceedings (Public Law Outline)"
        case .stepDown: "Step down"
        case .noFurtherAction: "No further legal action"
        }
    }
}

extension CareProceedingsRecord.FinalOrder {
    var label: String {
        switch self {
        case .careOrder: "Care order"
        case .supervisionOrder: "Supervision order"
        case .placementOrder: "Care order and placement order"
        case .specialGuardianshipOrder: "Special guardianship order"
        case .childArrangementsOrder: "Child arrangements order"
        case .noOrder: "No order"
        case .withdrawn: "Application withdrawn"
        }
    }
}

extension HearingRecord.Kind {
    var label: String {
        switch self {
        case .caseManagement: "Case management hearing"
        case .furtherCaseManagement: "Further case management hearing"
        case .issuesResolution: "Issues resolution hearing"
        case .finalHearing: "Final hearing"
        case .other: "Other hearing"
        }
    }
}
