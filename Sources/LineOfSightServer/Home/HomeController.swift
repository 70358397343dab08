import Fluent
import Vapor

/// The first page after signing in. Everyone sees the authority's numbers (aggregates only, never a
/// name); people who hold or manage cases also see their own children or teams.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.home, use: home).allow(Role.all)
    }

    func home(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let summaries = try await Workforce.teamSummaries(on: req.db)
        var myChildren: [ChildListRow] = []
        var myChildrenTotal = 0
        if principal.role == .socialWorker, let staffID = principal.staffID {
            let page = try await ChildDirectory.page(ChildFilter(workerID: staffID), scope: req.childScope(), page: 1, on: req.sql)
            (myChildren, myChildrenTotal) = (page.rows, page.total)
            try await req.auditShown(page.rows.map(\.id), detail: "Listed the children allocated to them on the home page")
        }
        var myTeams: [TeamSummary] = []
        if principal.role == .teamManager || principal.role == .headOfService {
            let responsible = try await ChildScope.responsibleTeams(of: principal, on: req.db)
            myTeams = summaries.filter { $0.team.id.map(responsible.contains) ?? false }
        }
        return HomePage.render(context: PageContext(req), principal: principal, summaries: summaries, myChildren: myChildren,
                               myChildrenTotal: myChildrenTotal, myTeams: myTeams, today: req.today)
    }
}
