import LineOfSightReturns
import Vapor

/// The page of an upload's import: how far it has got while it runs, then what was imported or
/// why nothing was. What changes is in a `role="status"` region, so a screen reader announces it
/// without moving the reader's focus.
enum ReturnImportPages {
    /// How often the page reloads itself while the import runs: often enough to see it move, not
    /// so often that reading the page is hard. The page says so and offers to stop it, WCAG
    /// 2.2.1's "turn off" (a reload is not essential to importing: "Check progress" does the same).
    static let refreshSeconds = 5
    static let refreshParameter = "refresh"
    static let refreshOff = "off"

    static func running(_ req: Request, upload: ReturnUpload, stage: ImportProgress.Stage, refreshing: Bool) -> Response {
        let page = SiteURL.importReturn(.value(upload.id))
        let stopped = page.path(query: [(refreshParameter, refreshOff)])
        return Layout.page(title: "Importing the return", context: PageContext(req), backLink: .returnCheck(.value(upload.id)),
                           refreshEvery: refreshing ? refreshSeconds : nil) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Importing the return", caption: "SSDA903 return for \(upload.ruleSet.years)")
            if refreshing {
                el("p", .class("govuk-body")) {
                    "This page updates itself every \(refreshSeconds) seconds until the import has finished. "
                    link("Stop updating this page", href: stopped)
                }
            } else {
                el("p", .class("govuk-body")) {
                    "This page does not update itself. "
                    link("Update this page every \(refreshSeconds) seconds", page)
                }
            }
            el("div", .attribute("role", "status")) {
                el("p", .class("govuk-body-l")) {
                    switch stage {
                    case .preparing: "Preparing the import: reading the return’s files"
                    case let .importing(progress): "Importing: \(progress.done.formatted()) of \(progress.total.formatted()) children"
                    }
                }
            }
            if !refreshing {
                el("p", .class("govuk-body")) {
                    el("a", .class("govuk-button govuk-button--secondary"), .href(stopped)) { "Check progress" }
                }
            }
            paragraph("Nothing is saved until every child has been imported: if the import stops, nothing is imported. You can leave this page; the import carries on.")
            el("p", .class("govuk-body")) { link("Back to the return’s findings", .returnCheck(.value(upload.id))) }
        }
    }

    static func finished(_ req: Request, upload: ReturnUpload, job: ReturnUpload.ImportJob) -> Response {
        let context = PageContext(req)
        let caption = "SSDA903 return for \(upload.ruleSet.years)"
        let title = switch job.outcome {
        case .imported: "Return imported"
        case .failed: "The return was not imported"
        case .running: "The import did not finish"
        }
        return Layout.page(title: title, context: context, backLink: .returnCheck(.value(upload.id))) {
            if let flash = req.takeFlash() { successBanner(flash) }
            el("div", .attribute("role", "status")) {
                switch job.outcome {
                case .imported:
                    heading(title, caption: caption)
                    banner(success: true, heading: "The return was imported") {
                        paragraph("What it added to the children’s records is listed below.")
                    }
                case .failed:
                    heading(title, caption: caption)
                    banner(success: false, heading: "Nothing was imported") {
                        paragraph("Correct these rows in the system the return came from, then check and import it again.")
                        el("ul", .class("govuk-list govuk-list--bullet")) {
                            for problem in job.problems { el("li") { problem } }
                            if job.problemCount > job.problems.count { el("li") { "And \((job.problemCount - job.problems.count).formatted()) more." } }
                        }
                    }
                case .running:
                    heading(title, caption: caption)
                    banner(success: false, heading: "Nothing was imported") {
                        paragraph("LineOfSight was restarted while the return was being imported, so the import stopped. It saves every child or none, so the records are as they were before it started. Import the return again from its findings.")
                    }
                }
            }
            summaryList([
                SummaryRow("Started by", job.by),
                SummaryRow("Started", UserPages.timestamp(job.startedAt)),
            ] + (job.finishedAt.map { [SummaryRow("Finished", UserPages.timestamp($0))] } ?? []))
            if job.outcome == .imported, let imported = upload.imported {
                el("h2", .class("govuk-heading-m")) { "What was imported" }
                el("ul", .class("govuk-list govuk-list--bullet")) {
                    for line in imported.summary { el("li") { line } }
                }
            }
            el("p", .class("govuk-body")) { link("Back to the return’s findings", .returnCheck(.value(upload.id))) }
        }
    }

    /// A GOV.UK notification banner inside the page's status region, so it carries no role of
    /// its own (the region announces it).
    private static func banner(success: Bool, heading: String, @NodeBuilder _ content: () -> [Node]) -> Node {
        el("div", .class("govuk-notification-banner" + (success ? " govuk-notification-banner--success" : "")), .aria("labelledby", "import-outcome-title")) {
            el("div", .class("govuk-notification-banner__header")) {
                el("h2", .class("govuk-notification-banner__title"), .id("import-outcome-title")) { success ? "Success" : "Important" }
            }
            el("div", .class("govuk-notification-banner__content")) {
                el("p", .class("govuk-notification-banner__heading")) { heading }
                content()
            }
        }
    }
}
