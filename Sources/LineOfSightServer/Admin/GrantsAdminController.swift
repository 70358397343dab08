import Fluent
import LineOfSightCore
import Vapor

/// Extra access, given by an administrator with a reason and an expiry: to one child (the only
/// way into a restricted record) or to a team's children. Nobody grants access to themselves, and a
/// grant to a restricted record opens it only once a second administrator has approved it.
struct GrantsAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.grants, use: list).allow(.admin)
        routes.post(SiteURL.grants, use: create).allow(.admin)
        routes.post(SiteURL.revokeGrant(.key), use: revoke).allow(.admin)
        routes.post(SiteURL.approveGrant(.key), use: approve).allow(.admin)
    }

    func list(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await page(req, form: restored.map(GrantForm.init) ?? GrantForm(expires: req.today.adding(months: 3)), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = GrantForm(req.form)
        let principal = try req.requirePrincipal()
        let laChildID = form.values[.laChildID].trimmed
        let child = laChildID.isEmpty || laChildID.count > 50 ? nil : try await Child.query(on: req.db).filter(\.$laChildID == laChildID).first()
        let users = try await User.query(on: req.db).all()
        let teams = try await Team.query(on: req.db).all()
        let valid: GrantForm.Valid
        switch form.validate(users: users, teams: teams, child: child, grantedBy: principal.userID, today: req.today) {
        case let .failure(errors): return try await page(req, form: form, errors: errors)
        case let .success(checked): valid = checked
        }
        let (user, team, expires) = (valid.user, valid.team, valid.expires)
        let grant = AccessGrant(userID: try user.requireID(), childID: child?.id, teamID: team?.id, reason: valid.reason, expiresOn: expires,
                                grantedBy: principal.userID)
        try await req.db.transaction { db in
            try await req.claimForm(leadingTo: .grants, on: db)
            try await grant.create(on: db)
            try await req.audit(.create, entity: "access_grant", entityID: grant.id, childID: child?.id,
                                detail: "Granted \(user.username) access to \(child.map { "child \($0.laChildID)" } ?? "team \(team?.name ?? "")") until \(expires.iso): \(valid.reason)", on: db)
        }
        req.flash(child?.restricted == true
            ? "Access for \(user.username) recorded. The record is restricted, so another administrator must approve it before it opens."
            : "Access granted to \(user.username)")
        return req.redirect(to: .grants)
    }

    /// The second administrator's approval of a grant (needed to open a restricted record).
    func approve(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let grant = try await findGrant(req)
        guard grant.$grantedBy.id != principal.userID, grant.$user.id != principal.userID else {
            throw Abort(.forbidden, reason: "A grant must be approved by an administrator other than the one who gave it and the person it is for.")
        }
        guard grant.revokedAt == nil, grant.$approvedBy.id == nil else { return Self.unchanged(req, "The access was already approved or revoked") }
        grant.$approvedBy.id = principal.userID
        grant.approvedAt = req.now
        return try await save(grant, req, detail: "Approved an access grant", flash: "Access approved")
    }

    func revoke(req: Request) async throws -> Response {
        let grant = try await findGrant(req)
        guard grant.revokedAt == nil else { return Self.unchanged(req, "The access was already revoked") }
        grant.revokedAt = req.now
        return try await save(grant, req, detail: "Revoked an access grant", flash: "Access revoked")
    }

    private func findGrant(_ req: Request) async throws -> AccessGrant {
        guard let id = req.parameters.get("grantID", as: UUID.self), let grant = try await AccessGrant.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return grant
    }

    private func save(_ grant: AccessGrant, _ req: Request, detail: String, flash: String) async throws -> Response {
        try await req.db.transaction { db in
            try await grant.save(on: db)
            try await req.audit(.update, entity: "access_grant", entityID: grant.id, childID: grant.$child.id, detail: detail, on: db)
        }
        req.flash(flash)
        return req.redirect(to: .grants)
    }

    /// A second click, or a stale page: nothing to do, and nothing wrong either.
    private static func unchanged(_ req: Request, _ message: String) -> Response {
        req.flash(message)
        return req.redirect(to: .grants)
    }

    private func page(_ req: Request, form: GrantForm, errors: FieldErrors) async throws -> Response {
        let principal = try req.requirePrincipal()
        let grants = try await AccessGrant.query(on: req.db).filter(\.$revokedAt == nil).filter(\.$expiresOn >= req.today)
            .with(\.$user).with(\.$child).with(\.$team).sort(\.$expiresOn).sort(\.$id).all()
        let users = try await User.query(on: req.db).filter(\.$active == true).sort(\.$username).all()
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let context = PageContext(req)
        return Layout.page(title: "Access grants", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty) {
            errorSummary(errors)
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Access grants")
            paragraph("A grant lets one person open a child’s record, or a team’s children, beyond what their role allows, until its expiry date. It is the only way into a restricted record.")
            table(caption: "Current grants (\(grants.count))", columns: [
                .init(header: "User"), .init(header: "Access to"), .init(header: "Reason"), .init(header: "Until"), .init(header: "Status"), .init(header: "Action"),
            ], rows: grants.map { grant in
                let awaiting = grant.child?.restricted == true && grant.$approvedBy.id == nil
                let mayApprove = awaiting && grant.$grantedBy.id != principal.userID && grant.$user.id != principal.userID
                return [
                    .text(grant.user.username),
                    .text(grant.child.map { "Child \($0.laChildID)" + ($0.restricted ? " (restricted)" : "") } ?? grant.team.map { "Team: \($0.name)" } ?? ""),
                    .text(grant.reason),
                    .text(DateText.long(grant.expiresOn)),
                    awaiting ? tag("Awaiting a second administrator", .yellow) : tag("In effect", .green),
                    fragment {
                        if mayApprove {
                            postForm(action: .approveGrant(grant.parameter), csrfToken: context.csrfToken) {
                                el("button", .type("submit"), .class("govuk-button"), .aria("label", "Approve access of \(grant.user.username)")) { "Approve" }
                            }
                        }
                        postForm(action: .revokeGrant(grant.parameter), csrfToken: context.csrfToken) {
                            el("button", .type("submit"), .class("govuk-button govuk-button--warning"), .aria("label", "Revoke access of \(grant.user.username)")) { "Revoke" }
                        }
                    },
                ]
            })
            el("h2", .class("govuk-heading-m")) { "Give access" }
            postForm(action: .grants, csrfToken: context.csrfToken) {
                let values = form.values
                SelectField(GrantForm.Field.user, in: values, errors: errors, label: "User",
                            options: [("", "Select a user")] + users.map { ($0.id?.text ?? "", "\($0.username) (\($0.role.title))") }).node
                TextField(GrantForm.Field.laChildID, in: values, errors: errors, label: "Child’s LA child ID", hint: "For access to one child. Leave empty to give access to a team.", width: "10", spellcheck: false).node
                SelectField(GrantForm.Field.team, in: values, errors: errors, label: "Or a team", options: [("", "No team")] + teams.map { ($0.id?.text ?? "", $0.name) }).node
                TextField(GrantForm.Field.reason, in: values, errors: errors, label: "Reason", hint: "For example: covering for a colleague on leave").node
                DateField(GrantForm.Field.expires, in: values, errors: errors, legend: "Access ends after").node
                button("Give access")
            }
        }
    }
}

/// Giving a person access to one child or a team's children, until a date.
struct GrantForm: EntryForm {
    enum Field: String, FieldID {
        case user, laChildID = "la-child-id", team, reason, expires
    }

    var values: FormValues<Field>

    init(values: FormValues<Field>) {
        self.values = values
    }

    init(expires: CivilDate) {
        values = FormValues()
        values[date: .expires] = DateParts(expires)
    }

    struct Valid {
        let user: User
        let team: Team?
        let reason: String
        let expires: CivilDate
    }

    /// `child` is the child found by the LA child ID typed, if any.
    func validate(users: [User], teams: [Team], child: Child?, grantedBy: UUID, today: CivilDate) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let user = check.record(.user, from: users.filter(\.active), id: \.id, required: "Select the user to give access to", message: "Select the user to give access to")
        if let user, user.id == grantedBy { check.fail(.user, "You cannot give yourself access: ask another administrator") }
        let laChildID = values[.laChildID].trimmed
        let team = check.record(.team, from: teams, id: \.id, required: nil, message: "Select a team from the list")
        if !laChildID.isEmpty, child == nil { check.fail(.laChildID, "No child has the LA child ID \(laChildID.prefix(50))") }
        if laChildID.isEmpty, team == nil { check.fail(.laChildID, "Enter a child’s LA child ID, or select a team") }
        if child != nil, team != nil { check.fail(.team, "Give access to a child or to a team, not both in one grant") }
        let reason = check.text(.reason, name: "Reason", required: "Enter the reason for the access", maxLength: 500)
        let expires = check.date(.expires, name: "Expiry date", required: "Enter the last day the access is valid")
        if let expires, expires < today { check.fail(.expires, "Expiry date must be today or in the future") }
        if let expires, expires > today.adding(years: 1) { check.fail(.expires, "Expiry date must be within a year; grant again when it ends") }
        return check.result {
            guard let user, let reason, let expires else { return nil }
            return Valid(user: user, team: team, reason: reason, expires: expires)
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
