import Fluent
import LineOfSightCore
import Vapor

struct MyWorkController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.myWork, use: page).allow(Role.caseResponsible)
        routes.get(SiteURL.api(.myWork), use: api).allow(Role.caseResponsible)
    }

    func page(req: Request) async throws -> Response {
        let work = try await MyWork.load(req)
        try await req.auditShown(work.childrenShown, detail: "Viewed My work")
        // A manager's own work includes the supervision they owe the people they supervise.
        let supervision = SupervisionFrequency.of(work.supervisees, sessions: work.supervisionSessions, setup: req.application.standards)
        return MyWorkPages.page(context: PageContext(req), work: work, supervision: supervision,
                                dueSoonDays: req.application.standards.standards.dueSoonDays)
    }

    func api(req: Request) async throws -> APIWork {
        let work = try await MyWork.load(req)
        try await req.auditShown(work.childrenShown, detail: "Read My work through the API")
        return APIWork(work)
    }
}

/// "My work" as JSON: what the page shows.
struct APIWork: Content {
    struct Item: Content {
        let childID: UUID
        let childName: String
        let obligationID: String
        let rule: String
        let title: String
        let due: String
        let status: String
    }

    struct Count: Content {
        let id: UUID?
        let name: String
        let overdue: Int
        let dueSoon: Int
    }

    /// An event waiting for the manager's authorisation.
    struct Awaiting: Content {
        let childID: UUID
        let childName: String
        let list: String
        let eventID: UUID
        let step: String
        let since: String
    }

    let asOf: String
    let dueBy: String
    /// One page of the items (`?page=`), most urgent first, of `itemsTotal`.
    let items: [Item]
    let itemsTotal: Int
    let page: Int
    let pageCount: Int
    let actions: [Item]
    let counts: [Count]
    let unallocatedChildren: Int
    let awaitingAuthorisation: [Awaiting]

    init(_ work: MyWork) {
        func item(_ row: WorkQueries.Row) -> Item {
            Item(childID: row.child_id, childName: row.childName, obligationID: row.id, rule: row.rule,
                 title: RuleCatalogue.rule(row.ruleID)?.title ?? row.rule, due: row.due, status: work.status(row).rawValue)
        }
        asOf = work.today.iso
        dueBy = work.until.iso
        items = work.rows.map(item)
        itemsTotal = work.rowsTotal
        page = work.page
        pageCount = work.pageCount
        actions = work.actions.map(item)
        counts = work.counts.map { Count(id: $0.id, name: $0.name, overdue: $0.overdue, dueSoon: $0.dueSoon) }
        unallocatedChildren = work.unallocatedTotal
        awaitingAuthorisation = work.awaitingAuthorisation.map {
            Awaiting(childID: $0.childID, childName: $0.childName, list: $0.list.rawValue, eventID: $0.eventID, step: $0.step.title, since: $0.since.iso)
        }
    }
}

enum MyWorkPages {
    static func page(context: PageContext, work: MyWork, supervision: [SupervisionFrequency] = [], dueSoonDays: Int = 0) -> Response {
        return Layout.page(title: "My work", context: context) {
            heading("My work", caption: "As of \(DateText.long(work.today))")
            el("div", .class("app-card-grid")) {
                HomePage.card("\(work.overdue)", "overdue", href: dueLink(WorkQueries.Keep(overdueOnly: true)))
                HomePage.card("\(work.notOverdue)", "due by \(DateText.long(work.until))", href: SiteURL.myWork.path + "#due")
                switch work.level {
                case .worker: HomePage.card("\(work.actions.count)", "open actions", href: "#actions")
                case .team:
                    HomePage.card("\(work.unallocatedTotal)", "children without a worker", href: "#unallocated")
                    HomePage.card("\(work.awaitingAuthorisation.count)", "waiting for your authorisation", href: "#authorise")
                case .service: fragment {}
                }
            }
            if !work.counts.isEmpty {
                table(caption: work.level == .team ? "By worker" : "By team", columns: [
                    .init(header: work.level == .team ? "Worker" : "Team"), .init(header: "Overdue", numeric: true),
                    .init(header: "Due in the next \(MyWork.windowWorkingDays) working days", numeric: true),
                ], rows: work.counts.map { count in
                    // A team's row without an id is its children's with no allocated worker.
                    var keep = work.level == .team ? WorkQueries.Keep(workerID: count.id, withoutWorker: count.id == nil) : WorkQueries.Keep(teamID: count.id)
                    let all = dueLink(keep)
                    keep.overdueOnly = true
                    return [link(count.name, href: all), link("\(count.overdue)", href: dueLink(keep)), link("\(count.dueSoon)", href: all)]
                })
            }
            if !supervision.isEmpty {
                el("h2", .class("govuk-heading-m"), .id("supervision")) { "Supervision you lead" }
                SupervisionPages.frequencyTable(supervision, today: work.today, dueSoonDays: dueSoonDays)
            }
            el("h2", .class("govuk-heading-m"), .id("due")) { dueHeading(work) }
            if !work.filter.keep.keepsEverything {
                el("p", .class("govuk-body")) { link("Show everything", .myWork) }
            }
            if work.rows.isEmpty {
                paragraph(work.filter.keep.overdueOnly ? "Nothing is overdue." : "Nothing is overdue or due by \(DateText.long(work.until)).")
            } else {
                dueTable(work.rows, total: work.rowsTotal, work: work, showWorker: work.level != .worker)
                pagination(page: work.page, pageCount: work.pageCount) { page in dueLink(work.filter.keep, page: page) }
            }
            if work.level == .worker {
                el("h2", .class("govuk-heading-m"), .id("actions")) { "Your open actions" }
                if work.actions.isEmpty { paragraph("You have no open actions.") } else { dueTable(work.actions, total: work.actions.count, work: work, showWorker: false) }
            }
            if work.level == .team {
                el("h2", .class("govuk-heading-m"), .id("authorise")) { "Waiting for your authorisation" }
                if work.awaitingAuthorisation.isEmpty {
                    paragraph("No contact decision, completed assessment or transfer to your team is waiting for your authorisation.")
                } else {
                    table(caption: "Waiting for your authorisation, longest first", captionVisible: false,
                          columns: [.init(header: "Child"), .init(header: "What"), .init(header: "Waiting since")],
                          rows: work.awaitingAuthorisation.map { item in [
                              .text(item.childName),
                              link(item.step.title + " (" + item.list.form.name + ")",
                                   .eventStep(child: .value(item.childID), event: .value(item.eventID), step: .value(item.step.id))),
                              .text(DateText.long(item.since)),
                          ] })
                }
                el("h2", .class("govuk-heading-m"), .id("unallocated")) { "Children without an allocated worker" }
                if work.unallocated.isEmpty {
                    paragraph("Every child in the team has a worker.")
                } else {
                    ChildPages.childrenTable(caption: "Children without an allocated worker", captionVisible: false, work.unallocated, today: work.today, showAllocation: false)
                }
            }
        }
    }

    private static func dueHeading(_ work: MyWork) -> String {
        var text = work.filter.keep.overdueOnly ? "Overdue" : "Overdue and due by \(DateText.long(work.until))"
        if let worker = work.filter.keep.workerID { text += " for " + (work.people.staff[worker.text] ?? "this worker") }
        if work.filter.keep.withoutWorker { text += " for children with no allocated worker" }
        if let team = work.filter.keep.teamID { text += " in " + (work.people.teams[team.text] ?? "this team") }
        return text
    }

    /// My work's rows that `keep` lists, at the table of them (on page `page`, if given).
    private static func dueLink(_ keep: WorkQueries.Keep, page: Int? = nil) -> String {
        SiteURL.myWork.path(query: MyWork.Filter.query(keep) + (page.map { [("page", String($0))] } ?? [])) + "#due"
    }

    private static func dueTable(_ rows: [WorkQueries.Row], total: Int, work: MyWork, showWorker: Bool) -> Node {
        var columns: [TableColumn] = [.init(header: "Child"), .init(header: "What is due"), .init(header: "Due"), .init(header: "Status")]
        if showWorker { columns.append(.init(header: "Worker")) }
        let caption = rows.count < total ? "\(rows.count) of \(total) items, most urgent first" : "\(total) items, most urgent first"
        return table(caption: caption, captionVisible: false, columns: columns, rows: rows.map { row in
            var cells: [Node] = [
                link(row.childName, href: SiteURL.child(.value(row.child_id)).path + "#due"),
                .text(RuleCatalogue.rule(row.ruleID)?.title ?? "Timescale no longer in use"),
                .text(row.dueDate.map(DateText.long) ?? row.due),
                ObligationText.tag(work.status(row)),
            ]
            if showWorker { cells.append(.text(row.worker_id.flatMap { work.people.staff[$0.text] } ?? "Not allocated")) }
            return cells
        })
    }
}
