import LineOfSightCore
import Vapor

/// The form recording a panel's decisions for every child of its pack, filled with what was typed
/// and each problem next to its field; the error summary names the child each problem is about.
enum PanelDecisionsPage {
    static func form(context: PageContext, decisions: PanelDecisions, input: FormInput, staff: [EventField.Option], errors: FieldErrors) -> Response {
        let meeting = decisions.meeting
        let title = "Record the meeting’s decisions"
        let choices = EventChoices(staff: staff)
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(summary(errors, decisions))
                    heading(title, caption: meeting.title)
                    paragraph("Enter the decision for each child the meeting discussed, and an action it sets if there is one. Leave a child empty if the meeting made no decision about them.")
                    paragraph("Each decision is recorded on the child’s record as a \(meeting.form.name), with its action. Everything is saved together or not at all: if there is a problem with one child, nothing is saved until it is put right.")
                    postForm(action: .panelDecisions, csrfToken: context.csrfToken) {
                        Node.void("input", [.type("hidden"), .name("meeting"), .value(meeting.rawValue)])
                        Node.void("input", [.type("hidden"), .name("children"), .value(decisions.children.compactMap { $0.id?.text }.joined(separator: " "))])
                        DateField(id: "date", legend: "Date of the meeting", value: input.dateParts("date"), hint: "For example, 14 4 2026",
                                  error: errors[id: "date"]).node
                        SelectField(id: "chairID", label: "Who chaired it", options: [("", "Select")] + staff.map { ($0.value, $0.label) },
                                    selected: input["chairID"] ?? "", error: errors[id: "chairID"]).node
                        for child in decisions.children {
                            let prefix = PanelDecisions.prefix(child)
                            let own = input.prefixed(prefix)
                            let decisionForm = meeting.decisionForm.only(meeting.asked)
                            el("div", .class("app-panel-child")) { el("fieldset", .class("govuk-fieldset")) {
                                el("legend", .class("govuk-fieldset__legend govuk-fieldset__legend--m")) {
                                    el("h2", .class("govuk-fieldset__heading")) { child.firstName + " " + child.lastName }
                                }
                                paragraph("Child ID \(child.laChildID)", "govuk-hint")
                                EventFieldView(form: decisionForm, values: EventFormValues(decisionForm, input: own), errors: errors,
                                               choices: choices, prefix: prefix).nodes
                                el("fieldset", .class("govuk-fieldset")) {
                                    el("legend", .class("govuk-fieldset__legend govuk-fieldset__legend--s")) { "An action it sets" }
                                    paragraph("If the decision sets one. Record any others on the decision afterwards.", "govuk-hint")
                                    let actionForm = PanelDecisions.actionForm.only(PanelDecisions.actionAsked)
                                    EventFieldView(form: actionForm, values: EventFormValues(actionForm, input: own), errors: errors,
                                                   choices: choices, prefix: prefix).nodes
                                }
                            } }
                        }
                        button("Save the decisions")
                    }
                }
            }
        }
    }

    /// A pack with no children the reader may record for (none chosen, or none they can see).
    static func noChildren(context: PageContext, status: HTTPStatus) -> Response {
        let title = "Record the meeting’s decisions"
        return Layout.page(title: title, context: context, status: status) {
            heading(title)
            paragraph("There are no children to record decisions for. Prepare a panel pack from the permanence tracker, then follow its link to record the meeting’s decisions.")
            el("p", .class("govuk-body")) { link("Go to the permanence tracker", .permanence) }
        }
    }

    /// The page's problems for its summary: a child's named with the child.
    private static func summary(_ errors: FieldErrors, _ decisions: PanelDecisions) -> FieldErrors {
        var summary = FieldErrors()
        for entry in errors.entries {
            let child = decisions.children.first { entry.field.hasPrefix(PanelDecisions.prefix($0)) }
            summary.add(id: entry.field, child.map { "\($0.firstName) \($0.lastName): \(entry.message)" } ?? entry.message)
        }
        return summary
    }
}
