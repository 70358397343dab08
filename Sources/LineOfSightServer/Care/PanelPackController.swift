import Fluent
import LineOfSightCore
import SQLKit
import Vapor

/// Panel packs (issue 10): from the permanence tracker, choose a permanence panel or legal gateway
/// meeting, its date and its children (those selected, or every child with an overdue milestone);
/// print the pack; after the meeting, record every child's decision and action in one form. The
/// pack is not stored: its choice travels in its address. Every child shown is in the audit trail,
/// and only children in the reader's scope are ever shown or recorded for.
struct PanelPackController {
    /// Who prepares and reads a pack: those who sit on, chair or prepare for the panels.
    static let readers: Set<Role> = [.teamManager, .headOfService, .director, .iro, .qaLead]
    /// Who records a meeting's decisions: managers, who record both kinds of decision.
    static let recorders: Set<Role> = readers.intersection(Role.allocators)
        .intersection(PanelMeeting.allCases.reduce(Set(Role.allCases)) { $0.intersection($1.form.roles) })
        .intersection(ActionForm.form.roles)

    /// How many of the tracker's children the choosing page lists to select from, most at risk first.
    static let listed = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.preparePanelPack, use: prepare).allow(Self.readers)
        routes.get(SiteURL.panelPack, use: pack).allow(Self.readers)
        routes.get(SiteURL.panelDecisions, use: decisionsForm).allow(Self.recorders)
        routes.post(SiteURL.panelDecisions, use: recordDecisions).allow(Self.recorders)
    }

    // MARK: - The pack

    func prepare(req: Request) async throws -> Response {
        try await preparePage(req, query: PanelPackQuery(req.queryParameters), errors: FieldErrors())
    }

    func pack(req: Request) async throws -> Response {
        let query = PanelPackQuery(req.queryParameters)
        let pack: PanelPack
        switch query.read() {
        case let .failure(errors): return try await preparePage(req, query: query, errors: errors)
        case let .success(chosen): pack = chosen
        }
        let setting = try setting(req)
        let rows: [CareRow]
        let describedAs: String
        switch pack.children {
        case .overdue:
            let overdue = PermanenceDrift.overdue(PermanenceDrift.milestones, today: req.today, standards: setting.standards)
            let count = try await CareQueries.count(.permanence, query.filters, setting, where: overdue, on: req.sql)
            var errors = FieldErrors()
            if count == 0 { errors.add(id: "which", "No child among these has an overdue milestone: select the children instead") }
            if count > PanelPackQuery.maximumChildren {
                errors.add(id: "which", "\(count.formatted()) children have an overdue milestone, and a pack holds up to \(PanelPackQuery.maximumChildren): filter the tracker (to a team, for example) or select the children")
            }
            guard errors.isEmpty else { return try await preparePage(req, query: query, errors: errors) }
            rows = try await CareQueries.all(.permanence, query.filters, setting, where: overdue, on: req.sql)
            let filters = CarePages.describe(query.filters, choices: try await CareFilterChoices.load(.permanence, query: query.filters, req: req),
                                             standards: setting.standards)
            describedAs = (["every child with an overdue milestone"] + filters).joined(separator: ", ")
        case let .chosen(ids):
            // The children selected that are in care and the reader's to see; any other id shows nothing.
            rows = try await CareQueries.all(.permanence, CareListQuery(FormInput()), setting,
                                             where: SQLBinaryExpression(SQLColumn("id", table: "c"), .in, SQLBind.group(ids)), on: req.sql)
            describedAs = "selected from the permanence tracker"
            if rows.isEmpty {
                var errors = FieldErrors()
                errors.add(id: "child", "Select the children the pack is for")
                return try await preparePage(req, query: query, errors: errors)
            }
        }
        let children = try await PanelPackChild.load(rows, today: req.today, dueSoonDays: setting.standards.dueSoonDays, on: req.sql)
        try await req.auditShown(rows.map(\.child.id), detail: "Printed a panel pack for the \(pack.meeting.title.lowercased()) on \(DateText.long(pack.date)): \(PanelPackPages.children(rows.count))")
        let owners = Set(children.flatMap { $0.openActions.compactMap { UUID(text: $0.ownerID) } })
        let cells = CareListContext(today: req.today, standards: setting.standards, people: try await People.load(staff: owners, teams: [], on: req.db))
        // Changing the pack starts from the children in it: never an id the reader may not see.
        var shown = query
        if case .chosen = pack.children { shown.chosen = rows.map(\.child.id.text) }
        return PanelPackPages.pack(context: PageContext(req), pack: pack, query: shown, describedAs: describedAs, children: children, cells: cells,
                                   canRecord: Self.recorders.contains(try req.requirePrincipal().role))
    }

    private func preparePage(_ req: Request, query: PanelPackQuery, errors: FieldErrors) async throws -> Response {
        let setting = try setting(req)
        let overdue = PermanenceDrift.overdue(PermanenceDrift.milestones, today: req.today, standards: setting.standards)
        let listed = try await CareQueries.all(.permanence, query.filters, setting, limit: Self.listed, on: req.sql)
        // Counted only when the list is cut short.
        var total = listed.count
        if total == Self.listed { total = try await CareQueries.count(.permanence, query.filters, setting, on: req.sql) }
        try await req.auditShown(listed.map(\.child.id), detail: "Listed children to choose for a panel pack: \(listed.count) of \(total) shown")
        let choices = try await CareFilterChoices.load(.permanence, query: query.filters, req: req)
        let choosing = PanelPackPages.Choosing(
            filters: CarePages.describe(query.filters, choices: choices, standards: setting.standards), total: total, listed: listed,
            overdue: try await CareQueries.count(.permanence, query.filters, setting, where: overdue, on: req.sql),
            cells: try await CareListsController.context(for: listed, req))
        return PanelPackPages.prepare(context: PageContext(req), query: query, choosing: choosing, errors: errors)
    }

    private func setting(_ req: Request) throws -> CareQueries.Setting {
        CareQueries.Setting(scope: try req.childScope(), today: req.today, homeDistricts: req.application.standards.homeDistricts,
                            standards: req.application.standards.standards)
    }

    // MARK: - The meeting's decisions

    func decisionsForm(req: Request) async throws -> Response {
        let input = req.queryParameters
        guard let decisions = try await meetingDecisions(input, req), !decisions.children.isEmpty else {
            return PanelDecisionsPage.noChildren(context: PageContext(req), status: .ok)
        }
        try await req.auditShown(decisions.children.compactMap(\.id), detail: "Opened the form to record the \(decisions.meeting.title.lowercased())’s decisions")
        return PanelDecisionsPage.form(context: PageContext(req), decisions: decisions, input: input, staff: try await EventChoices.activeStaff(on: req.db),
                                       errors: FieldErrors())
    }

    func recordDecisions(req: Request) async throws -> Response {
        let input = req.form
        guard let decisions = try await meetingDecisions(input, req), !decisions.children.isEmpty else {
            return PanelDecisionsPage.noChildren(context: PageContext(req), status: .unprocessableEntity)
        }
        let staff = try await EventChoices.activeStaff(on: req.db)
        func page(_ errors: FieldErrors) -> Response {
            PanelDecisionsPage.form(context: PageContext(req), decisions: decisions, input: input, staff: staff, errors: errors)
        }
        let read = try await decisions.read(input, staff: staff, today: req.today) { child in
            try await JourneyWriter(req: req, child: child).context()
        }
        let entries: [PanelDecisions.Entry]
        switch read {
        case let .failure(errors): return page(errors)
        case let .success(read): entries = read
        }
        do {
            // One transaction for every child: each record still takes its child's lock (in id order,
            // so two meetings saved at once cannot wait on each other), is checked again, and audited.
            try await req.writeTransaction { db in
                try await req.claimForm(leadingTo: .permanence, on: db)
                for entry in entries.sorted(by: { ($0.child.id?.text ?? "") < ($1.child.id?.text ?? "") }) {
                    let writer = JourneyWriter(req: req, child: entry.child, db: db)
                    let decision: StoredEvent
                    do {
                        decision = try await writer.record(entry.decision)
                    } catch let refused as RecordRefused {
                        throw PanelDecisionRefused(child: entry.child, problems: refused.problems, inAction: false)
                    }
                    guard var action = entry.action else { continue }
                    action.sourceID = try decision.requireID().text
                    do {
                        _ = try await writer.record(action)
                    } catch let refused as RecordRefused {
                        throw PanelDecisionRefused(child: entry.child, problems: refused.problems, inAction: true)
                    }
                }
            }
        } catch let refused as PanelDecisionRefused {
            return page(PanelDecisions.errors(refused.problems, child: refused.child, inAction: refused.inAction))
        }
        req.flash("The \(decisions.meeting.title.lowercased())’s decisions are recorded for \(PanelPackPages.children(entries.count))")
        return req.redirect(to: .permanence)
    }

    /// The meeting and the children named in the form or its address that the reader may see; nil
    /// for a meeting that is not one.
    private func meetingDecisions(_ input: FormInput, _ req: Request) async throws -> PanelDecisions? {
        guard let meeting = PanelMeeting(rawValue: input["meeting"] ?? "") else { return nil }
        let children = try await ChildDirectory.visibleChildren(PanelDecisions.childIDs(input["children"] ?? ""), scope: try req.childScope(), on: req.sql)
        return PanelDecisions(meeting: meeting, children: children)
    }
}
