import LineOfSightCore
import Vapor

/// The pages of the child register.
enum ChildPages {
    static func list(context: PageContext, query: ChildListQuery, page result: ChildDirectory.Page, teams: [TeamName], today: CivilDate) -> Response {
        let (rows, total, page, pageCount) = (result.rows, result.total, result.number, result.pageCount)
        let canAdd = context.principal.map { Role.childEditors.contains($0.role) } ?? false
        return Layout.page(title: "Children", context: context) {
            heading("Children")
            if canAdd { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.newChild)) { "Add a child" } }
            el("form", .attribute("method", "get"), .attribute("action", SiteURL.children.path), .class("app-filter"), .attribute("role", "search")) {
                el("div", .class("app-filter__row")) {
                    TextField(id: "q", label: "Name, LA child ID or UPN", value: query.q, width: "20", spellcheck: false).node
                    SelectField(id: "team", label: "Team", options: [("", "All teams")] + teams.map { ($0.id.text, $0.name) }, selected: query.team).node
                    SelectField(id: "service", label: "Service", options: [("", "All services")] + Service.allCases.map { ($0.rawValue, $0.title) }, selected: query.service).node
                }
                CheckboxField(id: "unallocated", label: "Only children without an allocated worker", checked: query.unallocated).node
                button("Search")
            }
            paragraph(total == 1 ? "1 child" : "\(total.formatted()) children", "govuk-body govuk-!-font-weight-bold")
            if rows.isEmpty {
                paragraph("No children match. Check the spelling, or clear the filters.")
            } else {
                childrenTable(caption: "Children, page \(page) of \(pageCount)", captionVisible: false, rows, today: today, showAllocation: true)
            }
            pagination(page: page, pageCount: pageCount, href: query.href(page:))
        }
    }

    /// The one table of children: name (linking to the record), LA child ID, age, and where they are
    /// allocated when the page is not already about one team or worker.
    static func childrenTable(caption: String, captionVisible: Bool = true, _ rows: [ChildListRow], today: CivilDate, showAllocation: Bool) -> Node {
        var columns: [TableColumn] = [.init(header: "Name"), .init(header: "LA child ID"), .init(header: "Age")]
        if showAllocation { columns += [.init(header: "Team"), .init(header: "Allocated worker")] }
        return table(caption: caption, captionVisible: captionVisible, columns: columns, rows: rows.map { row in
            var cells: [Node] = [
                link(row.fullName, .child(.value(row.id))),
                .text(row.laChildID),
                .text(DateText.age(dateOfBirth: row.dateOfBirth, expected: row.expectedDateOfBirth, today: today)),
            ]
            if showAllocation { cells += [.text(row.teamName ?? "Not allocated"), row.workerName.map(Node.text) ?? tag("Unallocated", .orange)] }
            return cells
        })
    }

    static func summary(context: PageContext, child: Child, allocations: [AllocationHistoryRow], journey: ChildJourneySummary, today: CivilDate, canEdit: Bool, canAllocate: Bool, flash: String?) -> Response {
        let current = allocations.first { $0.endDate == nil }
        return Layout.page(title: child.fullName, context: context, backLink: .children) {
            if let flash { successBanner(flash) }
            heading(child.fullName, caption: "LA child ID \(child.laChildID)")
            if child.restricted { paragraph("This is a restricted record: only people granted access can see it.", "govuk-body govuk-!-font-weight-bold") }
            summaryList(journey.stageRows)
            journey.sections(child: child)
            el("h2", .class("govuk-heading-m")) { "Details" }
            summaryList([
                SummaryRow("Date of birth", child.dateOfBirth.map(DateText.long) ?? "Not recorded"),
                SummaryRow("Age", DateText.age(dateOfBirth: child.dateOfBirth, expected: child.expectedDateOfBirth, today: today)),
                SummaryRow("Sex", child.sex.title),
                SummaryRow("Ethnicity", Ethnicity.title(for: child.ethnicity) ?? child.ethnicity),
                SummaryRow("Unique pupil number (UPN)", child.upn ?? "Not recorded"),
                SummaryRow("NHS number", child.nhsNumber.map(formatNHS) ?? "Not recorded"),
            ])
            if canEdit { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.editChild(child.parameter))) { "Change details" } }
            el("h2", .class("govuk-heading-m")) { "Allocation" }
            summaryList([
                SummaryRow("Team", current?.teamName ?? "Not allocated to a team"),
                SummaryRow("Allocated worker", node: current.flatMap(workerLink) ?? tag("Unallocated", .orange)),
                SummaryRow("Allocated since", current.map { DateText.long($0.startDate) } ?? "Not allocated"),
            ])
            if canAllocate { el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.allocateChild(child.parameter))) { "Change allocation" } }
            if !allocations.isEmpty {
                table(caption: "Allocation history", columns: [.init(header: "From"), .init(header: "To"), .init(header: "Team"), .init(header: "Worker")],
                      rows: allocations.map { allocation in [
                          .text(DateText.long(allocation.startDate)),
                          .text(allocation.endDate.map(DateText.long) ?? "Now"),
                          .text(allocation.teamName),
                          .text(allocation.workerName ?? "No worker allocated"),
                      ] })
            }
        }
    }

    static func form(context: PageContext, child: Child?, form: ChildForm, errors: FieldErrors) -> Response {
        let title = child == nil ? "Add a child" : "Change \(child!.fullName)’s details"
        let action = child.map { SiteURL.editChild($0.parameter) } ?? .newChild
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty,
                           backLink: child.map { .child($0.parameter) } ?? .children) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title)
                    postForm(action: action, csrfToken: context.csrfToken) {
                        let values = form.values
                        if child != nil { hiddenField(ChildForm.Field.version, in: values) }
                        if child == nil {
                            TextField(ChildForm.Field.laChildID, in: values, errors: errors, label: "LA child ID", hint: "The council’s own identifier for the child", width: "10", spellcheck: false).node
                        }
                        TextField(ChildForm.Field.firstName, in: values, errors: errors, label: "First name", width: "20", spellcheck: false).node
                        TextField(ChildForm.Field.lastName, in: values, errors: errors, label: "Last name", width: "20", spellcheck: false).node
                        DateField(ChildForm.Field.dateOfBirth, in: values, errors: errors, legend: "Date of birth").node
                        DateField(ChildForm.Field.expectedDateOfBirth, in: values, errors: errors, legend: "Expected date of birth (unborn children only)").node
                        SelectField(ChildForm.Field.sex, in: values, errors: errors, label: "Sex", options: [("", "Select")] + Sex.allCases.map { ($0.rawValue, $0.title) }).node
                        SelectField(ChildForm.Field.ethnicity, in: values, errors: errors, label: "Ethnicity", options: [("", "Select")] + Ethnicity.codes.map { ($0.code, $0.title) }).node
                        TextField(ChildForm.Field.upn, in: values, errors: errors, label: "Unique pupil number (UPN)", hint: "13 characters, starting with a letter. Leave empty if not known.", width: "10", spellcheck: false).node
                        TextField(ChildForm.Field.nhsNumber, in: values, errors: errors, label: "NHS number", hint: "10 digits. Leave empty if not known.", width: "10", spellcheck: false).node
                        button("Save")
                    }
                }
            }
        }
    }

    private static func workerLink(_ allocation: AllocationHistoryRow) -> Node? {
        guard let workerID = allocation.workerID, let name = allocation.workerName else { return nil }
        return link(name, .staffMember(.value(workerID)))
    }

    private static func formatNHS(_ number: String) -> String {
        let digits = Array(number)
        guard digits.count == 10 else { return number }
        return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6..<10])
    }
}
