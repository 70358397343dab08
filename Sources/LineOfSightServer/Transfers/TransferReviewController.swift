import Foundation
import LineOfSightCore
import Vapor

/// The monthly transfer review pack for the assistant director: for a chosen month, the transfers
/// completed and their timeliness by team pair, the breaches with their reasons, the children
/// waiting longest in duty, and the trend over 12 months as a chart with its table; printable and
/// as CSV. Children named in it are in the audit trail.
struct TransferReviewController {
    static let roles: Set<Role> = [.headOfService, .director]
    /// The children waiting longest that the pack names.
    static let waitingShown = 10
    /// The breaches the page lists (those requested longest ago); the spreadsheet has them all.
    static let breachesShown = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.transferReview, use: show).allow(Self.roles)
    }

    func show(req: Request) async throws -> Response {
        let today = req.today
        let months = TransferTrackerController.months(endingWith: today)
        // The last complete month unless another is chosen: the review looks back.
        let chosen = months.first { $0.id == req.queryParameters["month"] } ?? months[1]
        let (first, last) = (chosen.first, chosen.last)
        let scope = try req.childScope()
        let csv = req.queryParameters["format"] == "csv"
        func transfers(_ kind: TransferQueries.InMonth, limit: Int = TransferQueries.downloadLimit) async throws -> (rows: [TransferRow], total: Int) {
            let found = try await TransferQueries.inMonth(kind, first: first, last: last, limit: limit, scope: scope, on: req.sql)
            // Everything judged as it stood at the end of the month.
            return (found.rows.map { TransferRow(childID: $0.childID, laChildID: $0.laChildID, childName: $0.childName, progress: $0.progress.asOf(last)) },
                    found.total)
        }
        let teams = try await Workforce.teamNames(on: req.sql)
        let text = TransferText(today: last, calendar: req.application.standards.calendar,
                                teams: Dictionary(uniqueKeysWithValues: teams.map { ($0.id.text, $0.name) }))
        if csv {
            // Every transfer the page counts or names: completed (visited in the month), late or
            // overdue, rejected.
            let completed = try await transfers(.visited).rows
            let breaches = try await transfers(.breached).rows, rejected = try await transfers(.rejected).rows
            let listed = completed + breaches.filter { $0.progress.stage != .completed } + rejected
            try await req.auditShown(Array(Set(listed.map(\.childID))), detail: "Exported the transfer review pack for \(chosen.title) as CSV: \(listed.count) rows")
            return CSV.response(filename: "transfer-review-\(chosen.id).csv", header: text.columns.map(\.header),
                                rows: listed.map { row in text.columns.map { $0.text(row) } })
        }
        // The pack's parts are read at once: none depends on another, and on PostgreSQL each
        // takes a connection of its own, so the page waits for the slowest rather than for all.
        async let breaches = transfers(.breached, limit: Self.breachesShown)
        async let rejected = transfers(.rejected)
        // The trend's 12 months end with the chosen one.
        async let steps = TransferQueries.stepCounts(months: TrendMonth.lastTwelve(endingOn: last)[0].first, to: last, scope: scope, on: req.sql)
        async let completed = TransferQueries.completedByPair(first: first, last: last, scope: scope, on: req.sql)
        async let waiting = TransferQueries.waiting(from: nil, limit: Self.waitingShown, scope: scope, on: req.sql)
        let pack = TransferReviewPack(
            month: chosen, completed: try await completed, rejected: try await rejected.rows,
            breaches: try await breaches.rows, breachCount: try await breaches.total,
            trend: TransferMonth.trend(try await steps, endingWith: first, count: 12), waiting: try await waiting,
            first: first, last: last)
        let printable = req.queryParameters["print"] == "yes"
        // The children the page names: completed transfers are counted, not named.
        let named = Array(Set((pack.breaches + pack.rejected).map(\.childID) + pack.waiting.map(\.child.id)))
        try await req.auditShown(named, detail: "\(printable ? "Printed" : "Viewed") the transfer review pack for \(chosen.title)")
        return TransferReviewPage.page(context: PageContext(req), pack: pack, text: text, months: months, printable: printable)
    }
}

/// What the pack shows for one month, from its transfers as they stood at its end.
struct TransferReviewPack {
    let month: TrendMonth
    /// Completed in the month (the receiving team's first visit made in it), by team pair.
    let completed: [TransferPairTimeliness]
    let rejected: [TransferRow]
    /// Late in the month, or overdue at its end: those requested longest ago, and how many there were.
    let breaches: [TransferRow]
    let breachCount: Int
    let trend: [TransferMonth]
    let waiting: [WaitingRow]
    let first: CivilDate
    let last: CivilDate

    var completedCount: Int { completed.reduce(0) { $0 + $1.completed } }
}

enum TransferReviewPage {
    static func page(context: PageContext, pack: TransferReviewPack, text: TransferText,
                     months: [TrendMonth], printable: Bool) -> Response {
        let title = "Transfer review: \(pack.month.title)"
        return Layout.page(title: title, context: context, printable: printable) {
            heading(title)
            paragraph("Transfers of children’s cases between teams in \(pack.month.title), as they stood at the end of the month\(!pack.month.isComplete ? " (so far: to \(DateText.long(pack.last)))" : ""). Days are working days; a step is late when it took longer than the council’s local standard.")
            if !printable {
                el("form", .attribute("method", "get"), .attribute("action", SiteURL.transferReview.path), .class("app-filter app-no-print")) {
                    el("div", .class("app-filter__row")) {
                        SelectField(id: "month", label: "Month", options: months.map { ($0.id, $0.title) }, selected: pack.month.id).node
                    }
                    button("Show")
                }
                el("ul", .class("govuk-list app-no-print")) {
                    el("li") { link("Printable version", href: SiteURL.transferReview.path(query: [("month", pack.month.id), ("print", "yes")])) }
                    el("li") { link("Download the month’s transfers as a spreadsheet (CSV)",
                                    href: SiteURL.transferReview.path(query: [("month", pack.month.id), ("format", "csv")])) }
                }
            }
            timeliness(pack, text: text)
            breaches(pack, text: text)
            waiting(pack, text: text)
            trend(pack)
        }
    }

    /// Completed transfers by team pair: how many, how many kept each standard, and the median
    /// working days to acceptance.
    static func timeliness(_ pack: TransferReviewPack, text: TransferText) -> Node {
        let pairs = pack.completed.map { (pair: $0, names: (text.team($0.fromTeam), text.team($0.toTeam))) }.sorted { $0.names < $1.names }
        func share(_ part: Int, _ whole: Int) -> String { "\(part) of \(whole)" }
        let count = pack.completedCount
        return fragment {
            el("h2", .class("govuk-heading-m")) { "Transfers completed" }
            paragraph(count == 1 ? "1 transfer was completed (first visit by the receiving team) in the month."
                      : "\(count) transfers were completed (first visit by the receiving team) in the month.")
            if !pairs.isEmpty {
                table(caption: "Transfers completed by team pair", captionVisible: false, columns: [
                    TableColumn(header: "From"), TableColumn(header: "To"), TableColumn(header: "Completed", numeric: true),
                    TableColumn(header: "Accepted within standard", numeric: true), TableColumn(header: "First visit within standard", numeric: true),
                    TableColumn(header: "Median working days to acceptance", numeric: true),
                ], rows: pairs.map { pair, names in
                    [.text(names.0), .text(names.1), .text(String(pair.completed)),
                     .text(share(pair.acceptedOnTime, pair.completed)), .text(share(pair.visitedOnTime, pair.completed)),
                     .text(pair.medianDaysToAcceptance.map(String.init) ?? "–")]
                })
            }
        }
    }

    /// How many breaches there were, and which are listed when not all are.
    static func breachesSummary(_ pack: TransferReviewPack) -> String {
        let (all, listed) = (pack.breachCount, pack.breaches.count)
        if all == 1 { return "1 transfer was late or overdue in the month." }
        let count = "\(all.formatted()) transfers were late or overdue in the month"
        return listed < all ? count + ": the \(listed) requested longest ago are listed, and the spreadsheet (CSV) lists them all." : count + "."
    }

    static func breaches(_ pack: TransferReviewPack, text: TransferText) -> Node {
        let columns = [TableColumn(header: "Child"), TableColumn(header: "From"), TableColumn(header: "To"), TableColumn(header: "Requested"),
                       TableColumn(header: "What was late"), TableColumn(header: "Reason")]
        return fragment {
            el("h2", .class("govuk-heading-m")) { "Breaches and their reasons" }
            if pack.breaches.isEmpty {
                paragraph("No transfer was late or overdue in the month.")
            } else {
                paragraph(breachesSummary(pack))
                table(caption: "Transfers late or overdue in the month", captionVisible: false, columns: columns, rows: pack.breaches.map { row in
                    let late = [("Acceptance", text.acceptance(row.progress)), ("First visit", text.firstVisit(row.progress))]
                        .filter { $0.1.isBreach }.map { "\($0.0): \($0.1.text.lowercased())" }.joined(separator: "; ")
                    return [link(row.childName, .child(.value(row.childID))), .text(text.team(row.progress.fromTeam)),
                            .text(text.team(row.progress.toTeam)), .text(DateText.long(row.progress.requested)), .text(late),
                            .text(row.progress.delayReason ?? "No reason recorded")]
                })
            }
            el("h2", .class("govuk-heading-m")) { "Transfers rejected" }
            if pack.rejected.isEmpty {
                paragraph("No transfer was rejected in the month.")
            } else {
                table(caption: "Transfers rejected in the month", captionVisible: false, columns: Array(columns.dropLast(2)) + [
                    TableColumn(header: "Rejected"), TableColumn(header: "Reason")], rows: pack.rejected.map { row in
                    [link(row.childName, .child(.value(row.childID))), .text(text.team(row.progress.fromTeam)),
                     .text(text.team(row.progress.toTeam)), .text(DateText.long(row.progress.requested)),
                     .text(row.progress.rejected.map(DateText.long) ?? ""), .text(row.progress.rejectionReason ?? "")]
                })
            }
        }
    }

    static func waiting(_ pack: TransferReviewPack, text: TransferText) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m")) { "Children waiting longest in duty" }
            paragraph("Now, whichever month is shown: children still in a front door or duty and assessment team whose case should have moved, with no transfer requested.")
            if pack.waiting.isEmpty {
                paragraph("No children are waiting.")
            } else {
                text.waitingTable(pack.waiting, caption: "Children waiting longest in duty")
            }
        }
    }

    static func trend(_ pack: TransferReviewPack) -> Node {
        let trend = pack.trend
        let labels = trend.map { String(MonthText.name($0.month).prefix(3)) }
        func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "none to count" }
        let (start, end) = (trend.first, trend.last)
        let description = "Share of transfers accepted within the local standard, and of first visits by the receiving team within it, month by month from \(start.map { MonthText.name($0.month) } ?? "") to \(end.map { MonthText.name($0.month) } ?? ""). In the last month: accepted within standard \(percent(end?.acceptedOnTimePercent)), first visits within standard \(percent(end?.visitedOnTimePercent)). The table below gives every month’s figures."
        let chart = TrendChart(id: "transfer-trend", title: "Transfers within the local standards, last 12 months", description: description,
                               labels: labels, series: [
                                   .init(name: "Accepted within standard", values: trend.map(\.acceptedOnTimePercent)),
                                   .init(name: "First visit within standard", values: trend.map(\.visitedOnTimePercent)),
                               ])
        return fragment {
            el("h2", .class("govuk-heading-m")) { "The last 12 months" }
            chart.node
            table(caption: "Transfers month by month", columns: [
                TableColumn(header: "Month"), TableColumn(header: "Accepted", numeric: true), TableColumn(header: "Within standard", numeric: true),
                TableColumn(header: "First visits", numeric: true), TableColumn(header: "Within standard", numeric: true),
                TableColumn(header: "Rejected", numeric: true),
            ], rows: trend.map { month in
                [.text(MonthText.name(month.month)), .text(String(month.accepted)),
                 .text(month.acceptedOnTimePercent.map { "\(month.acceptedOnTime) (\($0)%)" } ?? "–"),
                 .text(String(month.visited)), .text(month.visitedOnTimePercent.map { "\(month.visitedOnTime) (\($0)%)" } ?? "–"),
                 .text(String(month.rejected))]
            })
        }
    }
}
