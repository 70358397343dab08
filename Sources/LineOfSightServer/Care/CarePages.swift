import LineOfSightCore
import Vapor

/// The pages of the care lists: the list's filters, its table a page at a time, and its CSV link.
enum CarePages {
    /// The care lists, for moving between them.
    static let lists: [(title: String, url: SiteURL)] = [
        ("Children in care", .childrenInCare), ("Permanence", .permanence), ("Adoption", .adoption), ("Pre-proceedings", .preProceedings), ("Care proceedings", .proceedings),
        ("Reviews due", .reviewsDue), ("Missing and away", .missingEpisodes),
        ("Care leavers", .careLeavers),
    ]

    static func list(_ list: CareList, context: PageContext, query: CareListQuery, page: Paged<CareRow>, cells: CareListContext,
                     choices: CareFilterChoices, hasDistricts: Bool, intro: Node = .empty, flash: String? = nil) -> Response {
        Layout.page(title: list.title, context: context) {
            if let flash { successBanner(flash) }
            heading(list.title)
            otherLists(current: list.url)
            intro
            filterForm(list, query: query, choices: choices, hasDistricts: hasDistricts)
            if list.kind == .permanence, let drift = PermanenceDrift(rawValue: query.drift) {
                el("div", .class("govuk-inset-text")) {
                    "Showing only children \(drift.label(cells.standards)). "
                    link("Show every child in care", href: list.url.path(query: query.filters.filter { $0.0 != "drift" }))
                }
            }
            paragraph(page.total == 1 ? "1 child" : "\(page.total.formatted()) children", "govuk-body govuk-!-font-weight-bold")
            if page.rows.isEmpty {
                paragraph("No children match. Clear the filters to see more.")
            } else {
                table(caption: "\(list.title), page \(page.number) of \(page.pageCount)", captionVisible: false,
                      columns: list.columns.map { TableColumn(header: $0.header, numeric: $0.numeric) },
                      rows: page.rows.map { row in list.columns.map { $0.cell(row, cells) } })
                el("ul", .class("govuk-list app-no-print")) {
                    el("li") { link("Download this list as a spreadsheet (CSV)", href: list.url.path(query: query.filters + [("format", "csv")])) }
                    el("li") { link("Print view of the whole list", href: list.url.path(query: query.filters + [("format", "print")])) }
                    if list.kind == .permanence, let role = context.principal?.role, PanelPackController.readers.contains(role) {
                        el("li") { link("Prepare a panel pack from these children", href: SiteURL.preparePanelPack.path(query: query.filters)) }
                    }
                }
            }
            pagination(page: page.number, pageCount: page.pageCount) { list.url.path(query: query.filters + [("page", String($0))]) }
        }
    }

    /// Every row, without navigation: for a meeting, with the filters it was printed with.
    static func printable(_ list: CareList, context: PageContext, query: CareListQuery, rows: [CareRow], cells: CareListContext,
                          choices: CareFilterChoices) -> Response {
        Layout.page(title: list.title, context: context, printable: true) {
            heading(list.title)
            let filters = describe(query, choices: choices, standards: cells.standards)
            paragraph("Printed \(DateText.long(cells.today)): \(rows.count == 1 ? "1 child" : "\(rows.count.formatted()) children")"
                      + (filters.isEmpty ? "." : ", " + filters.joined(separator: ", ") + "."))
            printTable(list, rows: rows, cells: cells)
        }
    }

    /// Every row as text, for paper.
    static func printTable(_ list: CareList, rows: [CareRow], cells: CareListContext, caption: String? = nil) -> Node {
        table(caption: caption ?? list.title, captionVisible: caption != nil, columns: list.columns.map { TableColumn(header: $0.header, numeric: $0.numeric) },
              rows: rows.map { row in list.columns.map { .text($0.text(row, cells)) } })
    }

    /// The filters in words: "team Children in Care Team, permanence plan Adoption".
    static func describe(_ query: CareListQuery, choices: CareFilterChoices, standards: LocalStandards) -> [String] {
        var words: [String] = []
        if let team = choices.teams.first(where: { $0.id.text == query.team }) { words.append("team \(team.name)") }
        if let worker = choices.workers.first(where: { $0.id.text == query.worker }) { words.append("worker \(worker.name)") }
        if let chair = choices.chairs.first(where: { $0.id.text == query.chair }) { words.append("chaired by \(chair.name)") }
        if query.plan == CareListQuery.noPlan { words.append("no permanence plan agreed") }
        if let plan = PermanenceCodes.plans[query.plan] { words.append("permanence plan \(plan.meaning)") }
        if let status = LookedAfterCodes.legalStatuses[query.legalStatus] { words.append("legal status \(status.meaning)") }
        if let type = LookedAfterCodes.placementTypes.followed(by: LookedAfterCodes.retiredPlacementTypes)[query.placementType] {
            words.append("placement \(type.meaning)")
        }
        if query.area == "in" { words.append("placed in the council’s area") }
        if query.area == "out" { words.append("placed out of the council’s area") }
        if let band = CareListQuery.ageBands.first(where: { $0.id == query.age }) { words.append("aged \(band.label.lowercased())") }
        if let band = CareListQuery.timeInCare.first(where: { $0.id == query.inCare }) { words.append("in care \(band.label.lowercased())") }
        if let drift = PermanenceDrift(rawValue: query.drift) { words.append("children \(drift.label(standards))") }
        return words
    }

    static func otherLists(current: SiteURL) -> Node {
        el("nav", .aria("label", "Lists of children in care")) {
            el("ul", .class("govuk-list app-inline-list")) {
                for item in lists {
                    el("li") {
                        if item.url.path == current.path { el("strong") { item.title } } else { link(item.title, item.url) }
                    }
                }
            }
        }
    }

    private static func filterForm(_ list: CareList, query: CareListQuery, choices: CareFilterChoices, hasDistricts: Bool) -> Node {
        let any = ("", "Any")
        return el("form", .attribute("method", "get"), .attribute("action", list.url.path), .class("app-filter")) {
            if !query.drift.isEmpty { Node.void("input", [.type("hidden"), .name("drift"), .value(query.drift)]) }
            el("div", .class("app-filter__row")) {
                if list.filters.contains(.chair) {
                    SelectField(id: "chair", label: "Chaired by", options: [("", "Any reviewing officer")] + choices.chairs.map { ($0.id.text, $0.name) },
                                selected: query.chair).node
                }
                if list.filters.contains(.team) {
                    SelectField(id: "team", label: "Team", options: [("", "All teams")] + choices.teams.map { ($0.id.text, $0.name) },
                                selected: query.team).node
                }
                if list.filters.contains(.worker), !choices.workers.isEmpty {
                    SelectField(id: "worker", label: list.kind == .careLeavers ? "Personal adviser or worker" : "Allocated worker",
                                options: [("", "Anyone in the team")] + choices.workers.map { ($0.id.text, $0.name) }, selected: query.worker).node
                }
                if list.filters.contains(.plan) {
                    SelectField(id: "plan", label: "Permanence plan",
                                options: [any, (CareListQuery.noPlan, "No plan agreed")] + EventField.options(PermanenceCodes.plans).map { ($0.value, $0.label) },
                                selected: query.plan).node
                }
                if list.filters.contains(.legalStatus) {
                    SelectField(id: "legalStatus", label: "Legal status",
                                options: [any] + EventField.codedOptions(LookedAfterCodes.legalStatuses).map { ($0.value, $0.label) },
                                selected: query.legalStatus).node
                }
                if list.filters.contains(.placementType) {
                    SelectField(id: "placementType", label: "Type of placement",
                                options: [any] + EventField.codedOptions(LookedAfterCodes.placementTypes.followed(by: LookedAfterCodes.retiredPlacementTypes))
                                    .map { ($0.value, $0.label) },
                                selected: query.placementType).node
                }
                if list.filters.contains(.area), hasDistricts {
                    SelectField(id: "area", label: "Where placed", options: [any, ("in", "In the council’s area"), ("out", "Out of the council’s area")],
                                selected: query.area).node
                }
                if list.filters.contains(.age) {
                    SelectField(id: "age", label: "Age", options: [any] + CareListQuery.ageBands.map { ($0.id, $0.label) }, selected: query.age).node
                }
                if list.filters.contains(.inCare) {
                    SelectField(id: "inCare", label: "Time in care", options: [any] + CareListQuery.timeInCare.map { ($0.id, $0.label) },
                                selected: query.inCare).node
                }
            }
            if list.filters.contains(.worker), choices.workers.isEmpty {
                paragraph("Choose a team to filter by worker.", "govuk-hint")
            }
            button("Show")
        }
    }
}
