import LineOfSightCore
import Vapor

/// The pages of a child's recorded events: the form to record one, the event itself (what it
/// started and met), and the forms to correct or withdraw it.
enum EventPages {
    /// What a form page is for: recording a new event, or correcting a stored one.
    enum Purpose {
        case record
        case correct(StoredEvent)
    }

    static func form(context: PageContext, child: Child, form: EventForm, purpose: Purpose, values: EventFormValues, errors: FieldErrors,
                     choices: EventChoices, due: [Obligation], people: People, today: CivilDate, dueSoonDays: Int) -> Response {
        let (title, action): (String, SiteURL) = switch purpose {
        case .record: ("Record \(form.withArticle)", .recordEvent(child: child.parameter, list: .value(form.list)))
        case let .correct(event): ("Correct this \(form.name)", .correctEvent(child: child.parameter, event: event.parameter))
        }
        let back: SiteURL = switch purpose {
        case .record: .child(child.parameter)
        case let .correct(event): .event(child: child.parameter, event: event.parameter)
        }
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty,
                           backLink: back) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title, caption: child.fullName)
                    postForm(action: action, csrfToken: context.csrfToken) {
                        if case .correct = purpose {
                            Node.void("input", [.type("hidden"), .name("version"), .value(values["version"])])
                        }
                        EventFieldView(form: form, values: values, errors: errors, choices: choices).nodes
                        if case .correct = purpose {
                            TextareaField(id: "reason", label: "Why are you correcting it?", value: values["reason"],
                                          hint: "This is kept with the record’s history", error: errors[id: "reason"], rows: 3).node
                        }
                        button("Save")
                    }
                }
                el("div", .class("govuk-grid-column-one-third")) {
                    FormTimescales.panel(form.list, open: due, firstName: child.firstName, today: today, dueSoonDays: dueSoonDays)
                    el("h2", .class("govuk-heading-m")) { "Due for \(child.firstName)" }
                    if due.isEmpty {
                        paragraph("Nothing is due.")
                    } else {
                        el("ul", .class("govuk-list")) {
                            for obligation in due.prefix(8) {
                                el("li") {
                                    ObligationText.tag(obligation.status(asOf: today, dueSoonDays: dueSoonDays))
                                    " " + ObligationText.title(obligation) + ", due " + DateText.long(obligation.due)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func show(context: PageContext, child: Child, event: StoredEvent, record: any JourneyRecord, obligations: [Obligation],
                     remarks: [RecordRemark], steps: [EventStep] = [], actions: [(id: UUID, action: ActionRecord)] = [],
                     distanceFromHome: Double? = nil, people: People, calendar: WorkingDayCalendar, today: CivilDate, dueSoonDays: Int, canChange: Bool, flash: String?) -> Response {
        let form = event.list.form
        let eventID = event.id?.text ?? ""
        let started = obligations.filter { $0.startedBy.id == eventID }
        let met = obligations.filter { $0.metBy?.id == eventID }
        return Layout.page(title: "\(form.title) on \(DateText.long(event.date))", context: context, backLink: .child(child.parameter)) {
            if let flash { successBanner(flash) }
            heading("\(form.title) on \(DateText.long(event.date))", caption: child.fullName)
            if let reason = event.withdrawnReason {
                el("div", .class("govuk-inset-text")) { "This record was withdrawn: \(reason). It is kept, but no longer counts towards any timescale." }
            }
            if !remarks.isEmpty { el("div", .class("govuk-inset-text")) { remarkList(remarks) } }
            summaryList(answers(form, record: record, people: people)
                + (distanceFromHome.map { [SummaryRow("Distance from home", "\($0.formatted()) miles, between the centres of the two postcode districts")] } ?? []))
            for step in steps where event.withdrawnReason == nil {
                el("a", .class("govuk-button"), .href(SiteURL.eventStep(child: child.parameter, event: event.parameter, step: .value(step.id)))) { step.title }
            }
            if ActionForm.sources.contains(event.list) {
                actionsSet(actions, child: child, event: event, people: people, today: today, canRecord: canChange)
            }
            if !met.isEmpty { obligationsTable("Timescales this met", met, people: people, calendar: calendar, today: today, dueSoonDays: dueSoonDays) }
            if !started.isEmpty { obligationsTable("Timescales this started", started, people: people, calendar: calendar, today: today, dueSoonDays: dueSoonDays) }
            el("h2", .class("govuk-heading-m")) { "History" }
            summaryList([
                SummaryRow("Recorded", "\(DateText.long(CivilDate.today(now: event.recordedAt))) by \(event.recordedBy.displayName)"),
                SummaryRow("Last changed", event.changedAt.map { "\(DateText.long(CivilDate.today(now: $0))) by \(event.changedBy?.displayName ?? "someone")" } ?? "Not changed since it was recorded"),
            ])
            if canChange, event.withdrawnReason == nil {
                postForm(action: .eventSignificance(child: child.parameter, event: event.parameter), csrfToken: context.csrfToken) {
                    Node.void("input", [.type("hidden"), .name("significant"), .value(event.significant ? "no" : "yes")])
                    paragraph(event.significant ? "This is marked as a significant event in the chronology." : "This is not marked as significant in the chronology.")
                    button(event.significant ? "Remove the significant mark" : "Mark as significant", secondary: true)
                }
                el("div", .class("govuk-button-group")) {
                    el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.correctEvent(child: child.parameter, event: event.parameter))) { "Correct this record" }
                    el("a", .class("govuk-button govuk-button--warning"), .href(SiteURL.withdrawEvent(child: child.parameter, event: event.parameter))) { "Withdraw this record" }
                }
            }
        }
    }

    static func withdrawForm(context: PageContext, child: Child, event: StoredEvent, values: EventFormValues, errors: FieldErrors) -> Response {
        let form = event.list.form
        let title = "Withdraw this \(form.name)"
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty,
                           backLink: .event(child: child.parameter, event: event.parameter)) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title, caption: child.fullName)
                    paragraph("The \(form.name) on \(DateText.long(event.date)) will no longer count towards any timescale. It is not deleted: its history and your reason are kept.")
                    postForm(action: .withdrawEvent(child: child.parameter, event: event.parameter), csrfToken: context.csrfToken) {
                        Node.void("input", [.type("hidden"), .name("version"), .value(values["version"])])
                        TextareaField(id: "reason", label: "Why are you withdrawing it?", value: values["reason"],
                                      hint: "For example, it was recorded on the wrong child", error: errors[id: "reason"], rows: 3).node
                        el("button", .type("submit"), .class("govuk-button govuk-button--warning")) { "Withdraw" }
                    }
                }
            }
        }
    }

    /// Obligations in a table: what, when due, status, and why it is due then.
    /// The actions a meeting, plan or decision set, and a link to record another.
    private static func actionsSet(_ actions: [(id: UUID, action: ActionRecord)], child: Child, event: StoredEvent, people: People,
                                   today: CivilDate, canRecord: Bool) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m")) { "Actions it set" }
            if actions.isEmpty {
                paragraph("No actions recorded from this yet.")
            } else {
                table(caption: "Actions it set", captionVisible: false,
                      columns: [TableColumn(header: "Action"), TableColumn(header: "Owner"), TableColumn(header: "Due"), TableColumn(header: "Status")],
                      rows: actions.map { item in
                          let action = item.action
                          let status: Node = if let done = action.done { .text("Done on \(DateText.long(done))") }
                              else if let cancelled = action.cancelled { .text("Cancelled on \(DateText.long(cancelled))") }
                              else if action.due < today { tag("Overdue", .red) } else { .text("Open") }
                          return [link(action.description, .event(child: child.parameter, event: .value(item.id))),
                                  .text(people.staff[action.ownerID] ?? "A former worker"), .text(DateText.long(action.due)), status]
                      })
            }
            if canRecord, event.withdrawnReason == nil, let id = event.id {
                el("p", .class("govuk-body")) {
                    link("Record an action it sets", href: SiteURL.recordEvent(child: child.parameter, list: .value(.actions)).path(query: [("sourceID", id.text)]))
                }
            }
        }
    }

    static func obligationsTable(_ caption: String, _ obligations: [Obligation], people: People, calendar: WorkingDayCalendar,
                                 today: CivilDate, dueSoonDays: Int) -> Node {
        table(caption: caption, columns: [.init(header: "Timescale"), .init(header: "Due"), .init(header: "Status"), .init(header: "Responsible")],
              rows: obligations.map { obligation in [
                  fragment {
                      ObligationText.title(obligation)
                      ObligationText.why(obligation, calendar: calendar)
                  },
                  .text(DateText.long(obligation.due)),
                  ObligationText.tag(obligation.status(asOf: today, dueSoonDays: dueSoonDays)),
                  .text(people.responsible(obligation.responsible)),
              ] })
    }

    /// What the rest of the record says about an event: "Re-referral: within 12 months of the
    /// referral received on 3 March 2026".
    static func remarkList(_ remarks: [RecordRemark]) -> Node {
        fragment {
            for remark in remarks {
                el("p", .class("govuk-body")) {
                    tag(remark.label, .orange)
                    " \(remark.text) \(DateText.long(remark.date))."
                }
            }
        }
    }

    /// Each answer of the record, labelled as the form asks it.
    static func answers(_ form: EventForm, record: any JourneyRecord, people: People) -> [SummaryRow] {
        let values = EventFormValues(form, record: record)
        let object = JSONValue.object(of: record)
        return form.fields.compactMap { field in
            let text: String
            switch field.input {
            case .date:
                guard case let .string(iso)? = object[field.key], let date = CivilDate(iso: iso) else { return nil }
                text = DateText.long(date)
            case .yesNo:
                guard !values[field.key].isEmpty else { return nil }
                text = values[field.key] == "yes" ? "Yes" : "No"
            case let .choice(options), let .select(options):
                guard let option = options.first(where: { $0.value == values[field.key] }) else { return nil }
                text = option.label
            case let .checkboxes(options):
                let chosen = options.filter { values.all(field.key).contains($0.value) }.map(\.label)
                guard !chosen.isEmpty else { return nil }
                text = chosen.joined(separator: ", ")
            case .text, .notes, .time, .number:
                guard !values[field.key].isEmpty else { return nil }
                text = values[field.key]
            case .staff:
                guard !values[field.key].isEmpty else { return nil }
                text = people.staff[values[field.key]] ?? "Someone who has left"
            case .team:
                guard !values[field.key].isEmpty else { return nil }
                text = people.teams[values[field.key]] ?? "A team that no longer exists"
            case .event:
                guard !values[field.key].isEmpty else { return nil }
                text = "Recorded earlier"
            }
            return SummaryRow(field.label, text)
        }
    }
}

/// Names of the staff and teams an obligation or record refers to by id.
struct People: Sendable {
    var staff: [String: String] = [:]
    var teams: [String: String] = [:]

    func responsible(_ responsibility: Responsibility?) -> String {
        guard let responsibility else { return "Not allocated" }
        if let worker = responsibility.workerID { return staff[worker] ?? "A former worker" }
        return responsibility.teamID.flatMap { teams[$0] }.map { "\($0) (no worker allocated)" } ?? "Not allocated"
    }
}
