import Fluent
import FluentSQL
import SQLKit
import Vapor

/// An administrator reads who opened, listed, found or changed a child's record, and restricts or
/// unrestricts it. The child is named by LA child ID only: administrators do not see children's
/// details.
struct AccessHistoryController {
    static let shownEvents = 500

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.accessHistory, use: history).allow(.admin)
        routes.post(SiteURL.restriction, use: setRestricted).allow(.admin)
    }

    func history(req: Request) async throws -> Response {
        let laChildID = String((req.queryParameters["child"] ?? "").trimmed.prefix(50))
        let child = laChildID.isEmpty ? nil : try await Child.query(on: req.db).filter(\.$laChildID == laChildID).first()
        let events = try await child.asyncFlatMap { try await Self.events(about: $0.requireID(), on: req.sql) } ?? []
        let context = PageContext(req)
        return Layout.page(title: "Access history", context: context) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Access history")
            el("form", .attribute("method", "get"), .attribute("action", SiteURL.accessHistory.path), .class("app-filter")) {
                TextField(id: "child", label: "Child’s LA child ID", value: laChildID, width: "10", spellcheck: false).node
                button("Show history")
            }
            if !laChildID.isEmpty, child == nil { paragraph("No child has the LA child ID \(laChildID).") }
            if let child {
                summaryList([SummaryRow("LA child ID", child.laChildID), SummaryRow("Restricted record", child.restricted ? "Yes" : "No")])
                postForm(action: .restriction, csrfToken: context.csrfToken) {
                    Node.void("input", [.type("hidden"), .name("child"), .value(child.laChildID)])
                    Node.void("input", [.type("hidden"), .name("restricted"), .value(child.restricted ? "no" : "yes")])
                    button(child.restricted ? "Remove the restriction" : "Restrict this record", secondary: true)
                }
                table(caption: "Reads, lists and changes (\(events.count)\(events.count == Self.shownEvents ? ", the newest" : ""), newest first)", columns: [
                    .init(header: "When"), .init(header: "Who"), .init(header: "What"), .init(header: "Detail"),
                ], rows: events.map { event in [
                    .text(UserPages.timestamp(event.at)),
                    .text(event.username + (event.tokenID == nil ? "" : " (with an API token)")),
                    .text(event.action.title),
                    .text(event.detail),
                ] })
            }
        }
    }

    /// Everything the trail holds about the child: rows about the child alone, and lists and searches
    /// that showed the child among others (naming a set of children the child is in, or, written
    /// before sets, a row for each child shown). One set of ids (`Subquery.union`), each part found
    /// by index: PostgreSQL would test every row of the trail against an `OR` of them.
    static func events(about childID: UUID, on sql: any SQLDatabase) async throws -> [AuditEvent] {
        let child = SQLBind(childID)
        let sets = Subquery.select("set_id", from: Audit.childSetMembers, where: [SQLBinaryExpression(SQLColumn("child_id", table: Audit.childSetMembers), .equal, child)])
        return try await sql.select().column("*").from(AuditEvent.schema)
            .where("id", .in, Subquery.union([
                Subquery.statement("id", from: AuditEvent.schema, where: [SQLBinaryExpression(SQLColumn("child_id", table: AuditEvent.schema), .equal, child)]),
                Subquery.statement("id", from: AuditEvent.schema, where: [SQLBinaryExpression(SQLColumn("child_set", table: AuditEvent.schema), .in, sets)]),
                Subquery.statement("audit_event_id", from: Audit.shownChildren, where: [
                    SQLBinaryExpression(SQLColumn("child_id", table: Audit.shownChildren), .equal, child),
                ]),
            ]))
            .orderBy("at", .descending)
            .limit(shownEvents)
            .all(decodingFluent: AuditEvent.self)
    }

    /// Sets the restriction to what the form asked for (never a toggle: a second click of the same
    /// button, or a stale page, changes nothing).
    func setRestricted(req: Request) async throws -> Response {
        let laChildID = (req.form["child"] ?? "").trimmed
        guard let wanted = ["yes": true, "no": false][req.form["restricted"] ?? ""] else {
            throw Abort(.badRequest, reason: "Choose whether to restrict the record.")
        }
        guard let child = try await Child.query(on: req.db).filter(\.$laChildID == laChildID).first() else { throw Abort(.notFound) }
        let link = SiteURL.accessHistory.path(query: [("child", laChildID)])
        guard child.restricted != wanted else {
            req.flash(wanted ? "The record was already restricted" : "The record was already unrestricted")
            return req.redirect(to: link)
        }
        let before = try ChildDetails(child)
        child.restricted = wanted
        try await req.db.transaction { db in
            try await child.save(on: db)
            try await req.audit(.update, entity: "child", entityID: child.id, childID: child.id,
                                detail: wanted ? "Restricted the record" : "Removed the restriction", before: before, after: try ChildDetails(child), on: db)
        }
        req.flash(wanted ? "Record restricted" : "Restriction removed")
        return req.redirect(to: link)
    }
}
