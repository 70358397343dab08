import LineOfSightCore
import Vapor

/// The lists of looked-after children and care leavers, for the reader's scope: children in care,
/// reviews due (an IRO's own by default), care leavers, and missing episodes; each filterable and
/// exported as CSV with the same filters. Every child shown or exported is in the audit trail.
struct CareListsController {
    func register(_ routes: any RoutesBuilder) {
        for list in [CareList.inCare, .permanence, .adoption, .preProceedings, .proceedings, .reviewsDue, .careLeavers] {
            routes.get(list.url) { req in try await show(list, req: req) }.allow(Role.childReaders)
        }
        routes.get(SiteURL.missingEpisodes, use: MissingList.show).allow(Role.childReaders)
    }

    func show(_ list: CareList, req: Request) async throws -> Response {
        var asked = CareListQuery(req.queryParameters)
        let principal = try req.requirePrincipal()
        // A reviewing officer starts from the reviews they chair.
        if list.kind == .reviewsDue, req.queryParameters["chair"] == nil, principal.role == .iro, let staffID = principal.staffID {
            asked.chair = staffID.text
        }
        let query = asked
        let districts = req.application.standards.homeDistricts
        let setting = CareQueries.Setting(scope: try req.childScope(), today: req.today, homeDistricts: districts,
                                          standards: req.application.standards.standards)
        if query.csv || query.printable {
            let rows = try await CareQueries.all(list.kind, query, setting, on: req.sql)
            // The audit row naming every child (thousands, in an export) is written while the
            // export is made; nothing is sent until it is written.
            let detail = "\(query.csv ? "Exported" : "Printed") \(list.what)\(query.csv ? " as CSV" : ""): \(rows.count) rows"
            async let audited: Void = req.auditShown(rows.map(\.child.id), detail: detail)
            let context = try await Self.context(for: rows, req)
            let response = query.printable
                ? CarePages.printable(list, context: PageContext(req), query: query, rows: rows, cells: context,
                                      choices: try await CareFilterChoices.load(list, query: query, req: req))
                : CSV.response(filename: list.filename, header: list.columns.map(\.header),
                               rows: rows.map { row in list.columns.map { $0.text(row, context) } })
            try await audited
            return response
        }
        // The page's parts are read at once where none depends on another (on PostgreSQL each
        // takes a connection of its own); the audit row is written before the page is sent.
        async let found = CareQueries.page(list.kind, query, setting, on: req.sql)
        async let filterChoices = CareFilterChoices.load(list, query: query, req: req)
        async let scorecard = list.kind == .adoption ? AdoptionScorecardView.load(today: req.today, on: req.sql) : nil
        let page = try await found
        async let audited: Void = req.auditShown(page.rows.map(\.child.id),
                                                 detail: "Listed \(list.what): \(page.total) found, page \(page.number) of \(page.pageCount) shown")
        let cells = try await Self.context(for: page.rows, req)
        let intro = try await scorecard.map { AdoptionScorecardView.node($0, standards: setting.standards) } ?? Node.empty
        let choices = try await filterChoices
        try await audited
        return CarePages.list(list, context: PageContext(req), query: query, page: page, cells: cells,
                              choices: choices, hasDistricts: !districts.isEmpty, intro: intro, flash: req.takeFlash())
    }

    /// What the cells of these rows read besides the row: today, the standards, and staff names.
    static func context(for rows: [CareRow], _ req: Request) async throws -> CareListContext {
        let staff = Set(rows.flatMap { [$0.care?.review_chair_id, $0.care?.personal_adviser_id] }.compactMap { $0.flatMap(UUID.init(text:)) })
        return CareListContext(today: req.today, standards: req.application.standards.standards,
                               people: try await People.load(staff: staff, teams: [], on: req.db))
    }
}

/// The choices of a care list's filters that come from the record: teams, workers, reviewing officers.
struct CareFilterChoices: Sendable {
    var teams: [TeamName] = []
    var workers: [(id: UUID, name: String)] = []
    var chairs: [(id: UUID, name: String)] = []

    static func load(_ list: CareList, query: CareListQuery, req: Request) async throws -> CareFilterChoices {
        var choices = CareFilterChoices()
        if list.filters.contains(.team) { choices.teams = try await Workforce.teamNames(on: req.sql) }
        if list.filters.contains(.worker), let team = UUID(text: query.team) {
            // The chosen team's workers: the whole council's would be hundreds to scroll through.
            choices.workers = try await Workforce.staffNames([.socialWorker, .seniorPractitioner, .personalAdviser, .teamManager],
                                                             team: team, on: req.sql)
        }
        if list.filters.contains(.chair) { choices.chairs = try await Workforce.staffNames([.reviewingOfficer], on: req.sql) }
        return choices
    }
}
