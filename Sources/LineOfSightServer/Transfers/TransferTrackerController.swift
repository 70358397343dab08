import Foundation
import LineOfSightCore
import Vapor

/// The case transfer tracker (M7): transfers between teams in flight and completed, by team pair,
/// with working days at each step and breaches of the local standards highlighted; and the
/// children waiting in duty for a transfer nobody has requested. Filterable, and downloadable as
/// CSV with the same columns. Every child shown or exported is in the audit trail.
struct TransferTrackerController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.transfers, use: show).allow(Role.childReaders)
    }

    /// The most children waiting in duty the tracker lists.
    static let waitingLimit = 50

    func show(req: Request) async throws -> Response {
        let parameters = req.queryParameters
        let from = String((parameters["from"] ?? "").prefix(40)), to = String((parameters["to"] ?? "").prefix(40))
        let state = String((parameters["state"] ?? "").prefix(20)), month = String((parameters["month"] ?? "").prefix(7))
        let months = Self.months(endingWith: req.today)
        let breachesOnly = state == "breached"
        let stages = state == "inFlight" ? TransferProgress.Stage.inFlight : TransferProgress.Stage(rawValue: state).map { [$0] } ?? []
        let filter = TransferFilter(from: UUID(text: from), to: UUID(text: to), stages: stages, month: months.first { $0.id == month })
        let (today, scope) = (req.today, try req.childScope())
        let csv = parameters["format"] == "csv"
        // Late or overdue is the core's judgement of each transfer, made here on all that match.
        // The page's parts are read at once: none depends on another, and on PostgreSQL each takes
        // a connection of its own.
        async let matching = TransferQueries.tracker(filter, today: today, limit: csv || breachesOnly ? TransferQueries.downloadLimit : TransferQueries.pageLimit,
                                                     scope: scope, on: req.sql)
        async let names = Workforce.teamNames(on: req.sql)
        // Waiting in duty is about the sending team: with a stage or a month chosen, it does not apply.
        let showsWaiting = !csv && filter.stages.isEmpty && filter.month == nil && !breachesOnly && filter.to == nil
        async let waitingRows = showsWaiting ? TransferQueries.waiting(from: filter.from, limit: Self.waitingLimit, scope: scope, on: req.sql) : []
        async let pairCounts = csv || breachesOnly ? [] : TransferQueries.pairs(filter, today: today, scope: scope, on: req.sql)
        var rows = try await matching
        if breachesOnly { rows = rows.filter { $0.progress.breached(asOf: today) } }
        let teams = try await names
        let text = TransferText(today: today, calendar: req.application.standards.calendar,
                                teams: Dictionary(uniqueKeysWithValues: teams.map { ($0.id.text, $0.name) }))
        if csv {
            try await req.auditShown(Array(Set(rows.map(\.childID))), detail: "Exported the transfer tracker as CSV: \(rows.count) rows")
            return CSV.response(filename: "transfers.csv", header: text.columns.map(\.header),
                                rows: rows.map { row in text.columns.map { $0.text(row) } })
        }
        let waiting = try await waitingRows
        let shown = Array(rows.prefix(TransferQueries.pageLimit))
        try await req.auditShown(Array(Set(shown.map(\.childID) + waiting.map(\.child.id))),
                                 detail: "Listed the transfer tracker: \(shown.count) transfers and \(waiting.count) children waiting in duty shown")
        let pairs = try await pairCounts
        let query = [("from", from), ("to", to), ("state", state), ("month", month)].filter { !$0.1.isEmpty }
        return TransferTrackerPage.page(context: PageContext(req), rows: shown, found: rows.count, pairs: pairs, waiting: waiting, text: text,
                                        teams: teams, months: months,
                                        selected: (from, to, state, month), csvHref: SiteURL.transfers.path(query: query + [("format", "csv")]))
    }

    /// The months a filter offers: the core's last 12 months (this one to today), newest first.
    static func months(endingWith today: CivilDate) -> [TrendMonth] {
        TrendMonth.lastTwelve(endingOn: today).reversed()
    }
}

/// "March 2026".
enum MonthText {
    static func name(_ date: CivilDate) -> String {
        String(DateText.long(date.firstOfMonth).drop { $0 != " " }.dropFirst())
    }
}

enum TransferTrackerPage {
    static func page(context: PageContext, rows: [TransferRow], found: Int, pairs: [TransferQueries.PairCount], waiting: [WaitingRow],
                     text: TransferText, teams: [TeamName],
                     months: [TrendMonth], selected: (from: String, to: String, state: String, month: String),
                     csvHref: String) -> Response {
        let teamOptions = teams.map { ($0.id.text, $0.name) }
        return Layout.page(title: "Case transfers", context: context) {
            heading("Case transfers")
            paragraph("Transfers of children’s cases between teams, and children whose record says their case should move but who have no transfer requested. Days are working days; a step is late when it took longer than the council’s local standard.")
            el("form", .attribute("method", "get"), .attribute("action", SiteURL.transfers.path), .class("app-filter")) {
                el("div", .class("app-filter__row")) {
                    SelectField(id: "from", label: "From team", options: [("", "Any team")] + teamOptions, selected: selected.from).node
                    SelectField(id: "to", label: "To team", options: [("", "Any team")] + teamOptions, selected: selected.to).node
                    SelectField(id: "state", label: "Show", options: [("", "Every transfer")] + TransferText.stageOptions
                        + [("breached", "Late or overdue")], selected: selected.state).node
                    SelectField(id: "month", label: "Requested in", options: [("", "The last 12 months, and all in flight")]
                        + months.map { ($0.id, $0.title) }, selected: selected.month).node
                }
                button("Show")
            }
            if let role = context.principal?.role, TransferReviewController.roles.contains(role) {
                el("p", .class("govuk-body")) { link("The monthly transfer review pack", .transferReview) }
            }
            byTeamPair(pairs, text: text)
            el("h2", .class("govuk-heading-m")) { "Transfers" }
            paragraph(found == 1 ? "1 transfer" : "\(found.formatted()) transfers", "govuk-body govuk-!-font-weight-bold")
            if found > rows.count {
                paragraph("The latest \(rows.count.formatted()) are shown: choose a team, a stage or a month, or download them all.")
            }
            if rows.isEmpty {
                paragraph("No transfers match.")
            } else {
                transfersTable(rows, text: text)
                el("p", .class("govuk-body")) { link("Download these transfers as a spreadsheet (CSV)", href: csvHref) }
            }
            waitingSection(waiting, text: text)
        }
    }

    /// Each transfer, its steps' days, breaches as red tags.
    static func transfersTable(_ rows: [TransferRow], text: TransferText) -> Node {
        let columns = text.columns
        let tagged: Set<String> = ["Acceptance", "First visit standard"]
        // Wide: it scrolls sideways on its own, reachable from the keyboard.
        return el("div", .class("app-table-scroll"), .attribute("tabindex", "0"), .attribute("role", "region"), .aria("label", "Transfers")) {
            table(caption: "Transfers", captionVisible: false, columns: columns.map { TableColumn(header: $0.header) }, rows: rows.map { row in
                columns.map { column -> Node in
                    if column.header == "Child" { return link(row.childName, .child(.value(row.childID))) }
                    // The stage opens the transfer itself, where its manager accepts or rejects it.
                    if column.header == "Stage", let event = UUID(text: row.progress.id) {
                        return link(column.text(row), .event(child: .value(row.childID), event: .value(event)))
                    }
                    if tagged.contains(column.header) {
                        let standing = column.header == "Acceptance" ? text.acceptance(row.progress) : text.firstVisit(row.progress)
                        if standing.isBreach { return tag(standing.text, .red) }
                    }
                    return .text(column.text(row))
                }
            })
        }
    }

    /// How many transfers match, by team pair and stage.
    static func byTeamPair(_ counts: [TransferQueries.PairCount], text: TransferText) -> Node {
        struct Pair: Hashable { let from: String; let to: String }
        var byPair: [Pair: [String: Int]] = [:]
        for count in counts {
            byPair[Pair(from: count.from?.text ?? "", to: count.to?.text ?? ""), default: [:]][count.stage, default: 0] += count.transfers
        }
        guard !byPair.isEmpty else { return .empty }
        // Hundreds of pairs: each one's team names looked up once, then sorted by them.
        let pairs = byPair.map { (counts: $0.value, names: (text.team($0.key.from), text.team($0.key.to))) }.sorted { $0.names < $1.names }
        let stages = TransferProgress.Stage.allCases
        return table(caption: "By team pair", columns: [TableColumn(header: "From"), TableColumn(header: "To")]
            + stages.map { TableColumn(header: TransferText.stage($0), numeric: true) }, rows: pairs.map { pair in
            [.text(pair.names.0), .text(pair.names.1)] + stages.map { .text(String(pair.counts[$0.rawValue] ?? 0)) }
        })
    }

    static func waitingSection(_ waiting: [WaitingRow], text: TransferText) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m")) { "Waiting in duty" }
            paragraph("Children still allocated to a front door or duty and assessment team whose record says their case should move: an assessment authorised with a child in need or looked-after outcome, a child protection plan, a child in need plan or a period of care — with no transfer requested since. Shown with every transfer or only a sending team.")
            if waiting.isEmpty {
                paragraph("No children are waiting.")
            } else {
                text.waitingTable(waiting, caption: "Children waiting in duty")
                if waiting.count == TransferTrackerController.waitingLimit {
                    paragraph("Only the \(waiting.count) waiting longest are shown: choose a from team.")
                }
            }
        }
    }
}
