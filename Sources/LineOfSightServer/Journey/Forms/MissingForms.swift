import LineOfSightCore

/// Missing and away episodes, and the return home interviews offered after each.
enum MissingForms {
    static let episode = EventForm(list: .missingEpisodes, name: "time missing or away", title: "Missing or away", dateKey: "start", fields: [
        EventField(key: "kind", label: "Was the child missing or away?", input: .choice([
            .init(MissingEpisode.Kind.missing.rawValue, "Missing: where they were was not known"),
            .init(MissingEpisode.Kind.away.rawValue, "Away: where they were was known, but they were not where they should be"),
        ]), required: "Select whether the child was missing or away"),
        EventField(key: "start", label: "Date they went missing or away", input: .date, required: "Enter the date they went missing or away"),
        EventField(key: "startTime", label: "Time it was noticed", hint: "On the 24-hour clock, for example 21:30", input: .time),
        EventField(key: "reportedToPolice", label: "Was it reported to the police?", input: .yesNo),
        EventField(key: "policeReference", label: "Police reference", input: .text, shownWhen: ("reportedToPolice", "yes")),
        EventField(key: "end", label: "Date they came back", hint: "Leave empty while they are still missing", input: .date),
        EventField(key: "whereabouts", label: "Where they were and who with", hint: "Include any worry about exploitation", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "returned", title: "Record that the child came back", done: "Recorded that the child came back",
                  fields: ["end"], required: ["end": "Enter the date they came back"], roles: Role.childEditors, pending: "end"),
    ])

    static let returnInterview = EventForm(list: .returnInterviews, name: "return home interview offer", title: "Return home interview offered",
                                           dateKey: "offered", fields: [
        EventField(key: "missingEpisodeID", label: "The time missing or away", hint: "If none is chosen, the latest before the offer",
                   input: .event([.missingEpisodes])),
        EventField(key: "offered", label: "Date the interview was offered", input: .date, required: "Enter the date the interview was offered"),
        EventField(key: "offeredBy", label: "Who offered it", hint: "For example, the independent return interview service", input: .text),
        EventField(key: "response", label: "The child’s answer", input: .choice([
            .init(ReturnInterviewRecord.Response.accepted.rawValue, "Accepted"),
            .init(ReturnInterviewRecord.Response.declined.rawValue, "Declined"),
            .init(ReturnInterviewRecord.Response.noResponse.rawValue, "No answer yet"),
        ])),
        EventField(key: "held", label: "Date the interview was held", input: .date),
        EventField(key: "findings", label: "What the interview found", hint: "Why they went, where, who with, and what would help", input: .notes),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", input: .notes),
    ], steps: [
        EventStep(id: "held", title: "Record that the interview was held", done: "Return home interview recorded",
                  fields: ["held", "response", "findings"], required: ["held": "Enter the date the interview was held"],
                  roles: Role.childEditors, pending: "held", after: "response", unless: ("response", ReturnInterviewRecord.Response.declined.rawValue)),
    ])
}
