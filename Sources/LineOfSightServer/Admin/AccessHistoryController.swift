import Fluent
import Vapor

/// An administrator reads who opened or changed a child's record, and can restrict a record (M21).
/// The child is named by LA child ID only: administrators do not see children's details.
struct AccessHistoryController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "access-history", use: history).allow(.admin)
        routes.post("admin", "access-history", "restricted", use: setRestricted).allow(.admin)
    }

    struct Query: Content { var child: String? }

    func history(req: Request) async throws -> Response {
        let laChildID = (try req.query.decode(Query.self).child ?? "").trimmed
        let child = laChildID.isEmpty ? nil : try await Child.query(on: req.db).filter(\.$laChildID == laChildID).first()
        let events = try await child.asyncFlatMap { child in
            try await AuditEvent.query(on: req.db).filter(\.$childID == child.requireID()).sort(\.$at, .descending).limit(500).all()
        } ?? []
        let context = PageContext(req)
        return Layout.page(title: "Access history", context: context) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Access history")
            el("form", .attribute("method", "get"), .attribute("action", "/admin/access-history"), .class("app-filter")) {
                TextField(id: "child", label: "Child’s LA child ID", value: laChildID, width: "10", spellcheck: false).node
                button("Show history")
            }
            if !laChildID.isEmpty, child == nil { paragraph("No child has the LA child ID \(laChildID).") }
            if let child {
                summaryList([SummaryRow("LA child ID", child.laChildID), SummaryRow("Restricted record", child.restricted ? "Yes" : "No")])
                postForm(action: "/admin/access-history/restricted", csrfToken: context.csrfToken) {
                    Node.void("input", [.type("hidden"), .name("child"), .value(child.laChildID)])
                    button(child.restricted ? "Remove the restriction" : "Restrict this record", secondary: true)
                }
                table(caption: "Reads and changes (\(events.count), newest first)", columns: [
                    .init(header: "When"), .init(header: "Who"), .init(header: "What"), .init(header: "Detail"),
                ], rows: events.map { event in [
                    .text(UserPages.timestamp(event.at)), .text(event.username), .text(event.action.rawValue.replacingOccurrences(of: "_", with: " ")), .text(event.detail),
                ] })
            }
        }
    }

    func setRestricted(req: Request) async throws -> Response {
        let laChildID = req.formFields()["child", default: ""].trimmed
        guard let child = try await Child.query(on: req.db).filter(\.$laChildID == laChildID).first() else { throw Abort(.notFound) }
        let before = try ChildDetails(child)
        child.restricted.toggle()
        try await req.db.transaction { db in
            try await child.save(on: db)
            try await req.audit(.update, entity: "child", entityID: child.id, childID: child.id,
                                detail: child.restricted ? "Restricted the record" : "Removed the restriction", before: before, after: try ChildDetails(child), on: db)
        }
        req.flash(child.restricted ? "Record restricted" : "Restriction removed")
        return req.redirect(to: "/admin/access-history?child=\(laChildID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
    }
}
