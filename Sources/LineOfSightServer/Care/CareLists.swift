import Foundation
import LineOfSightCore

/// The lists of looked-after children and care leavers: each a kind of row (`CareQueries.Kind`),
/// its filters, and its columns — every column both a table cell and a CSV value, so the page
/// and its export always agree.
struct CareList: Sendable {
    let kind: CareQueries.Kind
    let title: String
    /// What the audit trail says was listed: "children in care".
    let what: String
    let url: SiteURL
    let filters: Set<Filter>
    let columns: [CareColumn]

    enum Filter: Sendable {
        case team, worker, legalStatus, placementType, area, age, inCare, chair, plan
    }

    var filename: String { title.lowercased().replacingOccurrences(of: " ", with: "-") + ".csv" }
}

/// A column of a care list.
struct CareColumn: Sendable {
    let header: String
    var numeric = false
    /// The value as text: the CSV cell, and the table cell unless `node` says otherwise.
    let text: @Sendable (CareRow, CareListContext) -> String
    var node: (@Sendable (CareRow, CareListContext) -> Node)? = nil

    func cell(_ row: CareRow, _ context: CareListContext) -> Node { node?(row, context) ?? .text(text(row, context)) }
}

/// What the cells read besides the row.
struct CareListContext: Sendable {
    let today: CivilDate
    let standards: LocalStandards
    var dueSoonDays: Int { standards.dueSoonDays }
    /// Today's bounds of the core's status rule, which decide whether a date shown is overdue or due soon.
    var bounds: StatusBounds { StatusBounds(asOf: today, dueSoonDays: dueSoonDays) }

    /// The status of an open milestone due on `due`, by the core's rule: the lists show what is
    /// still to do, so nothing here is met or stopped applying.
    func status(due: CivilDate) -> ObligationStatus { bounds.status(due: due, met: nil, notApplicableSince: nil) }
    /// Names of staff by id: chairs and advisers.
    let people: People
}

extension CareList {
    static let inCare = CareList(kind: .inCare, title: "Children in care", what: "children in care", url: .childrenInCare,
                                 filters: [.team, .worker, .legalStatus, .placementType, .area, .age, .inCare], columns: [
        .name, .age,
        CareColumn(header: "Legal status") { row, _ in row.period?.legal_status.map { LookedAfterCodes.legalStatuses[$0]?.meaning ?? $0 } ?? "" },
        CareColumn(header: "Placement") { row, _ in row.care?.placement_type.map { LookedAfterCodes.placementTypes.followed(by: LookedAfterCodes.retiredPlacementTypes)[$0]?.meaning ?? $0 } ?? "" },
        CareColumn(header: "Placements in the last 12 months", numeric: true) { row, context in row.care.map { String($0.placements(inYearTo: context.today)) } ?? "" },
        CareColumn(header: "In this placement since") { row, _ in row.care?.placementStart.map(DateText.long) ?? "" },
        CareColumn(header: "Looked after since") { row, _ in row.period?.periodStart.map(DateText.long) ?? "" },
        .nextReview, .worker,
    ])

    static let reviewsDue = CareList(kind: .reviewsDue, title: "Reviews due", what: "looked-after reviews due", url: .reviewsDue,
                                     filters: [.chair, .team], columns: [
        .name, .nextReview,
        CareColumn(header: "Last review") { row, _ in row.care?.last_review.flatMap(CivilDate.init(iso:)).map(DateText.long) ?? "None held yet" },
        CareColumn(header: "Chaired by") { row, context in row.care?.review_chair_id.map { context.people.staff[$0] ?? "Someone who has left" } ?? "" },
        CareColumn(header: "Escalations open", numeric: true) { row, _ in row.care.map { String($0.open_escalations) } ?? "" },
        .team, .worker,
    ])

    static let careLeavers = CareList(kind: .careLeavers, title: "Care leavers", what: "care leavers", url: .careLeavers,
                                      filters: [.team, .worker, .age], columns: [
        .name, .age,
        CareColumn(header: "Looked after") { row, _ in
            row.period?.looked_after == true ? "Still looked after" : row.period?.period_end.flatMap(CivilDate.init(iso:)).map { "Left care on \(DateText.long($0))" } ?? ""
        },
        CareColumn(header: "Personal adviser") { row, context in row.care?.personal_adviser_id.map { context.people.staff[$0] ?? "Someone who has left" } ?? "None recorded" },
        CareColumn(header: "Latest pathway plan") { row, _ in row.care?.last_pathway_plan.flatMap(CivilDate.init(iso:)).map(DateText.long) ?? "None" },
        CareColumn(header: "Pathway plan review due", text: { row, context in
            dueText(row.care?.next_pathway_plan_due.flatMap(CivilDate.init(iso:)), context)
        }, node: { row, context in dueNode(row.care?.next_pathway_plan_due.flatMap(CivilDate.init(iso:)), context) }),
        CareColumn(header: "In touch") { row, _ in
            guard let code = row.care?.in_touch, let date = row.care?.last_contact.flatMap(CivilDate.init(iso:)) else { return "No contact recorded" }
            return "\(CareLeaverCodes.inTouch[code]?.meaning ?? code) (\(DateText.long(date)))"
        },
        CareColumn(header: "Accommodation") { row, _ in
            guard let code = row.care?.accommodation else { return "" }
            let suitable = row.care?.accommodation_suitable.map { $0 ? ": suitable" : ": not suitable" } ?? ""
            return (CareLeaverCodes.accommodation[code]?.meaning ?? code) + suitable
        },
        CareColumn(header: "Activity") { row, _ in row.care?.activity.map { CareLeaverCodes.activities[$0]?.meaning ?? $0 } ?? "" },
        CareColumn(header: "Staying put") { row, _ in row.care?.staying_put == true ? "Yes" : "No" },
    ])

    static let permanence = CareList(kind: .permanence, title: "Permanence", what: "the permanence tracker", url: .permanence,
                                     filters: [.team, .worker, .plan, .legalStatus, .age, .inCare], columns: [
        .name,
        CareColumn(header: "Status", text: { row, context in drift(row, context).label }, node: { row, context in
            let status = drift(row, context)
            return tag(status.label, status == .red ? .red : status == .amber ? .orange : .green)
        }),
        .age,
        CareColumn(header: "Time in care") { row, context in row.period?.periodStart.map { DateText.duration(from: $0, to: context.today) } ?? "" },
        CareColumn(header: "Legal status") { row, _ in row.period?.legal_status.map { LookedAfterCodes.legalStatuses[$0]?.meaning ?? $0 } ?? "" },
        CareColumn(header: "Permanence plan") { row, _ in
            let plans = row.permanence?.planCodes.map { PermanenceCodes.plans[$0]?.meaning ?? $0 } ?? []
            return plans.isEmpty ? "None agreed" : plans.joined(separator: "; ")
        },
        CareColumn(header: "Plan by the second review") { row, context in planByReview(row.permanence, context) },
        CareColumn(header: "Options considered") { row, _ in
            let routes = row.permanence?.routes.map(\.label) ?? []
            return routes.isEmpty ? "None recorded" : routes.joined(separator: "; ")
        },
        CareColumn(header: "Next milestone") { row, _ in
            row.permanence?.next_milestone.flatMap { RuleCatalogue.rule(RuleID(rawValue: $0))?.title } ?? "None due"
        },
        CareColumn(header: "Due", text: { row, context in dueText(row.permanence?.nextDue, context) },
                   node: { row, context in dueNode(row.permanence?.nextDue, context) }),
        CareColumn(header: "Days overdue", numeric: true) { row, context in
            guard let due = row.permanence?.nextDue, context.status(due: due) == .overdue else { return "" }
            return String(due.days(to: context.today))
        },
        CareColumn(header: "Last decision") { row, _ in
            guard let permanence = row.permanence, let date = permanence.last_decision.flatMap(CivilDate.init(iso:)) else { return "None recorded" }
            let forum = permanence.last_decision_forum.flatMap(DecisionMaker.init(rawValue:))?.label
            return [forum, DateText.long(date)].compactMap { $0 }.joined(separator: ", ")
        },
        .worker,
    ])

    static let adoption = CareList(kind: .adoption, title: "Adoption", what: "children with an adoption plan", url: .adoption,
                                   filters: [.team, .worker, .age], columns: [
        .name, .age,
        CareColumn(header: "Time in care") { row, context in row.period?.periodStart.map { DateText.duration(from: $0, to: context.today) } ?? "" },
        milestone("Agency decision", \.agency_decision), milestone("Authority to place", \.authority_to_place),
        milestone("Matched", \.matched), milestone("Moved in", \.placed_for_adoption),
        CareColumn(header: "Next milestone") { row, _ in
            row.permanence?.next_milestone.flatMap { RuleCatalogue.rule(RuleID(rawValue: $0))?.title } ?? "None due"
        },
        CareColumn(header: "Due", text: { row, context in dueText(row.permanence?.nextDue, context) },
                   node: { row, context in dueNode(row.permanence?.nextDue, context) }),
        .worker,
    ])

    private static func milestone(_ header: String, _ date: KeyPath<CareRow.Permanence, String?> & Sendable) -> CareColumn {
        CareColumn(header: header) { row, _ in row.permanence?[keyPath: date].flatMap(CivilDate.init(iso:)).map(DateText.long) ?? "Not yet" }
    }

    static let preProceedings = CareList(kind: .preProceedings, title: "Pre-proceedings", what: "children in pre-proceedings", url: .preProceedings,
                                         filters: [.team, .worker], columns: [
        .name, .age, .lookedAfter,
        CareColumn(header: "Started") { row, _ in row.legal?.preProceedingsStart.map(DateText.long) ?? "" },
        CareColumn(header: "Weeks in pre-proceedings", numeric: true) { row, context in
            row.legal?.preProceedingsStart.map { String(LegalSummary.weeksSince($0, on: context.today)) } ?? ""
        },
        CareColumn(header: "First meeting") { row, _ in row.legal?.initialMeeting.map(DateText.long) ?? "Not held yet" },
        CareColumn(header: "Next review", text: { row, context in dueText(row.legal?.nextReview, context) },
                   node: { row, context in dueNode(row.legal?.nextReview, context) }),
        CareColumn(header: "Decision due", text: { row, context in dueText(row.legal?.preProceedingsDue, context) },
                   node: { row, context in dueNode(row.legal?.preProceedingsDue, context) }),
        .worker,
    ])

    static let proceedings = CareList(kind: .proceedings, title: "Care proceedings", what: "children in care proceedings", url: .proceedings,
                                      filters: [.team, .worker], columns: [
        .name, .age, .lookedAfter,
        CareColumn(header: "Issued") { row, _ in row.legal?.issued.map(DateText.long) ?? "" },
        CareColumn(header: "Week", numeric: true) { row, context in
            row.legal?.issued.map { String(LegalSummary.week(issued: $0, on: context.today)) } ?? ""
        },
        CareColumn(header: "Extensions") { row, _ in
            guard let legal = row.legal, legal.extensions > 0 else { return "None" }
            return "\(legal.extensions) (\(legal.extensionWeeks) weeks)"
        },
        CareColumn(header: "To conclude by", text: { row, context in dueText(row.legal?.proceedingsDue, context) },
                   node: { row, context in dueNode(row.legal?.proceedingsDue, context) }),
        CareColumn(header: "Next hearing") { row, _ in row.legal?.nextHearing.map(DateText.long) ?? "None listed" },
        CareColumn(header: "Court") { row, _ in row.legal?.court ?? "" },
        .worker,
    ])

    static func drift(_ row: CareRow, _ context: CareListContext) -> DriftStatus {
        DriftStatus.of(nextDue: row.permanence?.nextDue, lastProgress: row.permanence?.lastProgress,
                       entered: row.period?.periodStart ?? context.today, today: context.today, standards: context.standards)
    }

    static func planByReview(_ permanence: CareRow.Permanence?, _ context: CareListContext) -> String {
        let due = permanence?.plan_due.flatMap(CivilDate.init(iso:))
        if let agreed = permanence?.plan_agreed.flatMap(CivilDate.init(iso:)) {
            return (due.map { agreed <= $0 } ?? true ? "Yes, " : "Late, ") + DateText.long(agreed)
        }
        guard let due else { return "Not yet" }
        return context.status(due: due) == .overdue ? "No: overdue since \(DateText.long(due))" : "Not yet: due \(DateText.long(due))"
    }

    /// A due date in words, with "(overdue)" when the core's status says so.
    static func dueText(_ due: CivilDate?, _ context: CareListContext) -> String {
        guard let due else { return "" }
        return DateText.long(due) + (context.status(due: due) == .overdue ? " (overdue)" : "")
    }

    /// A due date with the tag of its status when it needs attention (overdue or due soon), as
    /// everywhere else an obligation is shown.
    static func dueNode(_ due: CivilDate?, _ context: CareListContext) -> Node {
        guard let due else { return .empty }
        let status = context.status(due: due)
        return fragment {
            DateText.long(due)
            if status == .overdue || status == .dueSoon { " "; ObligationText.tag(status) }
        }
    }
}

extension CareColumn {
    static let name = CareColumn(header: "Name", text: { row, _ in row.child.fullName },
                                 node: { row, _ in link(row.child.fullName, .child(.value(row.child.id))) })
    static let age = CareColumn(header: "Age") { row, context in
        DateText.age(dateOfBirth: row.child.dateOfBirth, expected: row.child.expectedDateOfBirth, today: context.today)
    }
    static let nextReview = CareColumn(header: "Next review due", text: { row, context in CareList.dueText(row.care?.nextReviewDue, context) },
                                       node: { row, context in CareList.dueNode(row.care?.nextReviewDue, context) })
    static let lookedAfter = CareColumn(header: "Looked after") { row, _ in row.period?.looked_after == true ? "Yes" : "No" }
    static let team = CareColumn(header: "Team") { row, _ in row.child.teamName ?? "Not allocated" }
    static let worker = CareColumn(header: "Allocated worker") { row, _ in row.child.workerName ?? "Unallocated" }
}

extension DriftStatus {
    var label: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        }
    }
}
