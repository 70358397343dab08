import LineOfSightCore

enum ActionForm {
    /// The kinds of event that set actions: plans, meetings and decisions.
    static let sources: [JourneyList] = [.strategyDiscussions, .conferences, .cpPlans, .cinPlans, .coreGroups, .lacReviews, .carePlans,
                                         .permanenceDecisions, .preProceedings, .ploReviews, .hearings, .adoptionReviews, .caseDiscussions]

    /// An action set at a meeting (a panel, a supervision session), asked beside its decision: set
    /// on the meeting's day (`raised`, given), so only what, who and by when are asked.
    static let setAtMeeting = form.only(["description", "ownerID", "raised", "due"])
    static let askedAtMeeting = ["description", "ownerID", "due"]

    static let form = EventForm(list: .actions, name: "action", title: "Action", dateKey: "due", fields: [
        EventField(key: "description", label: "What needs to be done", input: .text, required: "Enter what needs to be done"),
        EventField(key: "ownerID", label: "Who will do it", input: .staff, required: "Select who will do it"),
        EventField(key: "raised", label: "Date the action was set", input: .date, required: "Enter the date the action was set"),
        EventField(key: "due", label: "Due date", input: .date, required: "Enter the due date"),
        EventField(key: "sourceID", label: "Where the action comes from", hint: "The plan or meeting that set it, if any", input: .event(sources)),
        EventField(key: "done", label: "Date it was done", hint: "Leave empty while it is open", input: .date),
        EventField(key: "cancelled", label: "Date it was cancelled", hint: "Only if it is no longer needed", input: .date),
        EventField(key: "completionNote", label: "What was done", input: .notes),
    ])
}
