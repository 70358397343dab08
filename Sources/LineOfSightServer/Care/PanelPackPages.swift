import LineOfSightCore
import Vapor

/// The pages of a panel pack: choosing the meeting and its children, and the pack to print.
enum PanelPackPages {
    /// What the page choosing a pack shows besides the choice itself.
    struct Choosing {
        /// The tracker's filters in words ("team Children in Care Team").
        let filters: [String]
        /// How many children the tracker shows with those filters, and the first of them to tick.
        let total: Int
        let listed: [CareRow]
        let overdue: Int
        let cells: CareListContext
    }

    static func prepare(context: PageContext, query: PanelPackQuery, choosing: Choosing, errors: FieldErrors) -> Response {
        let title = "Prepare a panel pack"
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title)
                    paragraph("A pack lists, for each child, their permanence plan, the options considered, their milestones, what is overdue and the decisions needed: print it for the meeting. Afterwards, record the meeting’s decisions and actions for every child in one form.")
                    el("p", .class("govuk-body")) {
                        "From the permanence tracker: "
                        choosing.filters.isEmpty ? "every child in care you can see" : choosing.filters.joined(separator: ", ")
                        " (\(children(choosing.total))). "
                        link("Change the filters", href: SiteURL.permanence.path(query: query.filters.filters))
                    }
                    el("form", .attribute("method", "get"), .attribute("action", SiteURL.panelPack.path), .flag("novalidate")) {
                        for (name, value) in query.filters.filters { Node.void("input", [.type("hidden"), .name(name), .value(value)]) }
                        RadiosField(id: "meeting", legend: "Which meeting is it for?",
                                    items: PanelMeeting.allCases.map { .init(value: $0.rawValue, label: $0.title) },
                                    selected: query.meeting, error: errors[id: "meeting"]).node
                        DateField(id: "date", legend: "Date of the meeting", value: query.date, hint: "For example, 14 4 2026",
                                  error: errors[id: "date"]).node
                        RadiosField(id: "which", legend: "Which children?", items: [
                            .init(value: PanelPackQuery.overdue, label: "Every child with an overdue milestone (\(choosing.overdue.formatted()))"),
                            .init(value: PanelPackQuery.chosenOnes, label: "The children I select", conditional: [choose(query, choosing, errors)]),
                        ], selected: query.which, hint: "A pack holds up to \(PanelPackQuery.maximumChildren) children", error: errors[id: "which"]).node
                        button("Prepare the pack")
                    }
                }
            }
        }
    }

    private static func choose(_ query: PanelPackQuery, _ choosing: Choosing, _ errors: FieldErrors) -> Node {
        if choosing.listed.isEmpty {
            return formGroup(error: errors[id: "child"]) {
                errorMessage(id: "child", errors[id: "child"])
                el("p", .class("govuk-body"), .id("child")) { "No children match the tracker’s filters." }
            }
        }
        let more = choosing.total > choosing.listed.count
        return CheckboxesField(id: "child", legend: "Select the children", options: choosing.listed.map { row in
            (row.child.id.text, "\(row.child.fullName) (\(row.child.laChildID)), \(CareList.drift(row, choosing.cells).label.lowercased())")
        }, checked: query.chosen,
        hint: more ? "The \(choosing.listed.count) children most at risk of drift are listed, of \(choosing.total.formatted()). Filter the tracker to list others." : nil,
        error: errors[id: "child"]).node
    }

    /// The pack: the tracker's row for every child, then a section for each.
    static func pack(context: PageContext, pack: PanelPack, query: PanelPackQuery, describedAs: String, children: [PanelPackChild],
                     cells: CareListContext, canRecord: Bool) -> Response {
        let title = "\(pack.meeting.title) on \(DateText.long(pack.date))"
        return Layout.page(title: title, context: context, printable: true) {
            heading(pack.meeting.title + ", " + DateText.withWeekday(pack.date), caption: "Panel pack")
            paragraph("Prepared on \(DateText.long(cells.today)): \(Self.children(children.count)), \(describedAs).")
            el("ul", .class("govuk-list app-no-print")) {
                if canRecord {
                    el("li") {
                        link("Record the meeting’s decisions for these children", href: SiteURL.panelDecisions.path(query: [
                            ("meeting", pack.meeting.rawValue), ("date-day", query.date.day), ("date-month", query.date.month),
                            ("date-year", query.date.year), ("children", children.map(\.row.child.id.text).joined(separator: " ")),
                        ]))
                    }
                }
                el("li") { link("Change the pack", href: SiteURL.preparePanelPack.path(query: query.parameters)) }
            }
            CarePages.printTable(.permanence, rows: children.map(\.row), cells: cells, caption: "The children")
            for child in children { section(child, cells: cells) }
        }
    }

    private static func section(_ child: PanelPackChild, cells: CareListContext) -> Node {
        let row = child.row
        let name = row.child.fullName
        return el("section", .class("app-pack-child"), .aria("labelledby", "child-\(row.child.id.text)")) {
            el("h2", .class("govuk-heading-l"), .id("child-\(row.child.id.text)")) { name }
            summaryList([
                SummaryRow("Child ID", row.child.laChildID),
                SummaryRow("Age", CareColumn.age.text(row, cells)),
                SummaryRow("Allocated worker", [row.child.workerName, row.child.teamName].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "Unallocated"),
                SummaryRow("Legal status", row.period?.legal_status.map { LookedAfterCodes.legalStatuses[$0]?.meaning ?? $0 } ?? "Not recorded"),
                SummaryRow("Time in care", row.period?.periodStart.map { "\(DateText.duration(from: $0, to: cells.today)), since \(DateText.long($0))" } ?? ""),
                SummaryRow("Plan by the second review", CareList.planByReview(row.permanence, cells)),
                SummaryRow("Tracker status", CareList.drift(row, cells).label),
            ])
            el("h3", .class("govuk-heading-m")) { "Decisions needed" }
            let needed = child.decisionsNeeded(today: cells.today, standards: cells.standards)
            if needed.isEmpty {
                paragraph("Nothing is outstanding: confirm the plan and when it will be achieved.")
            } else {
                el("ul", .class("govuk-list govuk-list--bullet")) { for item in needed { el("li") { item } } }
            }
            if child.plans.isEmpty {
                el("h3", .class("govuk-heading-m")) { "Permanence plan" }
                paragraph("No permanence plan has been agreed since \(name) came into care.")
            } else {
                table(caption: "Permanence plans agreed", columns: [.init(header: "Agreed"), .init(header: "Plan"), .init(header: "How it will be achieved")],
                      rows: child.plans.map { plan in [
                          .text(DateText.long(plan.date)),
                          .text(plan.plans.map { PermanenceCodes.plans[$0]?.meaning ?? $0 }.joined(separator: "; ")),
                          .text(plan.notes ?? ""),
                      ] })
            }
            if child.options.isEmpty {
                el("h3", .class("govuk-heading-m")) { "Options considered" }
                paragraph("No way to permanence is recorded as considered.")
            } else {
                table(caption: "Options considered",
                      columns: [.init(header: "Way to permanence"), .init(header: "Considered"), .init(header: "Assessment"), .init(header: "Outcome")],
                      rows: child.options.map { option in [
                          .text(option.route.label + (option.who.map { " (\($0))" } ?? "")),
                          .text(DateText.long(option.considered)),
                          .text(assessment(option)),
                          .text(outcome(option)),
                      ] })
            }
            if child.milestones.isEmpty {
                el("h3", .class("govuk-heading-m")) { "Milestones" }
                paragraph("No milestone is due.")
            } else {
                table(caption: "Milestones", columns: [.init(header: "Milestone"), .init(header: "Due"), .init(header: "Status"), .init(header: "Met")],
                      rows: child.milestones.map { milestone in [
                          .text(ObligationText.title(milestone)),
                          .text(DateText.long(milestone.due)),
                          ObligationText.tag(milestone.status(asOf: cells.today, dueSoonDays: cells.dueSoonDays)),
                          .text(milestone.metBy.map { DateText.long($0.date) } ?? ""),
                      ] })
            }
            el("h3", .class("govuk-heading-m")) { "Overdue" }
            if child.overdue.isEmpty {
                paragraph("Nothing is overdue.")
            } else {
                el("ul", .class("govuk-list govuk-list--bullet")) {
                    for obligation in child.overdue { el("li") { "\(child.title(obligation)), due \(DateText.long(obligation.due))" } }
                }
            }
            if child.decisions.isEmpty {
                el("h3", .class("govuk-heading-m")) { "Decisions so far" }
                paragraph("No permanence decision or legal planning meeting is recorded.")
            } else {
                table(caption: "Decisions so far", columns: [.init(header: "Date"), .init(header: "Made by"), .init(header: "Decision")],
                      rows: child.decisions.map { [.text(DateText.long($0.date)), .text($0.by), .text($0.what)] })
            }
            if !child.openActions.isEmpty {
                table(caption: "Open actions", columns: [.init(header: "What needs to be done"), .init(header: "Who"), .init(header: "Due")],
                      rows: child.openActions.map { action in [
                          .text(action.description), .text(cells.people.staff[action.ownerID] ?? "Someone who has left"), CareList.dueNode(action.due, cells),
                      ] })
            }
        }
    }

    private static func assessment(_ option: PermanenceOptionRecord) -> String {
        guard let assessment = option.assessment else { return "None recorded" }
        if let completed = option.assessmentCompleted { return "\(assessment.label), completed \(DateText.long(completed))" }
        if let started = option.assessmentStarted { return "\(assessment.label), started \(DateText.long(started))" }
        return assessment.label
    }

    private static func outcome(_ option: PermanenceOptionRecord) -> String {
        guard let outcome = option.outcome else { return "Not decided" }
        let what = outcome == .pursued ? "Being pursued" : "Ruled out"
        return [what + (option.decided.map { " (\(DateText.long($0)))" } ?? ""), option.reason].compactMap { $0 }.joined(separator: ": ")
    }

    static func children(_ count: Int) -> String { count == 1 ? "1 child" : "\(count.formatted()) children" }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
