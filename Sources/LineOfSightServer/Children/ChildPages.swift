import LineOfSightCore
import Vapor

/// The pages of the child register.
enum ChildPages {
    static func list(context: PageContext, query: ChildListQuery, page result: ChildDirectory.Page, teams: [Team], today: CivilDate) -> Response {
        let (rows, total, page, pageCount) = (result.rows, result.total, result.number, result.pageCount)
        let canAdd = context.principal.map { Role.childEditors.contains($0.role) } ?? false
        return Layout.page(title: "Children", context: context) {
            heading("Children")
            if canAdd { el("a", .class("govuk-button govuk-button--secondary"), .href("/children/new")) { "Add a child" } }
            el("form", .attribute("method", "get"), .attribute("action", "/children"), .class("app-filter"), .attribute("role", "search")) {
                el("div", .class("app-filter__row")) {
                    TextField(id: "q", label: "Name, LA child ID or UPN", value: query.q, width: "20", spellcheck: false).node
                    SelectField(id: "team", label: "Team", options: [("", "All teams")] + teams.map { ($0.id?.uuidString ?? "", $0.name) }, selected: query.team).node
                    SelectField(id: "service", label: "Service", options: [("", "All services")] + Service.allCases.map { ($0.rawValue, $0.title) }, selected: query.service).node
                }
                CheckboxField(id: "unallocated", label: "Only children without an allocated worker", checked: query.unallocated).node
                button("Search")
            }
            paragraph(total == 1 ? "1 child" : "\(total.formatted()) children", "govuk-body govuk-!-font-weight-bold")
            if rows.isEmpty {
                paragraph("No children match. Check the spelling, or clear the filters.")
            } else {
                table(caption: "Children, page \(page) of \(pageCount)", captionVisible: false, columns: [
                    .init(header: "Name"), .init(header: "LA child ID"), .init(header: "Age"), .init(header: "Team"), .init(header: "Allocated worker"),
                ], rows: rows.map { row in [
                    link(row.fullName, "/children/\(row.id)"),
                    .text(row.laChildID),
                    .text(DateText.age(dateOfBirth: row.dateOfBirth, expected: row.expectedDateOfBirth, today: today)),
                    .text(row.teamName ?? "Not allocated"),
                    row.workerName.map(Node.text) ?? tag("Unallocated", .orange),
                ] })
            }
            pagination(page: page, pageCount: pageCount, href: query.href(page:))
        }
    }

    static func summary(context: PageContext, child: Child, allocations: [StoredAllocation], today: CivilDate, canEdit: Bool, canAllocate: Bool, flash: String?) -> Response {
        let id = child.id?.uuidString ?? ""
        let current = allocations.first { $0.endDate == nil }
        return Layout.page(title: child.fullName, context: context, backLink: "/children") {
            if let flash { successBanner(flash) }
            heading(child.fullName, caption: "LA child ID \(child.laChildID)")
            if child.restricted { paragraph("This is a restricted record: only people granted access can see it.", "govuk-body govuk-!-font-weight-bold") }
            el("h2", .class("govuk-heading-m")) { "Details" }
            summaryList([
                SummaryRow("Date of birth", child.dateOfBirth.map(DateText.long) ?? "Not recorded"),
                SummaryRow("Age", DateText.age(dateOfBirth: child.dateOfBirth, expected: child.expectedDateOfBirth, today: today)),
                SummaryRow("Sex", child.sex.title),
                SummaryRow("Ethnicity", Ethnicity.title(for: child.ethnicity) ?? child.ethnicity),
                SummaryRow("Unique pupil number (UPN)", child.upn ?? "Not recorded"),
                SummaryRow("NHS number", child.nhsNumber.map(formatNHS) ?? "Not recorded"),
            ])
            if canEdit { el("a", .class("govuk-button govuk-button--secondary"), .href("/children/\(id)/edit")) { "Change details" } }
            el("h2", .class("govuk-heading-m")) { "Allocation" }
            summaryList([
                SummaryRow("Team", current?.team.name ?? "Not allocated to a team"),
                SummaryRow("Allocated worker", node: current?.worker.map { link($0.fullName, "/staff/\($0.id?.uuidString ?? "")") } ?? tag("Unallocated", .orange)),
                SummaryRow("Allocated since", current.map { DateText.long($0.startDate) } ?? "Not allocated"),
            ])
            if canAllocate { el("a", .class("govuk-button govuk-button--secondary"), .href("/children/\(id)/allocate")) { "Change allocation" } }
            if !allocations.isEmpty {
                table(caption: "Allocation history", columns: [.init(header: "From"), .init(header: "To"), .init(header: "Team"), .init(header: "Worker")],
                      rows: allocations.map { allocation in [
                          .text(DateText.long(allocation.startDate)),
                          .text(allocation.endDate.map(DateText.long) ?? "Now"),
                          .text(allocation.team.name),
                          .text(allocation.worker?.fullName ?? "No worker allocated"),
                      ] })
            }
        }
    }

    static func form(context: PageContext, child: Child?, form: ChildForm, errors: FieldErrors) -> Response {
        let title = child == nil ? "Add a child" : "Change \(child!.fullName)’s details"
        let action = child.map { "/children/\($0.id?.uuidString ?? "")/edit" } ?? "/children/new"
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty,
                           backLink: child.map { "/children/\($0.id?.uuidString ?? "")" } ?? "/children") {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title)
                    postForm(action: action, csrfToken: context.csrfToken) {
                        if child != nil { Node.void("input", [.type("hidden"), .name("version"), .value(form.version)]) }
                        if child == nil {
                            TextField(id: "la-child-id", label: "LA child ID", value: form.laChildID, hint: "The council’s own identifier for the child", error: errors["la-child-id"], width: "10", spellcheck: false).node
                        }
                        TextField(id: "first-name", label: "First name", value: form.firstName, error: errors["first-name"], width: "20", spellcheck: false).node
                        TextField(id: "last-name", label: "Last name", value: form.lastName, error: errors["last-name"], width: "20", spellcheck: false).node
                        DateField(id: "date-of-birth", legend: "Date of birth", value: form.dateOfBirth, error: errors["date-of-birth"]).node
                        DateField(id: "expected-date-of-birth", legend: "Expected date of birth (unborn children only)", value: form.expectedDateOfBirth, error: errors["expected-date-of-birth"]).node
                        SelectField(id: "sex", label: "Sex", options: [("", "Select")] + Sex.allCases.map { ($0.rawValue, $0.title) }, selected: form.sex, error: errors["sex"]).node
                        SelectField(id: "ethnicity", label: "Ethnicity", options: [("", "Select")] + Ethnicity.codes.map { ($0.code, $0.title) }, selected: form.ethnicity, error: errors["ethnicity"]).node
                        TextField(id: "upn", label: "Unique pupil number (UPN)", value: form.upn, hint: "13 characters, starting with a letter. Leave empty if not known.", error: errors["upn"], width: "10", spellcheck: false).node
                        TextField(id: "nhs-number", label: "NHS number", value: form.nhsNumber, hint: "10 digits. Leave empty if not known.", error: errors["nhs-number"], width: "10", spellcheck: false).node
                        button("Save")
                    }
                }
            }
        }
    }

    private static func formatNHS(_ number: String) -> String {
        let digits = Array(number)
        guard digits.count == 10 else { return number }
        return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6..<10])
    }
}
