import LineOfSightCore
import Vapor

enum HomePage {
    /// Who sees drift in permanence at the top of their home page.
    static let leaders: Set<Role> = [.headOfService, .director, .qaLead, .analyst, .board]

    static func render(context: PageContext, principal: Principal, summaries: [TeamSummary], myChildren: [ChildListRow],
                       myChildrenTotal: Int, myTeams: [TeamSummary], drift: [(PermanenceDrift, Int)], standards: LocalStandards,
                       today: CivilDate) -> Response {
        let open = summaries.reduce(0) { $0 + $1.children }
        let unallocated = summaries.reduce(0) { $0 + $1.unallocated }
        let holders = summaries.reduce(0) { $0 + $1.caseHolders }
        let fte = summaries.reduce(0.0) { $0 + $1.caseHoldingFTE }
        return Layout.page(title: "Home", context: context) {
            heading(principal.role == .socialWorker ? "My work" : "Line of sight", caption: "Signed in as \(principal.displayName), \(principal.role.title)")
            if principal.role == .socialWorker {
                ChildPages.childrenTable(caption: "Children allocated to you (\(myChildrenTotal))", myChildren, today: today, showAllocation: false)
            }
            if !drift.isEmpty {
                el("h2", .class("govuk-heading-m")) { "Drift in permanence" }
                el("div", .class("app-card-grid")) {
                    for (kind, count) in drift {
                        card(count.formatted(), "children " + kind.label(standards),
                             href: Role.childReaders.contains(principal.role) ? SiteURL.permanence.path(query: [("drift", kind.rawValue)]) : nil)
                    }
                }
            }
            if !myTeams.isEmpty {
                teamTable(caption: myTeams.count == 1 ? "Your team" : "Your teams", myTeams, linkTeams: true)
            }
            el("h2", .class("govuk-heading-m")) { "The authority today" }
            el("div", .class("app-card-grid")) {
                card("\(open.formatted())", "children open to the service")
                card("\(unallocated.formatted())", "children without an allocated worker")
                card("\(holders)", "case-holding staff")
                card(fte > 0 ? String(format: "%.1f", Double(open - unallocated) / fte) : "–", "children per full-time case holder")
            }
            teamTable(caption: "Teams", summaries, linkTeams: Role.workforceReaders.contains(principal.role))
        }
    }

    /// A number with what it counts; with `href`, the number links to the rows behind it.
    static func card(_ value: String, _ label: String, href: String? = nil) -> Node {
        el("div", .class("app-card")) {
            if let href {
                el("a", .class("govuk-link app-card__value"), .href(href)) {
                    value
                    el("span", .class("govuk-visually-hidden")) { " " + label }
                }
            } else {
                el("span", .class("app-card__value")) { value }
            }
            // A linked number already says what it counts to a screen reader.
            el("span", attributes: [.class("app-card__label")] + (href == nil ? [] : [.aria("hidden", "true")])) { label }
        }
    }

    static func teamTable(caption: String, _ summaries: [TeamSummary], linkTeams: Bool) -> Node {
        table(caption: caption, columns: [
            .init(header: "Team"), .init(header: "Service"), .init(header: "Children", numeric: true),
            .init(header: "Unallocated", numeric: true), .init(header: "Children per FTE", numeric: true),
        ], rows: summaries.map { summary in [
            linkTeams ? link(summary.team.name, .team(summary.team.parameter)) : .text(summary.team.name),
            .text(summary.team.service.title),
            .text("\(summary.children)"),
            .text("\(summary.unallocated)"),
            .text(String(format: "%.1f", summary.averageCaseload)),
        ] })
    }
}
