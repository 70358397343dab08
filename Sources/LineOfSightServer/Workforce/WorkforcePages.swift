import Foundation
import LineOfSightCore
import Vapor

/// The caseload and workforce page: the authority in figures, its teams, every case holder's
/// caseload against their threshold, and a year's trend as a data table.
enum WorkforcePages {
    static func page(_ report: WorkforceReport, context: PageContext) -> Response {
        Layout.page(title: "Caseloads and workforce", context: context) {
            heading("Caseloads and workforce")
            paragraph(report.standard.weighted
                ? "Caseloads count each child by the weight the council gives their stage (child protection, in care and so on)."
                : "Caseloads count each child allocated to a worker as one.")
            el("p", .class("govuk-body")) { link("Download caseloads (CSV)", href: SiteURL.workforce.path(query: [("format", "csv")])) }
            summaryList(summaryRows(report))
            teamsTable(report)
            workersTable(report)
            el("h2", .class("govuk-heading-m")) { "The last 12 months" }
            trendChart(report)
            trendTable(report)
        }
    }

    static func summaryRows(_ report: WorkforceReport) -> [SummaryRow] {
        let over = report.workers.filter(\.overThreshold).count
        return [
            SummaryRow("Children allocated to a worker", "\(report.allocated)"),
            SummaryRow("Children waiting without a worker", "\(report.unallocated)"),
            SummaryRow("Case holders over their caseload threshold", "\(over) of \(report.workers.count)"),
            SummaryRow("Agency staff (share of staff in post, full-time equivalent)", percent(report.current?.agencyShare)),
            SummaryRow("Vacancies (funded posts no one fills, full-time equivalent)", "\(number(report.vacancies)) of \(number(report.fundedPosts))"),
            SummaryRow("Leavers in the last 12 months", "\(report.leavers)"),
            SummaryRow("Changes of social worker in the last 12 months",
                       "\(report.changes), for \(report.childrenWithChange) children (\(report.childrenWithTwoOrMore) with two or more)"),
        ]
    }

    static func teamsTable(_ report: WorkforceReport) -> Node {
        table(caption: "Teams", columns: [
            .init(header: "Team"), .init(header: "Funded posts", numeric: true), .init(header: "In post", numeric: true),
            .init(header: "Vacancies", numeric: true), .init(header: "Agency share", numeric: true),
            .init(header: "Children allocated", numeric: true), .init(header: "Without a worker", numeric: true),
            .init(header: "Case holders over threshold", numeric: true),
        ], rows: report.teams.map { row in
            let team = row.summary.team
            return [link(team.name, .team(team.parameter)), .text(number(team.fundedFTE)), .text(number(row.inPost)), .text(number(row.vacancies)),
                    .text(percent(row.agencyShare)), .text("\(row.summary.children - row.summary.unallocated)"),
                    .text("\(row.summary.unallocated)"), .text("\(row.overThreshold)")]
        })
    }

    static func workersTable(_ report: WorkforceReport) -> Node {
        table(caption: "Caseloads by worker", columns: [
            .init(header: "Worker"), .init(header: "Team"), .init(header: "Full-time equivalent", numeric: true),
            .init(header: "Children", numeric: true), .init(header: "Threshold", numeric: true), .init(header: "Caseload"),
        ], rows: report.workers.map { worker in
            [link(worker.name, .staffMember(.value(worker.id))), .text(worker.team?.name ?? "No team"), .text(number(worker.fte)),
             .text(number(worker.caseload)), .text(worker.threshold.map(number) ?? "None set"),
             fragment {
                 if worker.overThreshold { tag("Over threshold", .red) } else if worker.light { tag("Light", .grey) } else { tag("Within threshold", .green) }
                 if worker.newlyQualified { " "; tag("Newly qualified", .blue) }
                 if worker.agency { " "; tag("Agency", .purple) }
             }]
        })
    }

    /// The staffing shares of the trend as the review pack draws its own (`TrendChart`): agency
    /// share and vacancy rate, month by month; the table below gives every figure.
    static func trendChart(_ report: WorkforceReport) -> Node {
        func whole(_ share: Double?) -> Int? { share.map { Int(($0 * 100).rounded()) } }
        let months = report.months
        let (start, end) = (months.first, months.last)
        let description = "Agency staff as a share of the staff in post, and vacancies as a share of the funded posts (full-time equivalent), at the end of each month from \(start?.month.title ?? "") to \(end?.month.title ?? ""). In the last month: agency share \(percent(end?.agencyShare)), vacancy rate \(end?.vacancyRate.map { percent($0) } ?? "no posts funded"). The table below gives every month’s figures."
        return TrendChart(id: "workforce-trend", title: "Agency share and vacancy rate, last 12 months", description: description,
                          labels: months.map { String($0.month.title.prefix(3)) }, series: [
                              .init(name: "Agency share of staff in post", values: months.map { whole($0.agencyShare) }),
                              .init(name: "Vacancies as a share of funded posts", values: months.map { whole($0.vacancyRate) }),
                          ]).node
    }

    static func trendTable(_ report: WorkforceReport) -> Node {
        table(caption: "The last 12 months (at the end of each month; this month to today)", columns: [
            .init(header: "Month"), .init(header: "Children allocated", numeric: true), .init(header: "Without a worker", numeric: true),
            .init(header: "Staff in post", numeric: true), .init(header: "Agency share", numeric: true),
            .init(header: "Funded posts", numeric: true), .init(header: "Vacancies", numeric: true), .init(header: "Leavers", numeric: true),
            .init(header: "Changes of social worker", numeric: true),
        ], rows: report.months.map { month in
            [.text(month.month.title), .text("\(month.allocated)"), .text("\(month.unallocated)"), .text(number(month.inPost)),
             .text(percent(month.agencyShare)), .text(number(month.fundedPosts)),
             .text(number(month.vacancies) + (month.vacancyRate.map { " (\(percent($0)))" } ?? "")), .text("\(month.leavers)"),
             .text("\(month.changes)")]
        })
    }

    static let csvHeader = ["Worker", "Role", "Team", "Service", "Full-time equivalent", "Agency", "Newly qualified", "Children",
                            "Threshold", "Over threshold"]

    static func csvRow(_ worker: WorkforceReport.Worker) -> [String] {
        [worker.name, worker.role.title, worker.team?.name ?? "", worker.team?.service.title ?? "", number(worker.fte),
         worker.agency ? "Yes" : "No", worker.newlyQualified ? "Yes" : "No", number(worker.caseload),
         worker.threshold.map(number) ?? "", worker.overThreshold ? "Yes" : "No"]
    }

    /// Full-time equivalents, caseloads and thresholds as people write them, to one decimal place
    /// where they need it (part time, weighted): "12", "7.6".
    static func number(_ value: Double) -> String { StaffForm.fteText((value * 10).rounded() / 10) }

    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "No staff in post" }
}
