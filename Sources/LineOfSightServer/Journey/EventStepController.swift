import Fluent
import LineOfSightCore
import Vapor

/// The later steps of a recorded event (a manager authorising an assessment or a contact's next
/// step, a worker recording that the person who made a contact was told the outcome): a few of its fields, saved as an update of the record with the audit trail's before
/// and after. The same mechanism for every kind of event that declares steps.
struct EventStepController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.eventStep(child: .key, event: .key, step: .key), use: form).allow(JourneyList.stepRoles)
        routes.post(SiteURL.eventStep(child: .key, event: .key, step: .key), use: save).allow(JourneyList.stepRoles)
    }

    func form(req: Request) async throws -> Response {
        let (child, event, step) = try await req.eventStep()
        // Done already (or closed by a later answer): changing it is a correction, with a reason.
        guard step.isOffered(JSONValue.object(of: try event.decodedRecord())) else {
            req.flash("“\(step.title)” is already recorded. To change it, correct the record.")
            return req.redirect(to: .event(child: child.parameter, event: event.parameter))
        }
        try await req.audit(.read, entity: "event", entityID: event.id, childID: child.id, detail: "Opened “\(step.title)”")
        var values = try EventFormValues(event.list.form, record: event.decodedRecord())
        values["version"] = String(event.version)
        return try await page(req, child: child, event: event, step: step, values: values, errors: FieldErrors())
    }

    func save(req: Request) async throws -> Response {
        let (child, event, step) = try await req.eventStep()
        let form = event.list.form
        let typed = EventFormValues(form, input: req.form)
        let values = try EventFormValues(form, record: event.decodedRecord()).replacing(step.fields, from: typed)
        let writer = JourneyWriter(req: req, child: child)
        var errors = form.stepProblems(step, values)
        if !step.isOffered(JSONValue.object(of: try event.decodedRecord())) {
            // Someone recorded it after this page was opened (or it was closed by a later answer).
            errors = FieldErrors()
            errors.add(id: step.fields[0], "This was recorded by someone else after you opened this page, so what you entered has not been saved. Check the record; to change it, correct the record.")
        }
        var saved: (any JourneyRecord)?
        if errors.isEmpty {
            let choices = try await EventChoices.load(for: form, child: child, excluding: event.id, on: req.db)
            switch form.read(values, choices: choices, context: try await writer.context(excluding: event.id)) {
            case let .success(record): saved = record
            case let .failure(problems): errors = problems
            }
        }
        guard let record = saved else {
            return try await page(req, child: child, event: event, step: step, values: values, errors: errors)
        }
        do {
            try await writer.update(event, to: record, openedAt: Int(values["version"]) ?? -1, detail: step.done, effect: step.effect)
        } catch is StaleRecord {
            var errors = FieldErrors()
            errors.add(id: step.fields[0], "Someone else changed this record after you opened it. Check it, then save again.")
            var current = values
            current["version"] = String(try await req.childEvent(of: child).version)
            return try await page(req, child: child, event: event, step: step, values: current, errors: errors)
        } catch let refused as RecordRefused {
            return try await page(req, child: child, event: event, step: step, values: values, errors: form.only(step.fields).errors(refused.problems))
        }
        req.flash(step.done)
        return req.redirect(to: .event(child: child.parameter, event: event.parameter))
    }

    private func page(_ req: Request, child: Child, event: StoredEvent, step: EventStep, values: EventFormValues, errors: FieldErrors) async throws -> Response {
        let form = event.list.form
        let choices = try await EventChoices.load(for: form, child: child, excluding: event.id, on: req.db)
        let record = try event.decodedRecord()
        let people = try await People.load(naming: [(form, record)], on: req.db)
        return Layout.page(title: step.title, context: PageContext(req), status: errors.isEmpty ? .ok : .unprocessableEntity,
                           hasErrors: !errors.isEmpty, backLink: .event(child: child.parameter, event: event.parameter)) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(step.title, caption: child.fullName)
                    summaryList(EventPages.answers(form, record: record, people: people).filter { row in
                        !step.fields.contains { form.field($0)?.label == row.key }
                    })
                    postForm(action: .eventStep(child: child.parameter, event: event.parameter, step: .value(step.id)), csrfToken: PageContext(req).csrfToken) {
                        Node.void("input", [.type("hidden"), .name("version"), .value(values["version"])])
                        EventFieldView(form: form.only(step.fields), values: values, errors: errors, choices: choices).nodes
                        button("Save")
                    }
                }
            }
        }
    }
}

extension Request {
    /// The child, their event and the step named in the path; 404 for a step the event does not
    /// have, 403 for a role the step is not for.
    func eventStep() async throws -> (Child, StoredEvent, EventStep) {
        let child = try await visibleChild()
        let event = try await childEvent(of: child)
        guard !event.isWithdrawn, let id = parameters.get("step"), let step = event.list.form.steps.first(where: { $0.id == id }) else {
            throw Abort(.notFound)
        }
        guard try await mayTake(step, of: event.decodedRecord()) else { throw Abort(.forbidden) }
        return (child, event, step)
    }

    /// Whether this person takes `step` of `record`: their role is the step's, and for a step of
    /// one team's managers, the team is theirs (a director's, any team).
    func mayTake(_ step: EventStep, of record: any JourneyRecord) async throws -> Bool {
        let principal = try requirePrincipal()
        guard step.roles.contains(principal.role) else { return false }
        guard let key = step.team, principal.role != .director else { return true }
        guard case let .string(id)? = JSONValue.object(of: record)[key], let team = UUID(text: id) else { return false }
        return try await ChildScope.responsibleTeams(of: principal, on: db).contains(team)
    }
}
