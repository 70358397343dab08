import Fluent
import Foundation
import Vapor

/// API v1, for councils' own reports and systems: the register as JSON, with the same role checks and record-level access as the
/// pages, authenticated by session or bearer token. Documented in `openapi.json`.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.api(.openAPI), use: openAPI).access(.anyone)
        routes.get(SiteURL.api(.children), use: children).allow(Role.childReaders)
        routes.get(SiteURL.api(.child(.key)), use: child).allow(Role.childReaders)
        routes.get(SiteURL.api(.teams), use: teams).allow(Role.workforceReaders)
        routes.get(SiteURL.api(.team(.key)), use: team).allow(Role.workforceReaders)
        routes.get(SiteURL.api(.staff), use: staff).allow(Role.workforceReaders)
        routes.get(SiteURL.api(.staffMember(.key)), use: staffMember).allow(Role.workforceReaders)
    }

    func openAPI(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    func children(req: Request) async throws -> APIPage<APIChildSummary> {
        let query = ChildListQuery(req.queryParameters)
        let page = try await ChildDirectory.page(query.filter, scope: req.childScope(), page: query.page, on: req.sql)
        try await req.auditShown(page.rows.map(\.id), query.filter.text.isEmpty ? .list : .search, detail: query.auditDetail(page) + " through the API")
        return APIPage(items: page.rows.map(APIChildSummary.init), total: page.total, page: page.number, pageSize: ChildDirectory.pageSize)
    }

    func child(req: Request) async throws -> ChildDetails {
        let child = try await req.visibleChild()
        let allocations = try await StoredAllocation.query(on: req.db).filter(\.$child.$id == child.requireID()).sort(\.$startDate).all()
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Read the child’s record through the API")
        return try ChildDetails(child, allocations: allocations)
    }

    func teams(req: Request) async throws -> [APITeam] {
        try await Workforce.teamSummaries(on: req.db).map(APITeam.init)
    }

    func team(req: Request) async throws -> APITeam {
        let id = req.parameters.get("teamID", as: UUID.self)
        guard let summary = try await Workforce.teamSummaries(on: req.db).first(where: { $0.team.id == id }) else { throw Abort(.notFound) }
        return try APITeam(summary)
    }

    func staff(req: Request) async throws -> [APIStaffMember] {
        let caseloads = try await Workforce.caseloads(on: req.db)
        let members = try await StaffMember.query(on: req.db).sortedByName().all()
        return try members.map { try APIStaffMember($0, caseload: caseloads[$0.requireID()] ?? 0) }
    }

    func staffMember(req: Request) async throws -> APIStaffMember {
        guard let id = req.parameters.get("staffID", as: UUID.self), let member = try await StaffMember.find(id, on: req.db) else { throw Abort(.notFound) }
        let caseload = try await Workforce.caseloads(on: req.db)[id] ?? 0
        return try APIStaffMember(member, caseload: caseload)
    }
}

enum OpenAPIDocument {
    static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("openapi.json is missing from the LineOfSightServer resource bundle") }
        return text
    }()
}
