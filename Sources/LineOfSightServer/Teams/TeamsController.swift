import Fluent
import Vapor

/// Teams and their members' caseloads, for managers balancing work across a team.
struct TeamsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.teams, use: list).allow(Role.workforceReaders)
        routes.get(SiteURL.team(.key), use: show).allow(Role.workforceReaders)
    }

    func list(req: Request) async throws -> Response {
        let summaries = try await Workforce.teamSummaries(on: req.db)
        let isAdmin = try req.requirePrincipal().role == .admin
        return Layout.page(title: "Teams", context: PageContext(req)) {
            heading("Teams")
            if isAdmin { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.newTeam)) { "Add a team" } }
            HomePage.teamTable(caption: "\(summaries.count) teams", summaries, linkTeams: true)
        }
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("teamID", as: UUID.self), let team = try await Team.query(on: req.db).filter(\.$id == id).with(\.$headOfService).first() else {
            throw Abort(.notFound)
        }
        let summary = try await Workforce.teamSummaries(on: req.db).first { $0.team.id == id }
        let members = try await StaffMember.query(on: req.db).filter(\.$team.$id == id).filter(\.$active == true).sortedByName().all()
        let caseloads = try await Workforce.caseloads(on: req.db)
        let role = try req.requirePrincipal().role
        let canSeeChildren = Role.childReaders.contains(role)
        return Layout.page(title: team.name, context: PageContext(req), backLink: .teams) {
            heading(team.name, caption: team.service.title)
            summaryList([
                SummaryRow("Head of service", team.headOfService?.fullName ?? "Not recorded"),
                SummaryRow("Children allocated to the team", "\(summary?.children ?? 0)"),
                SummaryRow("Children without an allocated worker", "\(summary?.unallocated ?? 0)"),
                SummaryRow("Allocated children per full-time case holder", String(format: "%.1f", summary?.averageCaseload ?? 0)),
            ])
            if role == .admin { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.editTeam(.value(id)))) { "Change team details" } }
            if canSeeChildren {
                el("p", .class("govuk-body")) {
                    link("Children allocated to this team", href: SiteURL.children.path(query: [("team", id.text)]))
                    " · "
                    link("Unallocated children in this team", href: SiteURL.children.path(query: [("team", id.text), ("unallocated", "yes")]))
                }
            }
            StaffPages.staffTable(caption: "Members (\(members.count))", members, caseloads: caseloads, showTeam: false)
        }
    }
}
