import LineOfSightCore

enum VisitForm {
    static let form = EventForm(list: .visits, name: "visit", title: "Visit", dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the visit", input: .date, required: "Enter the date of the visit"),
        EventField(key: "kind", label: "Was the visit planned?", input: .choice([
            .init(VisitRecord.Kind.planned.rawValue, "Planned"), .init(VisitRecord.Kind.unannounced.rawValue, "Unannounced"),
        ]), required: "Select whether the visit was planned or unannounced"),
        EventField(key: "location", label: "Where the visit took place", input: .choice([
            .init(VisitRecord.Location.home.rawValue, "At home"), .init(VisitRecord.Location.school.rawValue, "At school or nursery"),
            .init(VisitRecord.Location.placement.rawValue, "At the child’s placement"), .init(VisitRecord.Location.office.rawValue, "At the office"),
            .init(VisitRecord.Location.elsewhere.rawValue, "Somewhere else"),
        ]), required: "Select where the visit took place"),
        EventField(key: "seen", label: "Was the child seen?", input: .yesNo, required: "Select yes if the child was seen"),
        EventField(key: "seenAlone", label: "Was the child seen alone?", input: .yesNo, shownWhen: ("seen", "yes")),
        EventField(key: "childsViews", label: "The child’s views, wishes and feelings", hint: "In the child’s own words where you can", input: .notes),
        EventField(key: "observations", label: "What you observed", input: .notes),
    ])
}
