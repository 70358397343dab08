import Foundation
import LineOfSightCore
import Vapor

/// The supervision pages: a person's own supervision and the sessions they took part in, the
/// supervision of the people a manager supervises, the teams' case discussions for heads of
/// service, a session with its discussions, and the two forms.
enum SupervisionPages {
    static func index(context: PageContext, own: SupervisionFrequency?, sessions: [SupervisionSession], supervisees: [SupervisionFrequency],
                      teams: [(team: TeamName, count: SupervisionRecords.TeamCount)], canRecord: Bool, today: CivilDate,
                      standards: LocalStandards) -> Response {
        Layout.page(title: "Supervision", context: context) {
            heading("Supervision")
            if canRecord { el("a", .class("govuk-button"), .href(SiteURL.newSupervision)) { "Record a supervision session" } }
            if let own {
                el("h2", .class("govuk-heading-m")) { "Your supervision" }
                summaryList(frequencyRows(own, today: today, standards: standards))
            }
            if !supervisees.isEmpty {
                frequencyTable(supervisees, today: today, dueSoonDays: standards.dueSoonDays)
            }
            if !teams.isEmpty {
                table(caption: "Case discussions in supervision in the last 12 months, by team", columns: [
                    .init(header: "Team"), .init(header: "Case discussions", numeric: true),
                    .init(header: "With no decision or action recorded", numeric: true),
                ], rows: teams.map { row in
                    let share = row.count.discussions > 0 ? " (\(Int((Double(row.count.empty) / Double(row.count.discussions) * 100).rounded()))%)" : ""
                    return [.text(row.team.name), .text("\(row.count.discussions)"), .text("\(row.count.empty)\(share)")]
                })
            }
            el("h2", .class("govuk-heading-m")) { "Sessions you took part in" }
            if sessions.isEmpty {
                paragraph("No supervision sessions are recorded with you.")
            } else {
                table(caption: "Sessions you took part in, latest first", captionVisible: false, columns: [
                    .init(header: "Date"), .init(header: "Kind"), .init(header: "Supervisor"), .init(header: "Supervised"),
                ], rows: sessions.map { session in
                    [link(session.date.long, .supervisionSession(session.parameter)), .text(session.kind.title),
                     .text(session.supervisor.fullName), .text(session.supervisee.fullName)]
                })
            }
        }
    }

    /// A worker's supervision against the standard: on their own supervision page and their staff page.
    static func frequencyRows(_ frequency: SupervisionFrequency, today: CivilDate, standards: LocalStandards) -> [SummaryRow] {
        var rows = [
            SummaryRow("Supervision standard", frequency.standard(standards)),
            SummaryRow("Last individual session", frequency.lastSession.map(\.long) ?? "None recorded"),
        ]
        if frequency.obligations == nil {
            rows.append(SummaryRow("Next session due", "Not known: their start date is not recorded"))
        } else if let next = frequency.next, let status = frequency.status(asOf: today, dueSoonDays: standards.dueSoonDays) {
            rows.append(SummaryRow("Next session due", node: fragment { next.due.long; " "; ObligationText.tag(status) }))
        }
        return rows
    }

    /// The people a manager supervises, each with when their next session is due: overdue first.
    static func frequencyTable(_ supervisees: [SupervisionFrequency], today: CivilDate, dueSoonDays: Int) -> Node {
        // Soonest due first; those with nothing due (no start date) last.
        let ordered = supervisees.sorted { ($0.next?.due.iso ?? "~", $0.name) < ($1.next?.due.iso ?? "~", $1.name) }
        let overdue = supervisees.filter { $0.status(asOf: today, dueSoonDays: dueSoonDays) == .overdue }.count
        return table(caption: "People you supervise (\(overdue) overdue)", columns: [
            .init(header: "Name"), .init(header: "Last individual session"), .init(header: "Next session due"), .init(header: "Status"),
        ], rows: ordered.map { frequency in
            [link(frequency.name, .staffMember(.value(frequency.staffID))), .text(frequency.lastSession?.long ?? "None recorded"),
             .text(frequency.next?.due.long ?? (frequency.obligations == nil ? "Start date not recorded" : "None due")),
             fragment {
                 if let status = frequency.status(asOf: today, dueSoonDays: dueSoonDays) { ObligationText.tag(status) }
                 if frequency.newlyQualified { " "; tag("Newly qualified", .blue) }
             }]
        })
    }

    static func noStaffRecord(context: PageContext) -> Response {
        Layout.page(title: "Record a supervision session", context: context, backLink: .supervision) {
            heading("Record a supervision session")
            paragraph("Your account is not linked to a staff record, so sessions cannot be recorded with you as the supervisor. Ask an administrator to link it.")
        }
    }

    static func sessionForm(context: PageContext, form: SupervisionForm, supervisees: [StaffMember], errors: FieldErrors) -> Response {
        let title = "Record a supervision session"
        return Layout.formPage(title: title, context: context, errors: errors, backLink: .supervision) {
            if supervisees.isEmpty {
                paragraph("Nobody is recorded as supervised by you. A member of staff’s manager is set on their staff record.")
            } else {
                postForm(action: .newSupervision, csrfToken: context.csrfToken) {
                    let values = form.values
                    SelectField(SupervisionForm.Field.supervisee, in: values, errors: errors, label: "Who was supervised",
                                options: [("", "Select")] + supervisees.map { ($0.id?.text ?? "", $0.fullName) }).node
                    DateField(SupervisionForm.Field.date, in: values, errors: errors, legend: "Date of the session").node
                    RadiosField(id: SupervisionForm.Field.kind.rawValue, legend: "Kind of session",
                                items: SupervisionKind.allCases.map { .init(value: $0.rawValue, label: $0.title) },
                                selected: values[.kind], hint: "Individual sessions count towards the supervision standard.",
                                error: errors[SupervisionForm.Field.kind]).node
                    button("Save session")
                }
            }
        }
    }

    static func session(context: PageContext, session: SupervisionSession, discussions: [SupervisionRecords.Discussion], children: [Child],
                        people: People, canDiscuss: Bool, today: CivilDate, flash: String?) -> Response {
        let title = "\(session.kind.title): \(session.supervisee.fullName)"
        let visible = Dictionary(children.compactMap { child in child.id.map { ($0, child) } }) { first, _ in first }
        let shown = discussions.filter { visible[$0.childID] != nil }
        return Layout.page(title: title, context: context, backLink: .supervision) {
            if let flash { successBanner(flash) }
            heading(title, caption: session.date.long)
            summaryList([
                SummaryRow("Supervisor", session.supervisor.fullName),
                SummaryRow("Supervised", session.supervisee.fullName),
                SummaryRow("Date", session.date.long),
                SummaryRow("Kind", session.kind.title),
                SummaryRow("Children discussed", "\(discussions.count)"),
            ])
            if canDiscuss { el("a", .class("govuk-button"), .href(SiteURL.caseDiscussion(session.parameter))) { "Record a case discussion" } }
            if discussions.count > shown.count {
                el("div", .class("govuk-inset-text")) { "\(discussions.count - shown.count) of the discussions are about children whose records you cannot open." }
            }
            if discussions.isEmpty { paragraph("No case discussions are recorded for this session yet.") }
            for discussion in shown {
                if let child = visible[discussion.childID] { discussionSection(discussion, child: child, people: people, today: today) }
            }
        }
    }

    static func discussionSection(_ discussion: SupervisionRecords.Discussion, child: Child, people: People, today: CivilDate) -> Node {
        el("div", .class("govuk-summary-card")) {
            el("div", .class("govuk-summary-card__title-wrapper")) {
                el("h2", .class("govuk-summary-card__title")) {
                    link("\(child.firstName) \(child.lastName)", .event(child: child.parameter, event: .value(discussion.eventID)))
                }
            }
            el("div", .class("govuk-summary-card__content")) {
                if discussion.isEmpty { el("p", .class("govuk-body")) { tag("No decision or action recorded", .yellow) } }
                summaryList([
                    SummaryRow("Reflection", discussion.record.reflection ?? "None recorded"),
                    SummaryRow("Decision", discussion.record.decision ?? "None recorded"),
                    SummaryRow("Actions", node: discussion.actions.isEmpty ? .text("None") : el("ul", .class("govuk-list")) {
                        for action in discussion.actions {
                            el("li") {
                                link(action.record.description, .event(child: child.parameter, event: .value(action.id)))
                                " (\(people.staff[action.record.ownerID] ?? "someone who has left"), due \(action.record.due.long)"
                                action.record.done != nil ? ", done)" : action.record.cancelled != nil ? ", cancelled)" : ")"
                            }
                        }
                    }),
                ])
            }
        }
    }

    static func discussionForm(context: PageContext, session: SupervisionSession, children: [Child], input: FormInput,
                               staff: [EventField.Option], errors: FieldErrors) -> Response {
        let title = "Record a case discussion"
        let form = CaseDiscussionEntry.discussionForm.only(CaseDiscussionEntry.asked)
        let actionForm = ActionForm.setAtMeeting.only(ActionForm.askedAtMeeting)
        let choices = EventChoices(staff: staff)
        return Layout.formPage(title: title, caption: "\(session.kind.title) with \(session.supervisee.fullName), \(session.date.long)",
                               context: context, errors: errors, backLink: .supervisionSession(session.parameter)) {
            if children.isEmpty {
                paragraph("No child you can open is allocated to \(session.supervisee.fullName).")
            } else {
                postForm(action: .caseDiscussion(session.parameter), csrfToken: context.csrfToken) {
                    SelectField(id: "child", label: "Child discussed",
                                options: [("", "Select")] + children.map { ($0.id?.text ?? "", "\($0.firstName) \($0.lastName) (\($0.laChildID))") },
                                selected: input["child"] ?? "", hint: "Children allocated to \(session.supervisee.fullName)", error: errors[id: "child"]).node
                    EventFieldView(form: form, values: EventFormValues(form, input: input), errors: errors, choices: choices).nodes
                    el("h2", .class("govuk-heading-m")) { "Action" }
                    paragraph("If the discussion set an action, say what, who will do it and by when. It joins the child’s actions and the owner’s work.")
                    EventFieldView(form: actionForm, values: EventFormValues(actionForm, input: input), errors: errors, choices: choices).nodes
                    button("Save case discussion")
                }
            }
        }
    }
}
