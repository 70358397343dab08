import LineOfSightCore

enum CaseDiscussionForm {
    /// A child's case discussed in supervision, recorded from the supervision session (which gives
    /// its date and manager, and links it to the session) or on its own from the child's record;
    /// corrected and withdrawn like any event. Managers record it: it is their oversight.
    static let form = EventForm(list: .caseDiscussions, name: "case discussion in supervision", title: "Management oversight: case discussion",
                                dateKey: "date", fields: [
        EventField(key: "date", label: "Date of the discussion", input: .date, required: "Enter the date of the discussion"),
        EventField(key: "supervisorID", label: "Manager who led the discussion", input: .staff, required: "Select the manager who led the discussion"),
        EventField(key: "reflection", label: "Reflection", hint: "What the worker and manager made of the child’s circumstances and progress", input: .notes),
        EventField(key: "decision", label: "Decision", hint: "What was decided for the child. Leave empty if nothing was decided.", input: .notes),
    ], roles: [.teamManager, .headOfService])
}
