import LineOfSightCore

enum ChronologyForms {
    static let significantEvent = EventForm(list: .significantEvents, name: "significant event", title: "Significant event", dateKey: "date", fields: [
        EventField(key: "date", label: "Date it happened", input: .date, required: "Enter the date it happened"),
        EventField(key: "event", label: "What happened", hint: "For example, moved school, or a parent went to prison", input: .text,
                   required: "Enter what happened"),
        EventField(key: "analysis", label: "What it means for the child", input: .notes),
    ])
}
