import Foundation
import LineOfSightCore
import SQLKit
import Vapor

/// Missing and away episodes of the children in the reader's scope, with every return home
/// interview offered after each and whether the 72-hour timescale was kept; filterable by team,
/// period and what is still to do, and exported as CSV.
enum MissingList {
    /// One episode as listed.
    struct Row: Sendable {
        let child: ChildListRow
        let episodeID: String
        let record: MissingEpisodeRecord
        /// Every offer after it, oldest first.
        let offers: [ReturnInterviewRecord]
        let interview: Obligation?

        var held: ReturnInterviewRecord? { offers.first { $0.held != nil } }

        /// What is left to do, as the status filter names it.
        var status: String {
            if record.end == nil { return "missing" }
            if offers.isEmpty { return "notOffered" }
            if held == nil { return "notHeld" }
            return "held"
        }
    }

    static let statuses: [(id: String, label: String)] = [
        ("missing", "Still missing"), ("notOffered", "Back, no interview offered"), ("notHeld", "Offered, not held"), ("held", "Interview held"),
    ]
    static let periods: [(id: String, label: String, months: Int)] = [("3", "Last 3 months", 3), ("6", "Last 6 months", 6), ("12", "Last 12 months", 12)]

    static let columns: [(header: String, text: @Sendable (Row, CivilDate) -> String)] = [
        ("Name", { row, _ in row.child.fullName }),
        ("Missing or away", { row, _ in row.record.kind == .missing ? "Missing" : "Away" }),
        ("From", { row, _ in DateText.long(row.record.start) + (row.record.startTime.map { " at \($0)" } ?? "") }),
        ("Back", { row, _ in row.record.end.map(DateText.long) ?? "Still missing" }),
        ("Reported to police", { row, _ in row.record.reportedToPolice.map { $0 ? "Yes" : "No" } ?? "Not recorded" }),
        ("Return home interview", { row, _ in interviewText(row) }),
        ("Offered within 72 hours", { row, today in
            guard let interview = row.interview else { return "" }
            switch interview.status(asOf: today, dueSoonDays: 0) {
            case .metOnTime: return "Yes"
            case .metLate: return "Late"
            case .overdue: return "Overdue"
            default: return "Due"
            }
        }),
    ]

    static func interviewText(_ row: Row) -> String {
        guard !row.offers.isEmpty else { return row.record.end == nil ? "" : "Not offered" }
        let offered = "Offered \(row.offers.count == 1 ? "once" : "\(row.offers.count) times"), first on \(DateText.long(row.offers[0].offered))"
        if let held = row.held?.held { return offered + "; held on \(DateText.long(held))" }
        let answers = row.offers.compactMap(\.response)
        if answers.contains(.declined) { return offered + "; declined" }
        return offered + "; not held yet"
    }

    static func show(req: Request) async throws -> Response {
        let parameters = req.queryParameters
        let team = String((parameters["team"] ?? "").prefix(40)), status = String((parameters["status"] ?? "").prefix(20))
        let period = periods.first { $0.id == parameters["period"] } ?? periods[1]
        let rows = try await load(team: UUID(text: team), since: req.today.adding(months: -period.months), status: status,
                                  scope: req.childScope(), on: req.sql)
        let today = req.today
        if parameters["format"] == "csv" {
            try await req.auditShown(Array(Set(rows.map(\.child.id))), detail: "Exported missing and away episodes as CSV: \(rows.count) rows")
            return CSV.response(filename: "missing-and-away.csv", header: columns.map(\.header),
                                rows: rows.map { row in columns.map { $0.text(row, today) } })
        }
        let page = Paged(slicing: rows, page: parameters.page, size: CareQueries.pageSize)
        try await req.auditShown(Array(Set(page.rows.map(\.child.id))),
                                 detail: "Listed missing and away episodes: \(page.rows.count) shown of \(rows.count), page \(page.number)")
        let teams = try await Workforce.teamNames(on: req.sql)
        let filters = [("team", team), ("period", period.id), ("status", status)].filter { !$0.1.isEmpty }
        return Layout.page(title: "Missing and away", context: PageContext(req)) {
            heading("Missing and away")
            CarePages.otherLists(current: .missingEpisodes)
            el("form", .attribute("method", "get"), .attribute("action", SiteURL.missingEpisodes.path), .class("app-filter")) {
                el("div", .class("app-filter__row")) {
                    SelectField(id: "team", label: "Team", options: [("", "All teams")] + teams.map { ($0.id.text, $0.name) }, selected: team).node
                    SelectField(id: "period", label: "Went missing in the", options: periods.map { ($0.id, $0.label.lowercased()) }, selected: period.id).node
                    SelectField(id: "status", label: "Show", options: [("", "Every episode")] + statuses.map { ($0.id, $0.label) }, selected: status).node
                }
                button("Show")
            }
            paragraph(rows.count == 1 ? "1 episode" : "\(rows.count.formatted()) episodes", "govuk-body govuk-!-font-weight-bold")
            if rows.isEmpty {
                paragraph("No episodes match.")
            } else {
                table(caption: "Missing and away episodes", captionVisible: false, columns: columns.map { TableColumn(header: $0.header) },
                      rows: page.rows.map { row in
                          columns.enumerated().map { index, column -> Node in
                              if index == 0 { return link(row.child.fullName, .child(.value(row.child.id))) }
                              if index == 3, row.record.end == nil { return tag("Still missing", .red) }
                              if index == 6, let interview = row.interview { return ObligationText.tag(interview.status(asOf: today, dueSoonDays: 0)) }
                              return .text(column.text(row, today))
                          }
                      })
                pagination(page: page.number, pageCount: page.pageCount) { SiteURL.missingEpisodes.path(query: filters + [("page", String($0))]) }
                el("p", .class("govuk-body")) {
                    link("Download this list as a spreadsheet (CSV)", href: SiteURL.missingEpisodes.path(query: filters + [("format", "csv")]))
                }
            }
        }
    }

    /// The episodes that started since `since` (or are still open) of the children in scope, newest first.
    static func load(team: UUID?, since: CivilDate, status: String, scope: ChildScope, on db: any SQLDatabase) async throws -> [Row] {
        struct Event: Decodable { let event_id: UUID; let list: String; let record: String }
        let builder = ChildDirectory.scoped(ChildDirectory.selectColumns(db.select())
            .column(SQLColumn("id", table: "e"), as: "event_id").column(SQLColumn("list", table: "e")).column(SQLColumn("record", table: "e")),
            ChildFilter(teamID: team), scope)
            .join(SQLAlias(SQLIdentifier(StoredEvent.schema), as: SQLIdentifier("e")), method: SQLJoinMethod.inner,
                  on: SQLColumn("child_id", table: "e"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("list", table: "e"), .in, SQLBind.group([JourneyList.missingEpisodes.rawValue, JourneyList.returnInterviews.rawValue]))
            .where(SQLColumn("withdrawn_reason", table: "e"), .is, SQLLiteral.null)
            .where(SQLColumn("date", table: "e"), .greaterThanOrEqual, SQLBind(since.adding(months: -1).iso))
        var byChild: [UUID: (child: ChildListRow, events: [RecordedEvent])] = [:]
        for row in try await builder.all(decoding: ChildListRow.With<Event>.self) {
            let event = row.extra
            guard let list = JourneyList(rawValue: event.list), let record = try? list.decode(stored: event.record) else { continue }
            byChild[row.child.id, default: (row.child, [])].events.append(RecordedEvent(id: event.event_id.text, record: record))
        }
        let interviews = try await interviewObligations(of: Array(byChild.keys), on: db)
        var rows: [Row] = []
        for (_, entry) in byChild {
            // The projection puts each offer with its episode, as the timescale reads it.
            let journey = Journey(childID: entry.child.id.text, dateOfBirth: nil, events: entry.events, allocations: [])
            let records = Dictionary(uniqueKeysWithValues: entry.events.map { ($0.id, $0.record) })
            for episode in journey.missingEpisodes {
                guard let record = records[episode.id] as? MissingEpisodeRecord, record.start >= since || record.end == nil else { continue }
                let offers = episode.interviewOffers.compactMap { records[$0.id] as? ReturnInterviewRecord }.sorted { $0.offered < $1.offered }
                rows.append(Row(child: entry.child, episodeID: episode.id, record: record, offers: offers,
                                interview: interviews["\(RuleID.returnInterview):\(episode.id)"]))
            }
        }
        return rows.filter { status.isEmpty || $0.status == status }
            .sorted { ($0.record.start, $0.episodeID) > ($1.record.start, $1.episodeID) }
    }

    private static func interviewObligations(of children: [UUID], on db: any SQLDatabase) async throws -> [String: Obligation] {
        guard !children.isEmpty else { return [:] }
        struct ChildRow: Decodable { let child_id: UUID }
        let rows = try await db.select().columns("*").from(DerivedRows.obligations)
            .where("child_id", .in, SQLBind.group(children)).where("rule", .equal, SQLBind(RuleID.returnInterview.rawValue))
            .all()
        return Dictionary(try rows.compactMap { row in
            let obligation = try row.decode(model: DerivedRows.ObligationRow.self)
            return obligation.obligation(child: try row.decode(model: ChildRow.self).child_id).map { (obligation.id, $0) }
        }) { first, _ in first }
    }
}
