import Foundation
import LineOfSightCore
import Vapor

/// The caseload and workforce page for heads of service and directors (M13): caseloads against the
/// council's thresholds, team establishments, agency share, vacancies, leavers and the stability
/// of children's social workers, each with its last 12 months; the caseloads also as CSV. A head of
/// service sees their own service's teams, a director the whole authority.
struct WorkforceController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.workforce, use: show).allow(Role.workforceLeaders)
    }

    func show(req: Request) async throws -> Response {
        let report = try await WorkforceReport.load(standards: req.application.standards.standards, today: req.today,
                                              authority: try await req.workforceAuthority(), on: req.db)
        if req.queryParameters["format"] == "csv" {
            return CSV.response(filename: "caseloads.csv", header: WorkforcePages.csvHeader, rows: report.workers.map(WorkforcePages.csvRow))
        }
        return WorkforcePages.page(report, context: PageContext(req))
    }
}
