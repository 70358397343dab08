import Fluent
import Vapor

/// Administrators create teams and change their name, service and head of service (issue 2 §5).
/// A team's head of service decides which heads of service see its children.
struct TeamsAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "teams", "new", use: newForm).allow(.admin)
        routes.post("admin", "teams", "new", use: create).allow(.admin)
        routes.get("admin", "teams", ":teamID", "edit", use: editForm).allow(.admin)
        routes.post("admin", "teams", ":teamID", "edit", use: update).allow(.admin)
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await form(req, team: nil, form: restored.map(TeamForm.init(fields:)) ?? TeamForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = TeamForm(fields: req.form)
        let (valid, errors) = try await form.validate(excluding: nil, on: req.db)
        guard let valid else { return try await self.form(req, team: nil, form: form, errors: errors) }
        let team = Team(name: valid.name, service: valid.service, headOfServiceID: valid.headOfServiceID)
        try await req.db.transaction { db in
            try await team.create(on: db)
            try await req.audit(.create, entity: "team", entityID: team.id, childID: nil, detail: "Created team \(team.name)", after: TeamSnapshot(team), on: db)
        }
        return req.redirect(to: "/teams/\(try team.requireID())")
    }

    func editForm(req: Request) async throws -> Response {
        let team = try await findTeam(req)
        let restored = try await SavedForms.take(req)
        return try await form(req, team: team, form: restored.map(TeamForm.init(fields:)) ?? TeamForm(team), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let team = try await findTeam(req)
        let form = TeamForm(fields: req.form)
        let (valid, errors) = try await form.validate(excluding: team.id, on: req.db)
        guard let valid else { return try await self.form(req, team: team, form: form, errors: errors) }
        let before = TeamSnapshot(team)
        team.name = valid.name
        team.service = valid.service
        team.$headOfService.id = valid.headOfServiceID
        try await req.db.transaction { db in
            try await team.save(on: db)
            try await req.audit(.update, entity: "team", entityID: team.id, childID: nil, detail: "Changed team \(team.name)",
                                before: before, after: TeamSnapshot(team), on: db)
        }
        return req.redirect(to: "/teams/\(try team.requireID())")
    }

    private func findTeam(_ req: Request) async throws -> Team {
        guard let id = req.parameters.get("teamID", as: UUID.self), let team = try await Team.find(id, on: req.db) else { throw Abort(.notFound) }
        return team
    }

    private func form(_ req: Request, team: Team?, form: TeamForm, errors: FieldErrors) async throws -> Response {
        let heads = try await StaffMember.query(on: req.db).filter(\.$jobRole == .headOfService).filter(\.$active == true).sort(\.$lastName).all()
        let title = team == nil ? "Add a team" : "Change \(team!.name)"
        let action = team.map { "/admin/teams/\($0.id?.uuidString ?? "")/edit" } ?? "/admin/teams/new"
        let context = PageContext(req)
        return Layout.page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty,
                           backLink: team.map { "/teams/\($0.id?.uuidString ?? "")" } ?? "/teams") {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title)
                    postForm(action: action, csrfToken: context.csrfToken) {
                        TextField(id: "name", label: "Team name", value: form.name, error: errors["name"], width: "20").node
                        SelectField(id: "service", label: "Service", options: [("", "Select a service")] + Service.allCases.map { ($0.rawValue, $0.title) },
                                    selected: form.service, error: errors["service"]).node
                        SelectField(id: "head-of-service", label: "Head of service", options: [("", "None yet")] + heads.map { ($0.id?.uuidString ?? "", $0.fullName) },
                                    selected: form.headOfService, hint: "The head of service sees this team’s children.", error: errors["head-of-service"]).node
                        button("Save team")
                    }
                }
            }
        }
    }
}

struct TeamForm: Sendable {
    var name = ""
    var service = ""
    var headOfService = ""

    init() {}

    init(_ team: Team) {
        name = team.name
        service = team.service.rawValue
        headOfService = team.$headOfService.id?.uuidString ?? ""
    }

    init(fields: FormInput) {
        name = (fields["name"] ?? "").trimmed
        service = fields["service"] ?? ""
        headOfService = fields["head-of-service"] ?? ""
    }

    struct Valid {
        let name: String
        let service: Service
        let headOfServiceID: UUID?
    }

    func validate(excluding teamID: UUID?, on db: any Database) async throws -> (Valid?, FieldErrors) {
        var errors = FieldErrors()
        if name.isEmpty { errors.add("name", "Enter the team’s name") }
        else if name.count > 100 { errors.add("name", "Team name must be 100 characters or fewer") }
        else if let existing = try await Team.query(on: db).filter(\.$name == name).first(), existing.id != teamID {
            errors.add("name", "A team called \(name) already exists")
        }
        let service = Service(rawValue: service)
        if service == nil { errors.add("service", "Select the team’s service") }
        var headID: UUID?
        if !headOfService.isEmpty {
            guard let id = UUID(uuidString: headOfService), let head = try await StaffMember.find(id, on: db), head.jobRole == .headOfService else {
                errors.add("head-of-service", "Select a head of service from the list")
                return (nil, errors)
            }
            headID = id
        }
        guard errors.isEmpty, let service else { return (nil, errors) }
        return (Valid(name: name, service: service, headOfServiceID: headID), errors)
    }
}

struct TeamSnapshot: Codable, Sendable {
    let name: String
    let service: String
    let headOfServiceID: UUID?

    init(_ team: Team) {
        name = team.name
        service = team.service.rawValue
        headOfServiceID = team.$headOfService.id
    }
}
