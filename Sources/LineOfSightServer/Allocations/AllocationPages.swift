import Fluent
import Vapor

enum AllocationPages {
    static func form(_ req: Request, child: Child, current: StoredAllocation?, form: AllocationForm, errors: FieldErrors) async throws -> Response {
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let workers = try await StaffMember.query(on: req.db).filter(\.$active == true).with(\.$team).sort(\.$lastName).all()
            .filter { $0.jobRole.holdsCases && $0.team != nil }
        let caseloads = try await Workforce.caseloads(on: req.db)
        let id = child.id?.uuidString ?? ""
        let context = PageContext(req)
        return Layout.page(title: "Change allocation", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity,
                           hasErrors: !errors.isEmpty, backLink: "/children/\(id)") {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading("Change allocation", caption: child.fullName)
                    postForm(action: "/children/\(id)/allocate", csrfToken: context.csrfToken) {
                        Node.void("input", [.type("hidden"), .name("current-allocation"), .value(form.current)])
                        SelectField(id: "team", label: "Team", options: [("", "Select a team")] + teams.map { ($0.id?.uuidString ?? "", $0.name) },
                                    selected: form.team, error: errors["team"]).node
                        SelectField(id: "worker", label: "Worker", options: [("", "No worker yet (unallocated)")] + workers.map { worker in
                            let load = caseloads[worker.id ?? UUID()] ?? 0
                            return (worker.id?.uuidString ?? "", "\(worker.fullName), \(worker.team?.name ?? "") (\(load) children)")
                        }, selected: form.worker, hint: "The worker must be a member of the team. Current caseloads are shown.", error: errors["worker"]).node
                        DateField(id: "start-date", legend: "Allocation starts on", value: form.start, hint: nil, error: errors["start-date"]).node
                        button("Save allocation")
                    }
                }
            }
        }
    }
}
