import Fluent
import SQLKit
import LineOfSightCore
import Vapor

/// Recording a child's journey: the form for each kind of event, the event's own page, and its
/// correction and withdrawal. Every kind of event goes through these same handlers.
struct JourneyController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.recordEvent(child: .key, list: .key), use: recordForm).allow(JourneyList.recorderRoles)
        routes.post(SiteURL.recordEvent(child: .key, list: .key), use: record).allow(JourneyList.recorderRoles)
        routes.get(SiteURL.event(child: .key, event: .key), use: show).allow(Role.childReaders)
        routes.get(SiteURL.correctEvent(child: .key, event: .key), use: correctForm).allow(JourneyList.recorderRoles)
        routes.post(SiteURL.correctEvent(child: .key, event: .key), use: correct).allow(JourneyList.recorderRoles)
        routes.get(SiteURL.withdrawEvent(child: .key, event: .key), use: withdrawForm).allow(JourneyList.recorderRoles)
        routes.post(SiteURL.withdrawEvent(child: .key, event: .key), use: withdraw).allow(JourneyList.recorderRoles)
    }

    // MARK: - Recording

    func recordForm(req: Request) async throws -> Response {
        let (child, form) = (try await req.visibleChild(), try req.eventForm().answerable(by: req.requirePrincipal().role))
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Opened the form to record \(form.withArticle)")
        let restored = try await SavedForms.take(req)
        // A link may start the form with answers, such as the meeting an action comes from.
        let values = EventFormValues(form, input: restored ?? req.queryParameters)
        return try await formPage(req, child: child, form: form, purpose: .record, values: values, errors: FieldErrors())
    }

    func record(req: Request) async throws -> Response {
        let (child, form) = (try await req.visibleChild(), try req.eventForm().answerable(by: req.requirePrincipal().role))
        let values = EventFormValues(form, input: req.form)
        let writer = JourneyWriter(req: req, child: child)
        let choices = try await EventChoices.load(for: form, child: child, on: req.db)
        switch form.read(values, choices: choices, context: try await writer.context()) {
        case let .failure(errors):
            return try await formPage(req, child: child, form: form, purpose: .record, values: values, errors: errors, choices: choices)
        case let .success(record):
            let event: StoredEvent
            do {
                event = try await writer.record(record)
            } catch let refused as RecordRefused {
                return try await formPage(req, child: child, form: form, purpose: .record, values: values, errors: form.errors(refused.problems), choices: choices)
            }
            req.flash("\(form.title) recorded")
            return req.redirect(to: .event(child: child.parameter, event: event.parameter))
        }
    }

    // MARK: - An event

    func show(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.childEvent(of: child)
        try await req.audit(.read, entity: "event", entityID: event.id, childID: child.id, detail: "Viewed \(event.list.form.withArticle)")
        let obligations = try await DerivedRows.obligations(of: child.requireID(), on: req.sql)
        let principal = try req.requirePrincipal()
        let record = try event.decodedRecord()
        // The steps still to take that this person may take.
        let answers = JSONValue.object(of: record)
        var steps: [EventStep] = []
        for step in event.list.form.steps where step.isOffered(answers) {
            if try await req.mayTake(step, of: record) { steps.append(step) }
        }
        let events = try await JourneyRows.events(of: [child.requireID()], on: req.sql)
        let journey = try ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, events: events, allocations: [])
        let remarks = try record.remarks(id: event.requireID().text, in: journey)
        let actions = try events.filter { $0.list == JourneyList.actions.rawValue }
            .compactMap { row in try (row.decodedRecord() as? ActionRecord).map { (id: row.id, action: $0) } }
            .filter { $0.action.sourceID == event.id?.text }
        return EventPages.show(context: PageContext(req), child: child, event: event, record: record, obligations: obligations,
                               remarks: remarks, steps: steps, actions: actions,
                               distanceFromHome: (record as? any PlacementDetails).flatMap { placement in
                                   req.application.standards.distance(fromHome: try? home(of: placement, id: event.requireID(), journey: journey, events: events),
                                                                      to: placement.postcode)
                               },
                               people: try await People.load(naming: [(event.list.form, record)], responsibleFor: obligations,
                                                             owning: actions.map(\.action), on: req.db),
                               calendar: req.application.standards.calendar, today: req.today,
                               dueSoonDays: req.application.standards.standards.dueSoonDays,
                               canChange: event.list.form.roles.contains(principal.role), flash: req.takeFlash())
    }

    /// The postcode district of the child's home for a placement, by the core's rule, given the
    /// period of care it belongs to.
    private func home(of placement: any PlacementDetails, id: UUID, journey: Journey, events: [JourneyRows.Event]) throws -> String? {
        guard let period = journey.periodsOfCare.first(where: { $0.placements.contains { $0.id == id.text } }),
              let row = events.first(where: { $0.id.text == period.id }),
              let record = try row.decodedRecord() as? PeriodOfCareRecord else { return placement.homePostcode }
        return placement.home(in: record)
    }

    // MARK: - Correcting

    func correctForm(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.changeableEvent(of: child)
        try await req.audit(.read, entity: "event", entityID: event.id, childID: child.id, detail: "Opened \(event.list.form.withArticle) to correct it")
        let restored = try await SavedForms.take(req)
        let form = event.list.form.answerable(by: try req.requirePrincipal().role)
        var values = try restored.map { EventFormValues(form, input: $0) } ?? EventFormValues(form, record: event.decodedRecord())
        if restored == nil { values["version"] = String(event.version) }
        return try await formPage(req, child: child, form: form, purpose: .correct(event), values: values, errors: FieldErrors())
    }

    func correct(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.changeableEvent(of: child)
        let form = event.list.form
        // What this role may not answer keeps its stored value.
        let answerable = form.answerable(by: try req.requirePrincipal().role)
        var values = try EventFormValues(form, record: event.decodedRecord())
            .replacing(answerable.fields.map(\.key), from: EventFormValues(answerable, input: req.form))
        let writer = JourneyWriter(req: req, child: child)
        let choices = try await EventChoices.load(for: form, child: child, excluding: event.id, on: req.db)
        var result = form.read(values, choices: choices, context: try await writer.context(excluding: event.id))
        let reason = values["reason"].trimmed
        if reason.isEmpty || reason.count > 2_000 {
            var errors = result.failure ?? FieldErrors()
            errors.add(id: "reason", reason.isEmpty ? "Enter why you are correcting it" : "The reason must be 2,000 characters or fewer")
            result = .failure(errors)
        }
        switch result {
        case let .failure(errors):
            return try await formPage(req, child: child, form: answerable, purpose: .correct(event), values: values, errors: errors, choices: choices)
        case let .success(record):
            do {
                try await writer.correct(event, to: record, openedAt: Int(values["version"]) ?? -1, reason: reason)
            } catch is StaleRecord {
                let current = try await req.changeableEvent(of: child)
                values["version"] = String(current.version)
                var errors = FieldErrors()
                errors.add(id: form.fields[0].key, "Someone else changed this record after you opened it. Your correction has not been saved: check it against the record, then save again.")
                return try await formPage(req, child: child, form: answerable, purpose: .correct(current), values: values, errors: errors, choices: choices)
            } catch let refused as RecordRefused {
                return try await formPage(req, child: child, form: answerable, purpose: .correct(event), values: values, errors: form.errors(refused.problems), choices: choices)
            }
            req.flash("Correction saved")
            return req.redirect(to: .event(child: child.parameter, event: event.parameter))
        }
    }

    // MARK: - Withdrawing

    func withdrawForm(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.changeableEvent(of: child)
        try await req.audit(.read, entity: "event", entityID: event.id, childID: child.id, detail: "Opened \(event.list.form.withArticle) to withdraw it")
        var values = EventFormValues()
        values["version"] = String(event.version)
        return EventPages.withdrawForm(context: PageContext(req), child: child, event: event, values: values, errors: FieldErrors())
    }

    func withdraw(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.changeableEvent(of: child)
        var values = EventFormValues(event.list.form, input: req.form)
        let reason = values["reason"].trimmed
        var errors = FieldErrors()
        if reason.isEmpty { errors.add(id: "reason", "Enter why you are withdrawing it") }
        if reason.count > 2_000 { errors.add(id: "reason", "The reason must be 2,000 characters or fewer") }
        guard errors.isEmpty else {
            return EventPages.withdrawForm(context: PageContext(req), child: child, event: event, values: values, errors: errors)
        }
        do {
            try await JourneyWriter(req: req, child: child).withdraw(event, openedAt: Int(values["version"]) ?? -1, reason: reason)
        } catch is StaleRecord {
            let current = try await req.changeableEvent(of: child)
            values["version"] = String(current.version)
            errors.add(id: "reason", "Someone else changed this record after you opened it. Check the record, then withdraw it again if you still need to.")
            return EventPages.withdrawForm(context: PageContext(req), child: child, event: current, values: values, errors: errors)
        } catch let blocked as WithdrawalBlocked {
            errors.add(id: "reason", blocked.message)
            return EventPages.withdrawForm(context: PageContext(req), child: child, event: event, values: values, errors: errors)
        }
        req.flash("\(event.list.form.title) withdrawn")
        return req.redirect(to: .event(child: child.parameter, event: event.parameter))
    }

    // MARK: -

    private func formPage(_ req: Request, child: Child, form: EventForm, purpose: EventPages.Purpose, values: EventFormValues, errors: FieldErrors,
                          choices: EventChoices? = nil) async throws -> Response {
        let childID = try child.requireID()
        let excluded: UUID? = if case let .correct(event) = purpose { event.id } else { nil }
        var loaded = choices
        if loaded == nil { loaded = try await EventChoices.load(for: form, child: child, excluding: excluded, on: req.db) }
        let (today, dueSoonDays) = (req.today, req.application.standards.standards.dueSoonDays)
        let due = try await DerivedRows.obligations(of: childID, on: req.sql).filter { $0.status(asOf: today, dueSoonDays: dueSoonDays).isOpen }
        return EventPages.form(context: PageContext(req), child: child, form: form, purpose: purpose, values: values, errors: errors,
                               choices: loaded ?? EventChoices(), due: due, people: try await People.load(responsibleFor: due, on: req.db), today: today, dueSoonDays: dueSoonDays)
    }
}

extension Request {
    /// The form named by the `list` path parameter; 404 for a list that is not a kind of event.
    /// The form of the list named in the path; 403 for a role that does not record that kind of event.
    func eventForm() throws -> EventForm {
        guard let name = parameters.get("list"), let list = JourneyList(rawValue: name) else { throw Abort(.notFound) }
        guard list.form.roles.contains(try requirePrincipal().role) else { throw Abort(.forbidden) }
        return list.form
    }

    /// The event named in the path, if it is this child's; 404 otherwise (another child's event
    /// id says nothing about that child).
    func childEvent(of child: Child) async throws -> StoredEvent {
        guard let id = parameters.get("eventID", as: UUID.self),
              let childID = child.id,
              let event = try await StoredEvent.query(on: db).filter(\.$id == id).filter(\.$child.$id == childID)
                  .with(\.$recordedBy).with(\.$changedBy).first()
        else { throw Abort(.notFound) }
        return event
    }

    /// An event this person may correct or withdraw: their role records its kind, and it has not
    /// been withdrawn.
    func changeableEvent(of child: Child) async throws -> StoredEvent {
        let event = try await childEvent(of: child)
        guard event.list.form.roles.contains(try requirePrincipal().role) else { throw Abort(.forbidden) }
        guard !event.isWithdrawn else { throw Abort(.notFound) }
        return event
    }
}

extension EventChoices {
    /// What the form offers to choose from, read only if it asks: active staff to own an action
    /// (by name), and this child's events of the lists it links to. Plain rows: every form
    /// opened and saved reads these.
    static func load(for form: EventForm, child: Child, excluding: UUID? = nil, on db: any Database) async throws -> EventChoices {
        var choices = EventChoices()
        let lists = Set(form.fields.flatMap { field -> [JourneyList] in if case let .event(lists) = field.input { lists } else { [] } })
        if form.fields.contains(where: { if case .staff = $0.input { true } else { false } }) {
            choices.staff = try await activeStaff(on: db)
        }
        if form.fields.contains(where: { if case .team = $0.input { true } else { false } }) {
            struct TeamRow: Decodable { let id: UUID; let name: String }
            choices.teams = try await db.sql.select().columns("id", "name").from(Team.schema).orderBy("name")
                .all(decoding: TeamRow.self).map { EventField.Option($0.id.text, $0.name) }
        }
        if !lists.isEmpty {
            struct EventRow: Decodable { let id: UUID; let list: String; let date: String }
            let query = db.sql.select().columns("id", "list", "date").from(StoredEvent.schema)
                .where("child_id", .equal, SQLBind(try child.requireID()))
                .where("list", .in, SQLBind.group(lists.map(\.rawValue).sorted()))
                .where("withdrawn_reason", .is, SQLLiteral.null)
            if let excluding { query.where("id", .notEqual, SQLBind(excluding)) }
            for event in try await query.orderBy("date").all(decoding: EventRow.self) {
                guard let list = JourneyList(rawValue: event.list), let date = CivilDate(iso: event.date) else { continue }
                choices.events[list, default: []].append(EventField.Option(event.id.text, "\(list.form.title) on \(DateText.long(date))"))
            }
        }
        return choices
    }

    /// Active staff by name: who may own an action or chair a meeting.
    static func activeStaff(on db: any Database) async throws -> [EventField.Option] {
        struct StaffRow: Decodable { let id: UUID; let first_name: String; let last_name: String }
        return try await db.sql.select().columns("id", "first_name", "last_name").from(StaffMember.schema)
            .where("active", .equal, SQLBind(true)).orderBy("last_name").orderBy("first_name")
            .all(decoding: StaffRow.self).map { EventField.Option($0.id.text, $0.first_name + " " + $0.last_name) }
    }
}

extension People {
    /// Plain rows of only these staff and teams: pages that name people call this on every view,
    /// and a page names a few of the council's hundreds (1,300 staff at 15,000 children). Both in
    /// one statement, as each statement costs a page its own round trip.
    ///
    /// The people `known` already names are not read again: a page that has read some names with
    /// its rows passes them here.
    static func load(staff: Set<UUID>, teams: Set<UUID>, knowing known: People = People(), on db: any Database) async throws -> People {
        let staffIDs = staff.filter { known.staff[$0.text] == nil }, teamIDs = teams.filter { known.teams[$0.text] == nil }
        // PostgreSQL refuses an empty IN list.
        var lists: [SQLSelect] = []
        if !staffIDs.isEmpty { lists.append(names("staff", SQLRaw(#""first_name" || ' ' || "last_name""#), from: StaffMember.schema, staffIDs)) }
        if !teamIDs.isEmpty { lists.append(names("team", SQLColumn("name"), from: Team.schema, teamIDs)) }
        guard let first = lists.first else { return known }
        let union = SQLUnionBuilder(on: db.sql, initialQuery: first)
        for list in lists.dropFirst() { _ = union.union(all: list) }
        var people = known
        for (kind, id, name) in try await union.all(reading: { (try $0.text("kind"), try $0.uuid("id").text, try $0.text("name")) }) {
            if kind == "staff" { people.staff[id] = name } else { people.teams[id] = name }
        }
        return people
    }

    /// `SELECT 'kind' AS kind, id, name FROM table WHERE id IN (ids)`.
    private static func names(_ kind: String, _ name: any SQLExpression, from table: String, _ ids: Set<UUID>) -> SQLSelect {
        var select = SQLSelect()
        select.columns = [SQLAlias(SQLLiteral.string(kind), as: SQLIdentifier("kind")), SQLColumn("id"), SQLAlias(name, as: SQLIdentifier("name"))]
        select.tables = [SQLIdentifier(table)]
        select.predicate = SQLBinaryExpression(SQLColumn("id"), .in, SQLBind.group(ids.sorted()))
        return select
    }

    /// The names these records' answers (their staff and team questions), obligations (who is
    /// responsible) and actions (their owners) refer to, with those `known` already names, and no
    /// others.
    static func load(naming records: [(form: EventForm, record: any JourneyRecord)] = [], responsibleFor obligations: [Obligation] = [],
                     owning actions: [ActionRecord] = [], knowing known: People = People(), on db: any Database) async throws -> People {
        var staff = Set(obligations.compactMap { $0.responsible?.workerID.flatMap(UUID.init(text:)) }
                        + actions.compactMap { UUID(text: $0.ownerID) })
        var teams = Set(obligations.compactMap { $0.responsible?.teamID.flatMap(UUID.init(text:)) })
        for (form, record) in records {
            let values = EventFormValues(form, record: record)
            for field in form.fields {
                switch field.input {
                case .staff: if let id = UUID(text: values[field.key]) { staff.insert(id) }
                case .team: if let id = UUID(text: values[field.key]) { teams.insert(id) }
                default: continue
                }
            }
        }
        return try await load(staff: staff, teams: teams, knowing: known, on: db)
    }

    /// The teams and workers a child's allocations name, as their history read them.
    init(_ allocations: [AllocationHistoryRow]) {
        for allocation in allocations {
            teams[allocation.teamID.text] = allocation.teamName
            if let worker = allocation.workerID, let name = allocation.workerName { staff[worker.text] = name }
        }
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
