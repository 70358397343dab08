import Fluent
import LineOfSightCore
import Vapor

/// Administrators and heads of service keep staff records here (role, team, manager, hours, agency,
/// newly qualified, start and leaving dates), so the workforce figures come from the system. A head
/// of service keeps those of their own service's teams (`WorkforceAuthority`): another service's
/// records are not found, and its teams are not offered or accepted.
struct StaffRecordsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.newStaffMember, use: newForm).allow(Role.workforceEditors)
        routes.post(SiteURL.newStaffMember, use: create).allow(Role.workforceEditors)
        routes.get(SiteURL.editStaffMember(.key), use: editForm).allow(Role.workforceEditors)
        routes.post(SiteURL.editStaffMember(.key), use: update).allow(Role.workforceEditors)
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await page(req, member: nil, form: restored.map(StaffForm.init) ?? StaffForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = StaffForm(req.form)
        let choices = try await Choices(req)
        switch form.validate(teams: choices.teams, managers: choices.managers, memberID: nil, anyTeam: choices.anyTeam, today: req.today) {
        case let .failure(errors):
            return try await page(req, member: nil, form: form, errors: errors, choices: choices)
        case let .success(valid):
            let member = StaffMember()
            member.id = UUID()
            member.version = 1
            member.apply(valid, today: req.today)
            try await req.writeTransaction { db in
                try await req.claimForm(leadingTo: .staffMember(member.parameter), on: db)
                try await member.create(on: db)
                try await req.audit(.create, entity: "staff", entityID: member.id, childID: nil, detail: "Added \(member.fullName) to staff",
                                    after: StaffSnapshot(member), on: db)
            }
            req.flash("\(member.fullName) added")
            return req.redirect(to: .staffMember(member.parameter))
        }
    }

    func editForm(req: Request) async throws -> Response {
        let member = try await findMember(req)
        let restored = try await SavedForms.take(req)
        return try await page(req, member: member, form: restored.map(StaffForm.init) ?? StaffForm(member), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let member = try await findMember(req)
        var form = StaffForm(req.form)
        let choices = try await Choices(req)
        switch form.validate(teams: choices.teams, managers: choices.managers, memberID: member.id, anyTeam: choices.anyTeam, today: req.today) {
        case let .failure(errors):
            return try await page(req, member: member, form: form, errors: errors, choices: choices)
        case let .success(valid):
            let before = StaffSnapshot(member)
            member.apply(valid, today: req.today)
            let openedAt = Int(form.values[.version]) ?? -1
            do {
                try await req.writeTransaction { db in
                    try await req.claimForm(leadingTo: .staffMember(member.parameter), on: db)
                    try await member.claimVersion(from: openedAt, on: db)
                    try await member.save(on: db)
                    try await req.audit(.update, entity: "staff", entityID: member.id, childID: nil, detail: "Changed the staff record of \(member.fullName)",
                                        before: before, after: StaffSnapshot(member), on: db)
                }
            } catch is StaleRecord {
                // Keep what they typed; the form now carries the current version, so saving again
                // (after checking) replaces the other person's change knowingly.
                let current = try await findMember(req)
                form.values[.version] = String(current.version)
                var errors = FieldErrors()
                errors.add(StaffForm.Field.firstName, "Someone else changed this staff record after you opened this page. Your changes have not been saved: check them against the record, then save again.")
                return try await page(req, member: current, form: form, errors: errors, choices: choices)
            }
            req.flash("Staff record saved")
            return req.redirect(to: .staffMember(member.parameter))
        }
    }

    /// The member of staff named in the path, if theirs to change: another service's record is not
    /// found, as another team's child is not.
    private func findMember(_ req: Request) async throws -> StaffMember {
        guard let id = req.parameters.get("staffID", as: UUID.self), let member = try await StaffMember.find(id, on: req.db),
              try await req.workforceAuthority().covers(teamID: member.$team.id)
        else { throw Abort(.notFound) }
        return member
    }

    /// The teams and managers the form offers, and checks a choice against: a head of service's
    /// own teams (one of them required), everyone else any team or none.
    struct Choices {
        let teams: [Team]
        let managers: [StaffMember]
        let anyTeam: Bool

        init(_ req: Request) async throws {
            let db = req.db
            let authority = try await req.workforceAuthority()
            anyTeam = authority.teams == nil
            teams = try await Team.query(on: db).sort(\.$name).all().filter { authority.covers(teamID: $0.id) }
            managers = try await StaffMember.query(on: db).filter(\.$active == true)
                .filter(\.$jobRole ~~ JobRole.allCases.filter(\.supervises)).sortedByName().all()
        }
    }

    private func page(_ req: Request, member: StaffMember?, form: StaffForm, errors: FieldErrors, choices: Choices? = nil) async throws -> Response {
        let choices = if let choices { choices } else { try await Choices(req) }
        let title = member.map { "Change \($0.fullName)’s staff record" } ?? "Add a member of staff"
        let action = member.map { SiteURL.editStaffMember($0.parameter) } ?? .newStaffMember
        let context = PageContext(req)
        return Layout.formPage(title: title, context: context, errors: errors, backLink: member.map { .staffMember($0.parameter) } ?? .staff) {
            postForm(action: action, csrfToken: context.csrfToken) {
                let values = form.values
                TextField(StaffForm.Field.firstName, in: values, errors: errors, label: "First name", width: "20", spellcheck: false).node
                TextField(StaffForm.Field.lastName, in: values, errors: errors, label: "Last name", width: "20", spellcheck: false).node
                SelectField(StaffForm.Field.jobRole, in: values, errors: errors, label: "Role",
                            options: [("", "Select a role")] + JobRole.allCases.map { ($0.rawValue, $0.title) }).node
                SelectField(StaffForm.Field.team, in: values, errors: errors, label: "Team",
                            options: [("", choices.anyTeam ? "No team" : "Select a team")] + choices.teams.map { ($0.id?.text ?? "", $0.name) }).node
                SelectField(StaffForm.Field.manager, in: values, errors: errors, label: "Manager",
                            options: [("", "No manager")] + choices.managers.filter { $0.id != member?.id }.map { ($0.id?.text ?? "", $0.fullName) },
                            hint: "Their manager supervises them.").node
                TextField(StaffForm.Field.fte, in: values, errors: errors, label: "Full-time equivalent",
                          hint: "1 for full time; 0.6 for three days a week", width: "4").node
                CheckboxField(id: StaffForm.Field.agency.rawValue, label: "Agency worker", checked: values[.agency] == "yes").node
                CheckboxField(id: StaffForm.Field.newlyQualified.rawValue, label: "Newly qualified (in their assessed and supported year)",
                              checked: values[.newlyQualified] == "yes").node
                DateField(StaffForm.Field.startDate, in: values, errors: errors, legend: "Date they started in post").node
                DateField(StaffForm.Field.leavingDate, in: values, errors: errors, legend: "Leaving date",
                          hint: "Their last day, once known. For example, 27 3 2026").node
                hiddenField(StaffForm.Field.version, in: values)
                button("Save staff record")
            }
        }
    }
}

extension StaffMember {
    /// Takes the form's values. Someone whose last day has passed is no longer active: they leave
    /// the team's lists and the choices of a worker.
    func apply(_ valid: StaffForm.Valid, today: CivilDate) {
        firstName = valid.firstName
        lastName = valid.lastName
        jobRole = valid.jobRole
        $team.id = valid.teamID
        $manager.id = valid.managerID
        fte = valid.fte
        agency = valid.agency
        newlyQualified = valid.newlyQualified
        startDate = valid.startDate
        leavingDate = valid.leavingDate
        active = valid.leavingDate.map { $0 >= today } ?? true
    }
}
