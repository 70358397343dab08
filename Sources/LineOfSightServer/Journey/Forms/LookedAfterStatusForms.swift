import LineOfSightCore

/// What the SSDA903 return asks of a looked-after child's status, beside their periods of care:
/// the permanence they had before, being an unaccompanied asylum-seeking child, and orders
/// depriving them of their liberty.
enum LookedAfterStatusForms {
    static let previousPermanence = EventForm(list: .previousPermanence, name: "child’s permanence before care", title: "Permanence before care",
                                              dateKey: "date", fields: [
        EventField(key: "date", label: "Date the child started to be looked after", input: .date,
                   required: "Enter the date the child started to be looked after"),
        EventField(key: "option", label: "The permanence the child had before", input: .choice(EventField.options(PreviousPermanenceRecord.options)),
                   required: "Select the permanence the child had before"),
        EventField(key: "authority", label: "The local authority that arranged it",
                   hint: "Its 3-digit DfE number, or WAL, SCO, NIR or NUK for Wales, Scotland, Northern Ireland or outside the UK", input: .text),
        EventField(key: "orderYear", label: "Year of the order", input: .number(1900...2100)),
        EventField(key: "orderMonth", label: "Month of the order", hint: "Leave empty if it is not known", input: .number(1...12)),
        EventField(key: "orderDay", label: "Day of the order", hint: "Leave empty if it is not known", input: .number(1...31)),
        EventField(key: "notes", label: "Notes", hint: "Why the arrangement broke down", input: .notes),
    ])

    static let uasc = EventForm(list: .uasc, name: "unaccompanied asylum-seeking child’s status", title: "Unaccompanied asylum-seeking child",
                                dateKey: "date", fields: [
        EventField(key: "date", label: "Date they were known to be an unaccompanied asylum-seeking child",
                   hint: "Usually the day they started to be looked after", input: .date,
                   required: "Enter the date they were known to be an unaccompanied asylum-seeking child"),
        EventField(key: "ceased", label: "Date the status ended", hint: "At the latest their 18th birthday; leave empty while it lasts",
                   input: .date),
        EventField(key: "notes", label: "Notes", input: .notes),
    ])

    static let deprivationOfLiberty = EventForm(list: .deprivationsOfLiberty, name: "deprivation of liberty order", title: "Deprivation of liberty order",
                                                dateKey: "start", fields: [
        EventField(key: "start", label: "Date the order was made", input: .date, required: "Enter the date the order was made"),
        EventField(key: "end", label: "Date the order ended", hint: "Leave empty while it is in force", input: .date),
        EventField(key: "notes", label: "Notes", hint: "The court, the restrictions it authorised and when it will be reviewed", input: .notes),
    ])
}
