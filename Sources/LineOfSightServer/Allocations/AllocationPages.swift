import Fluent
import Vapor

enum AllocationPages {
    static func form(_ req: Request, child: Child, current: StoredAllocation?, form: AllocationForm, errors: FieldErrors) async throws -> Response {
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let workers = try await StaffMember.query(on: req.db).filter(\.$active == true).with(\.$team).sortedByName().all()
            .filter { $0.jobRole.holdsCases && $0.team != nil }
        let caseloads = try await Workforce.caseloads(on: req.db)
        let context = PageContext(req)
        return Layout.page(title: "Change allocation", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity,
                           hasErrors: !errors.isEmpty, backLink: .child(child.parameter)) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading("Change allocation", caption: child.fullName)
                    postForm(action: .allocateChild(child.parameter), csrfToken: context.csrfToken) {
                        let values = form.values
                        hiddenField(AllocationForm.Field.current, in: values)
                        SelectField(AllocationForm.Field.team, in: values, errors: errors, label: "Team",
                                    options: [("", "Select a team")] + teams.map { ($0.id?.text ?? "", $0.name) }).node
                        SelectField(AllocationForm.Field.worker, in: values, errors: errors, label: "Worker", options: [("", "No worker yet (unallocated)")] + workers.map { worker in
                            let load = caseloads[worker.id ?? UUID()] ?? 0
                            return (worker.id?.text ?? "", "\(worker.fullName), \(worker.team?.name ?? "") (\(load) children)")
                        }, hint: "The worker must be a member of the team. Current caseloads are shown.").node
                        DateField(AllocationForm.Field.start, in: values, errors: errors, legend: "Allocation starts on", hint: nil).node
                        button("Save allocation")
                    }
                }
            }
        }
    }
}
