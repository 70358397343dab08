import Fluent
import Vapor

/// Staff and their caseloads, for managers balancing work across a team.
struct StaffController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.staff, use: list).allow(Role.workforceReaders)
        routes.get(SiteURL.staffMember(.key), use: show).allow(Role.workforceReaders)
    }

    func list(req: Request) async throws -> Response {
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).with(\.$team).sortedByName().all()
        let caseloads = try await Workforce.caseloads(on: req.db)
        let canEdit = Role.workforceEditors.contains(try req.requirePrincipal().role)
        return Layout.page(title: "Staff", context: PageContext(req)) {
            heading("Staff")
            if canEdit { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.newStaffMember)) { "Add a member of staff" } }
            StaffPages.staffTable(caption: "\(staff.count) members of staff", staff, caseloads: caseloads, showTeam: true)
        }
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("staffID", as: UUID.self),
              let member = try await StaffMember.query(on: req.db).filter(\.$id == id).with(\.$team).with(\.$manager).first()
        else { throw Abort(.notFound) }
        let principal = try req.requirePrincipal()
        let caseload = try await Workforce.caseloads(on: req.db)[id] ?? 0
        var children: [ChildListRow] = []
        if Role.childReaders.contains(principal.role) {
            children = try await ChildDirectory.page(ChildFilter(workerID: id), scope: req.childScope(), page: 1, on: req.sql).rows
            try await req.auditShown(children.map(\.id), detail: "Listed the children allocated to \(member.fullName) on their staff page")
        }
        let today = req.today
        let authority = try await req.workforceAuthority()
        let mayEdit = Role.workforceEditors.contains(principal.role) && authority.covers(teamID: member.$team.id)
        // Their supervision is for them, their manager, and heads of service and directors.
        let seesSupervision = principal.staffID != nil && [member.id, member.$manager.id].contains(principal.staffID)
            || [.headOfService, .director].contains(principal.role)
        let supervision = seesSupervision ? try await SupervisionFrequency.of([member], setup: req.application.standards, on: req.sql).first : nil
        return Layout.page(title: member.fullName, context: PageContext(req), backLink: .staff) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading(member.fullName, caption: member.jobRole.title)
            summaryList([
                SummaryRow("Team", node: member.team.map { link($0.name, .team($0.parameter)) } ?? .text("No team")),
                SummaryRow("Manager", member.manager?.fullName ?? "Not recorded"),
                SummaryRow("Full-time equivalent", StaffForm.fteText(member.fte)),
                SummaryRow("Agency worker", member.agency ? "Yes" : "No"),
                SummaryRow("Newly qualified (ASYE)", member.newlyQualified ? "Yes" : "No"),
                SummaryRow("Started in post", member.startDate.map(DateText.long) ?? "Not recorded"),
                SummaryRow("Leaving date", member.leavingDate.map(DateText.long) ?? "Not recorded"),
                SummaryRow("Children allocated", "\(caseload)"),
            ])
            if mayEdit {
                el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.editStaffMember(member.parameter))) { "Change staff record" }
            }
            if let supervision {
                el("h2", .class("govuk-heading-m")) { "Supervision" }
                summaryList(SupervisionPages.frequencyRows(supervision, today: today, standards: req.application.standards.standards))
            }
            if !children.isEmpty {
                ChildPages.childrenTable(caption: "Children allocated that you can open", children, today: today, showAllocation: false)
            }
        }
    }
}

enum StaffPages {
    static func staffTable(caption: String, _ staff: [StaffMember], caseloads: [UUID: Int], showTeam: Bool) -> Node {
        var columns: [TableColumn] = [.init(header: "Name"), .init(header: "Role")]
        if showTeam { columns.append(.init(header: "Team")) }
        columns += [.init(header: "FTE", numeric: true), .init(header: "Children", numeric: true), .init(header: "Notes")]
        return table(caption: caption, columns: columns, rows: staff.map { member in
            var row: [Node] = [link(member.fullName, .staffMember(member.parameter)), .text(member.jobRole.title)]
            if showTeam { row.append(.text(member.team?.name ?? "No team")) }
            row.append(.text(String(format: "%.1f", member.fte)))
            row.append(.text(member.jobRole.holdsCases ? "\(caseloads[member.id ?? UUID()] ?? 0)" : "–"))
            row.append(fragment {
                if member.agency { tag("Agency", .purple) }
                if member.newlyQualified { tag("Newly qualified", .blue) }
            })
            return row
        })
    }
}
