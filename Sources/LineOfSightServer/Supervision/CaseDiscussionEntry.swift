import Foundation
import LineOfSightCore

/// One child's case discussed in a supervision session, as the manager types it: the child, the
/// reflection and decision, and an action if one was set. The discussion and the action are read
/// by the same event forms as recording either on the child's record, with the session's date
/// and manager given, so the rules are the same.
struct CaseDiscussionEntry: Sendable {
    let child: Child
    let discussion: any JourneyRecord
    /// Its `sourceID` is set to the discussion once that is stored.
    let action: ActionRecord?

    static let discussionForm = CaseDiscussionForm.form.only(["date", "supervisorID", "reflection", "decision"])
    static let asked = ["reflection", "decision"]

    /// `children` are those the form offered: the supervisee's, that the manager may open.
    static func read(_ input: FormInput, session: SupervisionSession, children: [Child], staff: [EventField.Option],
                     context: (Child) async throws -> RecordContext) async rethrows -> Result<CaseDiscussionEntry, FieldErrors> {
        var errors = FieldErrors()
        let chosen = UUID(text: (input["child"] ?? "").trimmed)
        let child = children.first { $0.id != nil && $0.id == chosen }
        if child == nil {
            errors.add(id: "child", (input["child"] ?? "").isEmpty ? "Select the child discussed"
                : "Select a child from the list: only children allocated to the worker can be discussed in their supervision")
        }
        var given = ["supervisorID": session.$supervisor.id.text]
        let parts = DateParts(session.date)
        for field in ["date", "raised"] {
            given["\(field)-day"] = parts.day; given["\(field)-month"] = parts.month; given["\(field)-year"] = parts.year
        }
        let answers = input.adding(given)
        let wantsAction = ActionForm.askedAtMeeting.contains { !(input[$0] ?? "").trimmed.isEmpty } || !input.dateParts("due").isEmpty
        guard let child else { return .failure(errors) }
        let childContext = try await context(child)
        let choices = EventChoices(staff: staff)
        var discussion: (any JourneyRecord)?
        switch discussionForm.read(EventFormValues(discussionForm, input: answers), choices: choices, context: childContext) {
        case let .success(record): discussion = record
        case let .failure(failed): place(failed, into: &errors)
        }
        var action: ActionRecord?
        if wantsAction {
            switch ActionForm.setAtMeeting.read(EventFormValues(ActionForm.setAtMeeting, input: answers), choices: choices, context: childContext) {
            case let .success(record): action = record as? ActionRecord
            case let .failure(failed): place(failed, into: &errors)
            }
        }
        guard errors.isEmpty, let discussion else { return .failure(errors) }
        return .success(CaseDiscussionEntry(child: child, discussion: discussion, action: action))
    }

    /// The session's own answers (its date and manager) are not on this form: what the child's
    /// record says of them (a date before the child was born) goes next to the child.
    static func place(_ failed: FieldErrors, into errors: inout FieldErrors) {
        for entry in failed.entries {
            switch entry.field {
            case "date", "raised", "supervisorID": errors.add(id: "child", entry.message)
            default: errors.add(id: entry.field, entry.message)
            }
        }
    }
}
