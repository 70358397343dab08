import Fluent
import Vapor

/// The first page after signing in. Everyone sees the authority's numbers (aggregates only, never a
/// name); people who hold or manage cases also see their own children or teams.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(use: home).allow(Role.all)
    }

    func home(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let summaries = try await Workforce.teamSummaries(on: req.db)
        var myChildren: [ChildListRow] = []
        var myChildrenTotal = 0
        if principal.role == .socialWorker, let staffID = principal.staffID {
            (myChildren, myChildrenTotal) = try await ChildDirectory.page(ChildFilter(workerID: staffID), scope: req.childScope(), page: 1, on: req.sql)
        }
        let myTeams: [TeamSummary]
        switch principal.role {
        case .teamManager: myTeams = summaries.filter { $0.team.id == principal.teamID }
        case .headOfService: myTeams = summaries.filter { $0.team.$headOfService.id == principal.staffID && principal.staffID != nil }
        default: myTeams = []
        }
        return HomePage.render(context: PageContext(req), principal: principal, summaries: summaries, myChildren: myChildren,
                               myChildrenTotal: myChildrenTotal, myTeams: myTeams, today: req.today)
    }
}
