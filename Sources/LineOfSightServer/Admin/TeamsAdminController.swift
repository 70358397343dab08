import Fluent
import Vapor

/// Administrators create teams and change their name, service and head of service.
/// A team's head of service decides which heads of service see its children.
struct TeamsAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.newTeam, use: newForm).allow(.admin)
        routes.post(SiteURL.newTeam, use: create).allow(.admin)
        routes.get(SiteURL.editTeam(.key), use: editForm).allow(.admin)
        routes.post(SiteURL.editTeam(.key), use: update).allow(.admin)
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await form(req, team: nil, form: restored.map(TeamForm.init) ?? TeamForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = TeamForm(req.form)
        let valid: TeamForm.Valid
        switch try await form.validate(excluding: nil, on: req.db) {
        case let .failure(errors): return try await self.form(req, team: nil, form: form, errors: errors)
        case let .success(checked): valid = checked
        }
        let team = Team(id: UUID(), name: valid.name, service: valid.service, headOfServiceID: valid.headOfServiceID, fundedFTE: valid.fundedFTE)
        try await req.db.transaction { db in
            try await req.claimForm(leadingTo: .team(team.parameter), on: db)
            try await team.create(on: db)
            try await FundedPostsChange.record(team, from: req.today, on: db)
            try await req.audit(.create, entity: "team", entityID: team.id, childID: nil, detail: "Created team \(team.name)", after: TeamSnapshot(team), on: db)
        }
        return req.redirect(to: .team(team.parameter))
    }

    func editForm(req: Request) async throws -> Response {
        let team = try await findTeam(req)
        let restored = try await SavedForms.take(req)
        return try await form(req, team: team, form: restored.map(TeamForm.init) ?? TeamForm(team), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let team = try await findTeam(req)
        let form = TeamForm(req.form)
        let valid: TeamForm.Valid
        switch try await form.validate(excluding: team.id, on: req.db) {
        case let .failure(errors): return try await self.form(req, team: team, form: form, errors: errors)
        case let .success(checked): valid = checked
        }
        let before = TeamSnapshot(team)
        team.name = valid.name
        team.service = valid.service
        team.$headOfService.id = valid.headOfServiceID
        team.fundedFTE = valid.fundedFTE
        try await req.db.transaction { db in
            try await req.claimForm(leadingTo: .team(team.parameter), on: db)
            try await team.save(on: db)
            // The vacancies of months before today keep the posts funded then.
            if team.fundedFTE != before.fundedFTE { try await FundedPostsChange.record(team, from: req.today, on: db) }
            try await req.audit(.update, entity: "team", entityID: team.id, childID: nil, detail: "Changed team \(team.name)",
                                before: before, after: TeamSnapshot(team), on: db)
        }
        return req.redirect(to: .team(team.parameter))
    }

    private func findTeam(_ req: Request) async throws -> Team {
        guard let id = req.parameters.get("teamID", as: UUID.self), let team = try await Team.find(id, on: req.db) else { throw Abort(.notFound) }
        return team
    }

    private func form(_ req: Request, team: Team?, form: TeamForm, errors: FieldErrors) async throws -> Response {
        let heads = try await StaffMember.query(on: req.db).filter(\.$jobRole == .headOfService).filter(\.$active == true).sortedByName().all()
        let title = team == nil ? "Add a team" : "Change \(team!.name)"
        let action = team.map { SiteURL.editTeam($0.parameter) } ?? .newTeam
        let context = PageContext(req)
        return Layout.formPage(title: title, context: context, errors: errors, backLink: team.map { .team($0.parameter) } ?? .teams) {
            postForm(action: action, csrfToken: context.csrfToken) {
                let values = form.values
                TextField(TeamForm.Field.name, in: values, errors: errors, label: "Team name", width: "20").node
                SelectField(TeamForm.Field.service, in: values, errors: errors, label: "Service",
                            options: [("", "Select a service")] + Service.allCases.map { ($0.rawValue, $0.title) }).node
                SelectField(TeamForm.Field.headOfService, in: values, errors: errors, label: "Head of service",
                            options: [("", "None yet")] + heads.map { ($0.id?.text ?? "", $0.fullName) }, hint: "The head of service sees this team’s children.").node
                TextField(TeamForm.Field.fundedPosts, in: values, errors: errors, label: "Funded posts (full-time equivalent)",
                          hint: "The team’s establishment: posts that are funded, filled or not. Vacancies are the funded posts no one fills.", width: "4").node
                button("Save team")
            }
        }
    }
}

/// A team's name, service and head of service.
struct TeamForm: EntryForm {
    enum Field: String, FieldID {
        case name, service, headOfService = "head-of-service", fundedPosts = "funded-posts"
    }

    var values: FormValues<Field>

    init(values: FormValues<Field> = FormValues()) {
        self.values = values
    }

    init(_ team: Team) {
        values = FormValues()
        values[.name] = team.name
        values[.service] = team.service.rawValue
        values[.headOfService] = team.$headOfService.id?.text ?? ""
        values[.fundedPosts] = StaffForm.fteText(team.fundedFTE)
    }

    struct Valid {
        let name: String
        let service: Service
        let headOfServiceID: UUID?
        let fundedFTE: Double
    }

    func validate(excluding teamID: UUID?, on db: any Database) async throws -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let name = check.text(.name, name: "Team name", required: "Enter the team’s name")
        if let name, let existing = try await Team.query(on: db).filter(\.$name == name).first(), existing.id != teamID {
            check.fail(.name, "A team called \(name) already exists")
        }
        let service = check.choice(.service, as: Service.self, message: "Select the team’s service")
        let heads = try await StaffMember.query(on: db).filter(\.$jobRole == .headOfService).all()
        let head = check.record(.headOfService, from: heads, id: \.id, required: nil, message: "Select a head of service from the list")
        // The establishment, in full-time equivalents; none until it is set.
        let funded = values[.fundedPosts].trimmed.isEmpty ? 0
            : check.decimal(.fundedPosts, required: "", notANumber: "Funded posts must be a number, like 8 or 7.5",
                            outside: "Funded posts must be between 0 and 500") { (0...500).contains($0) }
        return check.result {
            guard let name, let service, let funded else { return nil }
            return Valid(name: name, service: service, headOfServiceID: head?.id, fundedFTE: funded)
        }
    }
}

struct TeamSnapshot: Codable, Sendable {
    let name: String
    let service: String
    let headOfServiceID: UUID?
    let fundedFTE: Double

    init(_ team: Team) {
        name = team.name
        service = team.service.rawValue
        headOfServiceID = team.$headOfService.id
        fundedFTE = team.fundedFTE
    }
}
