import LineOfSightCore

enum ChronologyForms {
    static let significantEvent = EventForm(list: .significantEvents, name: "significant event", title: "Significant event", dateKey: "date", fields: [
        EventField(key: "date", label: "Date it happened", input: .date, required: "Enter the date it happened"),
        EventField(key: "event", label: "What happened", hint: "For example, moved school, or a parent went to prison", input: .text,
                   required: "Enter what happened"),
        EventField(key: "analysis", label: "What it means for the child", input: .notes),
    ])

    static let parenthood = EventForm(list: .parenthood, name: "child becoming a parent", title: "The child became a parent",
                                      dateKey: "date", fields: [
        EventField(key: "date", label: "Date their child was born", input: .date, required: "Enter the date their child was born"),
        EventField(key: "notes", label: "Notes", hint: "Who cares for the baby, and the support agreed", input: .notes),
    ])

    static let conviction = EventForm(list: .convictions, name: "conviction or youth caution", title: "Conviction or youth caution",
                                      dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the conviction or caution", input: .date, required: "Enter the date of the conviction or caution"),
        EventField(key: "outcome", label: "Outcome", input: .choice(EventField.options(ConvictionRecord.outcomes)), required: "Select the outcome"),
        EventField(key: "notes", label: "Notes", hint: "The offence, and the youth justice service’s involvement", input: .notes),
    ])
}
