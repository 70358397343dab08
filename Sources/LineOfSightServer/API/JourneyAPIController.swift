import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// The journey through the API, with a fixed contract (openapi.json): the child's journey document,
/// recording, correcting and withdrawing one event, and the obligations exactly as
/// `lineofsight obligations --journey` prints them. The same role checks, scope and audit as the forms.
struct JourneyAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.api(.journey(.key)), use: journey).allow(Role.childReaders)
        routes.post(SiteURL.api(.journeyList(child: .key, list: .key)), use: record).allow(JourneyList.recorderRoles)
        routes.post(SiteURL.api(.journeyNested(child: .key, event: .key, list: .key)).pathComponents, use: recordNested).allow(JourneyList.recorderRoles)
        routes.put(SiteURL.api(.journeyEvent(child: .key, list: .key, event: .key)).pathComponents, use: correct).allow(JourneyList.recorderRoles)
        routes.delete(SiteURL.api(.journeyEvent(child: .key, list: .key, event: .key)).pathComponents, use: withdraw).allow(JourneyList.recorderRoles)
        routes.get(SiteURL.api(.obligations(.key)), use: obligations).allow(Role.childReaders)
    }

    func journey(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let journey = try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, on: req.db)
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Read the child’s journey through the API")
        return json(JourneyDocument.encode(journey), status: .ok)
    }

    func record(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let list = try req.apiList()
        guard list.form.roles.contains(try req.requirePrincipal().role) else { throw Abort(.forbidden) }
        let record = try await read(req, list: list, child: child, stored: nil)
        let event = try await refusedAsProblems { try await JourneyWriter(req: req, child: child).record(record) }
        return try stored(event, status: .created)
    }

    /// A record posted under the event it belongs to (a move under its period of care, a return
    /// interview under its missing episode): the event in the path is its parent.
    func recordNested(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let parent = try await req.apiEvent(of: child)
        guard let name = req.parameters.get("nested"), let list = JourneyList(rawValue: name), list.parent == parent.list else {
            throw Abort(.notFound, reason: "There is no list of events called \(req.parameters.get("nested") ?? "that") in a \(parent.list.form.title.lowercased()).")
        }
        guard list.form.roles.contains(try req.requirePrincipal().role) else { throw Abort(.forbidden) }
        let record = try await read(req, list: list, child: child, stored: nil, nestedIn: parent)
        let event = try await refusedAsProblems { try await JourneyWriter(req: req, child: child).record(record) }
        return try stored(event, status: .created)
    }

    func correct(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.apiEvent(of: child)
        let reason = try req.apiReason()
        let record = try await read(req, list: event.list, child: child, stored: event)
        do {
            try await refusedAsProblems {
                try await JourneyWriter(req: req, child: child).correct(event, to: record, openedAt: req.apiVersion(default: event.version), reason: reason)
            }
        } catch is StaleRecord {
            throw Abort(.conflict, reason: "The event changed since version \(req.apiVersion(default: event.version)): read it again, then send the correction.")
        }
        return try stored(event, status: .ok)
    }

    func withdraw(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.apiEvent(of: child)
        let reason = try req.apiReason()
        do {
            try await JourneyWriter(req: req, child: child).withdraw(event, openedAt: req.apiVersion(default: event.version), reason: reason)
        } catch is StaleRecord {
            throw Abort(.conflict, reason: "The event changed since version \(req.apiVersion(default: event.version)): read it again, then withdraw it.")
        } catch let blocked as WithdrawalBlocked {
            throw Abort(.conflict, reason: blocked.message)
        }
        return Response(status: .noContent)
    }

    func obligations(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        var asOf = req.today
        if let text = req.queryParameters["asOf"] {
            guard let date = CivilDate(iso: text) else { throw Abort(.badRequest, reason: "asOf must be a date in the form YYYY-MM-DD") }
            asOf = date
        }
        let setup = req.application.standards
        let journey = try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, on: req.db)
        let report = ObligationsReport(childID: journey.childID, derivation: derive(journey, standards: setup.standards, calendar: setup.calendar),
                                       asOf: asOf, dueSoonDays: setup.standards.dueSoonDays)
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Read the child’s obligations through the API")
        return json(Data(report.json().utf8), status: .ok)
    }

    /// The body as a record of `list`, checked as the forms check it; 422 with the JSON path of
    /// each problem. `id`, `reason` and `version` belong to the request, not the record. Answers
    /// reserved for another role's step (a manager's authorisation) must be left as stored.
    private func read(_ req: Request, list: JourneyList, child: Child, stored: StoredEvent?, nestedIn parent: StoredEvent? = nil) async throws -> any JourneyRecord {
        let excluding = stored?.id
        guard var object = JSONValue.object(in: req.body.data.map { Data($0.readableBytesView) }) else {
            throw JourneyAPIProblems([RecordProblem("$", "the body must be a JSON object")])
        }
        for key in ["id", "reason", "version"] { object[key] = nil }
        if let parent, let key = list.parentKey {
            let id = JSONValue.string(try parent.requireID().text)
            if let given = object[key], given != id {
                throw JourneyAPIProblems([RecordProblem("$.\(key)", "must be the \(parent.list.form.title.lowercased()) in the path, or left out")])
            }
            object[key] = id
        }
        let record: any JourneyRecord
        do {
            record = try list.decode(try JSONEncoder().encode(JSONValue.object(object)))
        } catch let error as JourneyDocumentError {
            throw JourneyAPIProblems([RecordProblem(error.path, error.message)])
        }
        let choices = try await EventChoices.load(for: list.form, child: child, excluding: excluding, on: req.db)
        let problems = list.form.reservedProblems(record, stored: try stored?.decodedRecord(), role: try req.requirePrincipal().role)
            + list.form.referenceProblems(record, choices: choices)
            + record.validate(in: try await JourneyWriter(req: req, child: child).context(excluding: excluding))
        guard problems.isEmpty else { throw JourneyAPIProblems(inRecord: problems) }
        return record
    }

    /// A record refused once the child's lock was taken (someone saved a contradicting record
    /// since it was read) is answered as a body with those problems would be: 422.
    private func refusedAsProblems<T>(_ save: () async throws -> T) async throws -> T {
        do { return try await save() } catch let refused as RecordRefused { throw JourneyAPIProblems(inRecord: refused.problems) }
    }

    /// The stored element: the record in the journey format, with its id and version.
    private func stored(_ event: StoredEvent, status: HTTPStatus) throws -> Response {
        guard var object = JSONValue.object(in: Data(event.recordJSON.utf8)) else { throw Abort(.internalServerError) }
        object["id"] = .string(try event.requireID().text)
        object["version"] = .number(Double(event.version))
        let response = json(try JSONEncoder().encode(JSONValue.object(object)), status: status)
        if status == .created, let child = event.$child.id as UUID? {
            response.headers.replaceOrAdd(name: .location, value: SiteURL.api(.journeyEvent(child: .value(child), list: .value(event.list), event: event.parameter)).path)
        }
        return response
    }

    private func json(_ data: Data, status: HTTPStatus) -> Response {
        let response = Response(status: status, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}

/// A body that is not a valid record: 422 with each problem's JSON path.
struct JourneyAPIProblems: AbortError {
    let problems: [RecordProblem]

    init(_ problems: [RecordProblem]) { self.problems = problems }

    /// Problems of the record's own fields, at their JSON path in the body.
    init(inRecord problems: [RecordProblem]) { self.init(problems.map { RecordProblem("$." + $0.field, $0.message) }) }

    var status: HTTPResponseStatus { .unprocessableEntity }
    var reason: String { problems.map(\.description).joined(separator: "; ") }
}

extension Request {
    func apiList() throws -> JourneyList {
        guard let name = parameters.get("list"), let list = JourneyList(rawValue: name) else {
            throw Abort(.notFound, reason: "There is no list of events called \(parameters.get("list") ?? "that").")
        }
        return list
    }

    /// The event in the path: this child's, of the list named, and not withdrawn.
    func apiEvent(of child: Child) async throws -> StoredEvent {
        let list = try apiList()
        let event = try await changeableEvent(of: child)
        guard event.list == list else { throw Abort(.notFound) }
        return event
    }

    /// `reason` from the JSON body or the query string: a correction or withdrawal must say why.
    func apiReason() throws -> String {
        var reason = queryParameters["reason"]
        if reason == nil, case let .string(text)? = JSONValue.object(in: body.data.map { Data($0.readableBytesView) })?["reason"] {
            reason = text
        }
        guard let reason = reason?.trimmed, !reason.isEmpty, reason.count <= 2_000 else {
            throw JourneyAPIProblems([RecordProblem("$.reason", "a reason of 1 to 2,000 characters is required")])
        }
        return reason
    }

    /// The version the client read (`version` in the body), else the stored one.
    func apiVersion(default stored: Int) -> Int {
        guard case let .number(version)? = JSONValue.object(in: body.data.map { Data($0.readableBytesView) })?["version"], let value = Int(exactly: version) else { return stored }
        return value
    }
}
