import Fluent
import LineOfSightCore
import Vapor

/// Extra access, given by an administrator with a reason and an expiry (M21): to one child (the only
/// way into a restricted record) or to a team's children. Nobody grants access to themselves, and a
/// grant to a restricted record opens it only once a second administrator has approved it.
struct GrantsAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "grants", use: list).allow(.admin)
        routes.post("admin", "grants", use: create).allow(.admin)
        routes.post("admin", "grants", ":grantID", "revoke", use: revoke).allow(.admin)
        routes.post("admin", "grants", ":grantID", "approve", use: approve).allow(.admin)
    }

    func list(req: Request) async throws -> Response {
        try await page(req, form: GrantForm(expires: DateParts(req.today.adding(months: 3))), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = GrantForm(fields: req.form)
        let principal = try req.requirePrincipal()
        var errors = FieldErrors()
        let user = try await UUID(uuidString: form.user).asyncFlatMap { try await User.find($0, on: req.db) }
        if user == nil { errors.add("user", "Select the user to give access to") }
        if let user, user.id == principal.userID { errors.add("user", "You cannot give yourself access: ask another administrator") }
        let child = form.laChildID.isEmpty || form.laChildID.count > 50 ? nil : try await Child.query(on: req.db).filter(\.$laChildID == form.laChildID).first()
        let team = try await UUID(uuidString: form.team).asyncFlatMap { try await Team.find($0, on: req.db) }
        if !form.laChildID.isEmpty, child == nil { errors.add("la-child-id", "No child has the LA child ID \(form.laChildID)") }
        if form.laChildID.isEmpty, team == nil { errors.add("la-child-id", "Enter a child’s LA child ID, or select a team") }
        if child != nil, team != nil { errors.add("team", "Give access to a child or to a team, not both in one grant") }
        if form.reason.isEmpty { errors.add("reason", "Enter the reason for the access") }
        else if form.reason.count > 500 { errors.add("reason", "Reason must be 500 characters or fewer") }
        let expires = form.expires.validate(id: "expires", name: "Expiry date", errors: &errors)
        if expires == nil, form.expires.isEmpty { errors.add("expires", "Enter the last day the access is valid") }
        if let expires, expires < req.today { errors.add("expires", "Expiry date must be today or in the future") }
        if let expires, expires > req.today.adding(years: 1) { errors.add("expires", "Expiry date must be within a year; grant again when it ends") }
        guard errors.isEmpty, let user, let expires else { return try await page(req, form: form, errors: errors) }
        let grant = AccessGrant(userID: try user.requireID(), childID: child?.id, teamID: team?.id, reason: form.reason, expiresOn: expires,
                                grantedBy: principal.userID)
        try await req.db.transaction { db in
            try await grant.create(on: db)
            try await req.audit(.create, entity: "access_grant", entityID: grant.id, childID: child?.id,
                                detail: "Granted \(user.username) access to \(child.map { "child \($0.laChildID)" } ?? "team \(team?.name ?? "")") until \(expires.iso): \(form.reason)", on: db)
        }
        req.flash(child?.restricted == true
            ? "Access for \(user.username) recorded. The record is restricted, so another administrator must approve it before it opens."
            : "Access granted to \(user.username)")
        return req.redirect(to: "/admin/grants")
    }

    /// The second administrator's approval of a grant (needed to open a restricted record).
    func approve(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("grantID", as: UUID.self), let grant = try await AccessGrant.find(id, on: req.db),
              grant.revokedAt == nil, grant.$approvedBy.id == nil
        else { throw Abort(.notFound) }
        guard grant.$grantedBy.id != principal.userID, grant.$user.id != principal.userID else {
            throw Abort(.forbidden, reason: "A grant must be approved by an administrator other than the one who gave it and the person it is for.")
        }
        grant.$approvedBy.id = principal.userID
        grant.approvedAt = Date()
        try await req.db.transaction { db in
            try await grant.save(on: db)
            try await req.audit(.update, entity: "access_grant", entityID: grant.id, childID: grant.$child.id, detail: "Approved an access grant", on: db)
        }
        req.flash("Access approved")
        return req.redirect(to: "/admin/grants")
    }

    func revoke(req: Request) async throws -> Response {
        guard let id = req.parameters.get("grantID", as: UUID.self), let grant = try await AccessGrant.find(id, on: req.db), grant.revokedAt == nil else {
            throw Abort(.notFound)
        }
        grant.revokedAt = Date()
        try await req.db.transaction { db in
            try await grant.save(on: db)
            try await req.audit(.update, entity: "access_grant", entityID: grant.id, childID: grant.$child.id, detail: "Revoked an access grant", on: db)
        }
        req.flash("Access revoked")
        return req.redirect(to: "/admin/grants")
    }

    private func page(_ req: Request, form: GrantForm, errors: FieldErrors) async throws -> Response {
        let principal = try req.requirePrincipal()
        let grants = try await AccessGrant.query(on: req.db).filter(\.$revokedAt == nil).filter(\.$expiresOn >= req.today)
            .with(\.$user).with(\.$child).with(\.$team).sort(\.$expiresOn).all()
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
                let id = grant.id?.uuidString ?? ""
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
                            postForm(action: "/admin/grants/\(id)/approve", csrfToken: context.csrfToken) {
                                el("button", .type("submit"), .class("govuk-button"), .aria("label", "Approve access of \(grant.user.username)")) { "Approve" }
                            }
                        }
                        postForm(action: "/admin/grants/\(id)/revoke", csrfToken: context.csrfToken) {
                            el("button", .type("submit"), .class("govuk-button govuk-button--warning"), .aria("label", "Revoke access of \(grant.user.username)")) { "Revoke" }
                        }
                    },
                ]
            })
            el("h2", .class("govuk-heading-m")) { "Give access" }
            postForm(action: "/admin/grants", csrfToken: context.csrfToken) {
                SelectField(id: "user", label: "User", options: [("", "Select a user")] + users.map { ($0.id?.uuidString ?? "", "\($0.username) (\($0.role.title))") },
                            selected: form.user, error: errors["user"]).node
                TextField(id: "la-child-id", label: "Child’s LA child ID", value: form.laChildID, hint: "For access to one child. Leave empty to give access to a team.", error: errors["la-child-id"], width: "10", spellcheck: false).node
                SelectField(id: "team", label: "Or a team", options: [("", "No team")] + teams.map { ($0.id?.uuidString ?? "", $0.name) }, selected: form.team, error: errors["team"]).node
                TextField(id: "reason", label: "Reason", value: form.reason, hint: "For example: covering for a colleague on leave", error: errors["reason"]).node
                DateField(id: "expires", legend: "Access ends after", value: form.expires, error: errors["expires"]).node
                button("Give access")
            }
        }
    }
}

struct GrantForm: Sendable {
    var user = ""
    var laChildID = ""
    var team = ""
    var reason = ""
    var expires = DateParts()

    init(expires: DateParts) { self.expires = expires }

    init(fields: FormInput) {
        user = fields["user"] ?? ""
        laChildID = (fields["la-child-id"] ?? "").trimmed
        team = fields["team"] ?? ""
        reason = (fields["reason"] ?? "").trimmed
        expires = DateParts(fields: fields, id: "expires")
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
