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
        var drift: [(PermanenceDrift, Int)] = []
        if HomePage.leaders.contains(principal.role) {
            // The authority's numbers, as every other figure on this page; the children behind each
            // are listed only to those who may read them, within their own scope.
            let setting = CareQueries.Setting(scope: ChildScope(everyone: true, today: req.today), today: req.today, homeDistricts: [],
                                              standards: req.application.standards.standards)
            for kind in PermanenceDrift.allCases {
                drift.append((kind, try await CareQueries.count(.permanence, CareListQuery(FormInput(["drift": kind.rawValue])), setting, on: req.sql)))
            }
        }
        return HomePage.render(context: PageContext(req), principal: principal, summaries: summaries, myChildren: myChildren,
                               myChildrenTotal: myChildrenTotal, myTeams: myTeams, drift: drift, standards: req.application.standards.standards,
                               today: req.today)
    }
}
