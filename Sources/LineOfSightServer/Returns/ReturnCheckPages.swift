import LineOfSightReturns
import Vapor

/// The pages of checking an SSDA903 return: the upload form and the findings.
enum ReturnCheckPages {
    static func form(_ req: Request, selectedYear: String, limit: Int, errors: FieldErrors) -> Response {
        let context = PageContext(req)
        let years = SSDA903RuleSet.allCases.reversed().map { ruleSet in
            RadiosField.Item(value: String(ruleSet.collectionYear),
                             label: "\(ruleSet.years) (1 April \(ruleSet.collectionYear - 1) to 31 March \(ruleSet.collectionYear))")
        }
        return Layout.formPage(title: "Check an SSDA903 return", context: context, errors: errors, backLink: nil) {
            paragraph("Upload the children looked after return to check it against every rule the Department for Education applies that year. You will see the findings grouped by rule, can download them, and can then import the return into LineOfSight.")
            el("form", .attribute("method", "post"), .attribute("action", SiteURL.checkReturn.path), .attribute("enctype", "multipart/form-data"), .flag("novalidate")) {
                Node.void("input", [.type("hidden"), .name(CSRF.fieldName), .value(context.csrfToken)])
                Node.void("input", [.type("hidden"), .name(OnceOnly.fieldName), .value(UUID().text)])
                fileField(.files, label: "The return’s files",
                          hint: "Its CSV files (one a table, in any order, recognised by their header rows) or its one XML file. Up to \(size(limit)) in all.",
                          error: errors[ReturnCheckField.files])
                RadiosField(id: ReturnCheckField.year.rawValue, legend: "Which year is the return for?", items: years,
                            selected: selectedYear, error: errors[ReturnCheckField.year]).node
                fileField(.previousFiles, label: "Last year’s files (optional)",
                          hint: "Last year’s return, for the rules that compare the two years. Without it those rules are not checked.",
                          error: errors[ReturnCheckField.previousFiles])
                button("Check the return")
            }
        }
    }

    /// "200 MB", or "900 KB" below a megabyte.
    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / 1024 / 1024) MB" : "\(max(1, bytes / 1024)) KB"
    }

    /// A GOV.UK file upload taking several files.
    private static func fileField(_ field: ReturnCheckField, label: String, hint: String, error: String?) -> Node {
        let id = field.rawValue
        var attributes: [Attribute] = [.class("govuk-file-upload" + (error == nil ? "" : " govuk-file-upload--error")), .id(id), .name(id),
                                       .type("file"), .flag("multiple"), .attribute("accept", ".csv,.xml,text/csv,text/xml,application/xml")]
        if let describedBy = describedBy(id: id, hint: hint, error: error) { attributes.append(.aria("describedby", describedBy)) }
        return formGroup(error: error) {
            el("label", .class("govuk-label govuk-label--s"), .for(id)) { label }
            hintNode(id: id, hint)
            errorMessage(id: id, error)
            Node.void("input", attributes)
        }
    }

    static func report(_ req: Request, upload: ReturnUpload, current: SSDA903Return, report: ReturnCheckReport,
                       linked: [String: UUID], importing: Bool, flash: String?) -> Response {
        let context = PageContext(req)
        let title = "SSDA903 return for \(upload.ruleSet.years)"
        let findings = report.report.findings.count
        return Layout.page(title: title, context: context, backLink: .checkReturn) {
            if let flash { successBanner(flash) }
            heading(title, caption: "Checked against the rules of \(upload.ruleSet.years)")
            summaryList([
                SummaryRow("Files", upload.files.joined(separator: ", ")),
                SummaryRow("Last year’s files", upload.previousFiles.isEmpty ? "None" : upload.previousFiles.joined(separator: ", ")),
                SummaryRow("Uploaded", UserPages.timestamp(upload.uploadedAt)),
                SummaryRow("Findings", findings == 0 ? "None" : "\(findings) \(findings == 1 ? "row" : "rows") under \(report.groups.count) \(report.groups.count == 1 ? "rule" : "rules")"),
                SummaryRow("Rules checked", String(report.report.ran.count)),
            ])
            if !report.notRun.isEmpty { notRun(report) }
            if let imported = upload.imported { importedSummary(imported) }
            if findings > 0 {
                el("p", .class("govuk-body")) {
                    el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.returnCheckCSV(.value(upload.id)))) { "Download the findings as CSV" }
                }
                el("h2", .class("govuk-heading-m")) { "Findings by rule" }
                paragraph("Each rule’s rows are listed under it. Lines are counted as a spreadsheet numbers its rows: the header row is line 1, so the first child is on line 2. The CSV download gives every row with its row index as the Department’s tool counts it, from 0 for the first row after the header.", "govuk-body-s")
                for group in report.groups { ruleGroup(group, current: current, linked: linked) }
            } else {
                paragraph("No findings: the return meets every rule that was checked.")
            }
            importForm(upload, importing: importing, context: context)
        }
    }

    private static func notRun(_ report: ReturnCheckReport) -> Node {
        let count = report.report.skipped.count
        return el("details", .class("govuk-details")) {
            el("summary", .class("govuk-details__summary")) {
                el("span", .class("govuk-details__summary-text")) { "\(count) \(count == 1 ? "rule was" : "rules were") not checked" }
            }
            el("div", .class("govuk-details__text")) {
                el("ul", .class("govuk-list govuk-list--bullet")) {
                    for (reason, rules) in report.notRun { el("li") { "\(rules) \(rules == 1 ? "rule" : "rules"). \(reason)." } }
                }
            }
        }
    }

    private static func ruleGroup(_ group: ReturnCheckReport.Group, current: SSDA903Return, linked: [String: UUID]) -> Node {
        el("details", .class("govuk-details")) {
            el("summary", .class("govuk-details__summary")) {
                el("span", .class("govuk-details__summary-text")) {
                    "\(group.code): \(group.message) (\(group.count) \(group.count == 1 ? "row" : "rows"))"
                }
            }
            el("div", .class("govuk-details__text")) {
                table(caption: "Rows under rule \(group.code)", captionVisible: false,
                      columns: [TableColumn(header: "Child"), TableColumn(header: "File"), TableColumn(header: "Line", numeric: true)],
                      rows: group.rows.map { finding in
                          let child: Node = switch (finding.childID, finding.childID.flatMap { linked[$0] }) {
                          case let (id?, record?): link(id, .child(.value(record)))
                          case let (id?, nil): .text(id)
                          default: .text("No child ID")
                          }
                          // A row of last year's files (rule 706) is named as such: `current` holds this year's.
                          let file = finding.lastYear ? "\(finding.table.title) (last year’s files)"
                              : current[finding.table]?.file ?? finding.table.title
                          return [child, .text(file), .text(String(finding.line))]
                      })
                if group.count > group.rows.count {
                    paragraph("And \(group.count - group.rows.count) more, in the CSV download.")
                }
            }
        }
    }

    private static func importedSummary(_ imported: ReturnUpload.Imported) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m")) { "Imported" }
            paragraph("Imported by \(imported.by) on \(UserPages.timestamp(imported.at)).")
            el("ul", .class("govuk-list govuk-list--bullet")) {
                for line in imported.summary { el("li") { line } }
            }
        }
    }

    private static func importForm(_ upload: ReturnUpload, importing: Bool, context: PageContext) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m")) { upload.imported == nil ? "Import the return" : "Import it again" }
            if importing {
                el("p", .class("govuk-body")) {
                    "The return is being imported. "
                    link("See how far the import has got", .importReturn(.value(upload.id)))
                }
            } else {
                paragraph("Importing adds the return’s children and their history (periods of care, placements, reviews, adoption, missing episodes, care leavers’ contact) to their records, matched on their LA child IDs. Every timescale then follows at once. Importing the same return again changes nothing. Nothing is imported if any row cannot be: you are then shown each problem with its file, line and column.")
                paragraph("A large return can take a few minutes to import. You will see how many children have been imported while it runs, and you can leave the page and come back to it.", "govuk-inset-text")
                if let job = upload.importJob, job.outcome == .failed {
                    el("p", .class("govuk-body")) {
                        "The last import did not import anything. "
                        link("See why", .importReturn(.value(upload.id)))
                    }
                }
                postForm(action: .importReturn(.value(upload.id)), csrfToken: context.csrfToken) {
                    button("Import the return")
                }
            }
        }
    }
}
