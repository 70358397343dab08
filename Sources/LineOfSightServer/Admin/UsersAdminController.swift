import Fluent
import Vapor

/// Administrators manage sign-in accounts: create, deactivate or reactivate, and issue or revoke
/// API tokens (M21).
struct UsersAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "users", use: list).allow(.admin)
        routes.get("admin", "users", "new", use: newForm).allow(.admin)
        routes.post("admin", "users", "new", use: create).allow(.admin)
        routes.get("admin", "users", ":userID", use: show).allow(.admin)
        routes.post("admin", "users", ":userID", "tokens", use: issueToken).allow(.admin)
        routes.post("admin", "users", ":userID", "tokens", ":tokenID", "revoke", use: revokeToken).allow(.admin)
        routes.post("admin", "users", ":userID", "active", use: toggleActive).allow(.admin)
        routes.post("admin", "users", ":userID", "role", use: changeRole).allow(.admin)
        routes.post("admin", "users", ":userID", "password", use: resetPassword).allow(.admin)
    }

    func list(req: Request) async throws -> Response {
        let users = try await User.query(on: req.db).with(\.$staff).sort(\.$username).all()
        return Layout.page(title: "Users", context: PageContext(req)) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Users")
            el("a", .class("govuk-button govuk-button--secondary"), .href("/admin/users/new")) { "Add a user" }
            table(caption: "\(users.count) users", captionVisible: false, columns: [
                .init(header: "Username"), .init(header: "Name"), .init(header: "Role"), .init(header: "Staff record"), .init(header: "Status"),
            ], rows: users.map { user in [
                link(user.username, "/admin/users/\(user.id?.uuidString ?? "")"),
                .text(user.displayName),
                .text(user.role.title),
                .text(user.staff?.fullName ?? "None"),
                user.active ? tag("Active", .green) : tag("Deactivated", .grey),
            ] })
        }
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await UserPages.form(req, form: restored.map(UserForm.init(fields:)) ?? UserForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = UserForm(fields: req.formFields())
        let staff = try await StaffMember.query(on: req.db).all()
        var errors = form.validate(staff: staff)
        if errors.isEmpty, try await User.query(on: req.db).filter(\.$username == form.username).first() != nil {
            errors.add("username", "A user called \(form.username) already exists")
        }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else { return try await UserPages.form(req, form: form, errors: errors) }
        let user = User(username: form.username, displayName: form.displayName, passwordHash: try Passwords.hash(form.password),
                        role: role, staffID: UUID(uuidString: form.staffID))
        try await req.db.transaction { db in
            try await user.create(on: db)
            try await req.audit(.create, entity: "user", entityID: user.id, childID: nil, detail: "Created user \(user.username) (\(role.rawValue))", on: db)
        }
        req.flash("User \(user.username) created")
        return req.redirect(to: "/admin/users")
    }

    func show(req: Request) async throws -> Response {
        let user = try await findUser(req)
        return try await detailPage(req, user, flash: req.takeFlash(), newToken: nil)
    }

    func issueToken(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let name = req.formFields()["token-name", default: ""].trimmed
        guard !name.isEmpty, name.count <= 100 else {
            var errors = FieldErrors()
            errors.add("token-name", "Enter a name for the token, such as the system that will use it (100 characters or fewer)")
            return try await detailPage(req, user, flash: nil, newToken: nil, errors: errors)
        }
        let token = try await BearerTokens.issue(for: user.requireID(), name: name, on: req.db)
        try await req.audit(.create, entity: "api_token", entityID: user.id, childID: nil, detail: "Issued API token “\(name)” to \(user.username)")
        return try await detailPage(req, user, flash: nil, newToken: token)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try await findUser(req)
        guard let tokenID = req.parameters.get("tokenID", as: UUID.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == tokenID).filter(\.$user.$id == user.requireID()).first()
        else { throw Abort(.notFound) }
        token.revokedAt = Date()
        try await req.db.transaction { db in
            try await token.save(on: db)
            try await req.audit(.update, entity: "api_token", entityID: token.id, childID: nil, detail: "Revoked API token “\(token.name)” of \(user.username)", on: db)
        }
        req.flash("Token “\(token.name)” revoked")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    func toggleActive(req: Request) async throws -> Response {
        let user = try await findUser(req)
        guard user.id != req.principal?.userID else { throw Abort(.badRequest, reason: "You cannot deactivate your own account.") }
        user.active.toggle()
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "\(user.active ? "Reactivated" : "Deactivated") user \(user.username)", on: db)
        }
        req.flash("\(user.username) \(user.active ? "reactivated" : "deactivated")")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    func changeRole(req: Request) async throws -> Response {
        let user = try await findUser(req)
        var form = UserForm(fields: req.formFields())
        form.username = user.username
        let errors = form.validateAccess(staff: try await StaffMember.query(on: req.db).all())
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return try await detailPage(req, user, flash: nil, newToken: nil, errors: errors)
        }
        let before = AccountSnapshot(user)
        user.role = role
        user.$staff.id = UUID(uuidString: form.staffID)
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Changed the role or staff record of \(user.username)",
                                before: before, after: AccountSnapshot(user), on: db)
        }
        req.flash("\(user.username) is now a \(role.title.lowercased())")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    func resetPassword(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let password = req.formFields()["new-password", default: ""]
        guard password.count >= Passwords.minimumLength else {
            var errors = FieldErrors()
            errors.add("new-password", "Password must be at least \(Passwords.minimumLength) characters")
            return try await detailPage(req, user, flash: nil, newToken: nil, errors: errors)
        }
        user.passwordHash = try Passwords.hash(password)
        try await req.db.transaction { db in
            try await user.save(on: db)
            // The audit row says that it happened, never the password or its hash.
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Reset the password of \(user.username)", on: db)
        }
        req.flash("Password of \(user.username) reset. Give it to them securely.")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    private func detailPage(_ req: Request, _ user: User, flash: String?, newToken: String?, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).sort(\.$lastName).all()
        return UserPages.detail(context: PageContext(req), user: user, tokens: tokens, staff: staff, flash: flash, newToken: newToken, errors: errors)
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await User.query(on: req.db).filter(\.$id == id).with(\.$staff).first() else {
            throw Abort(.notFound)
        }
        return user
    }
}

struct UserForm: Sendable {
    var username = ""
    var displayName = ""
    var role = ""
    var staffID = ""
    var password = ""

    init() {}

    init(fields: [String: String]) {
        username = fields["username", default: ""].trimmed.lowercased()
        displayName = fields["display-name", default: ""].trimmed
        role = fields["role", default: ""]
        staffID = fields["staff", default: ""]
        password = fields["password", default: ""]
    }

    func validate(staff: [StaffMember]) -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Self.usernameProblem(username) { errors.add("username", problem) }
        if displayName.isEmpty { errors.add("display-name", "Enter the person’s name") }
        for entry in validateAccess(staff: staff).entries { errors.add(entry.field, entry.message) }
        if password.count < Passwords.minimumLength { errors.add("password", "Password must be at least \(Passwords.minimumLength) characters") }
        return errors
    }

    /// The one rule for usernames, for the browser and `lineofsight users create` alike.
    static func usernameProblem(_ username: String) -> String? {
        if username.isEmpty { return "Enter a username" }
        guard username.count <= 50, username.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else {
            return "Username must be 50 characters or fewer, using letters, numbers, full stops, hyphens and underscores"
        }
        return nil
    }

    /// The role and the staff record that places the person in a team.
    func validateAccess(staff: [StaffMember]) -> FieldErrors {
        var errors = FieldErrors()
        let role = Role(rawValue: role)
        if role == nil { errors.add("role", "Select a role") }
        if !staffID.isEmpty, !staff.contains(where: { $0.id?.uuidString == staffID }) { errors.add("staff", "Select a staff record from the list") }
        if let role, [.socialWorker, .teamManager, .headOfService].contains(role), staffID.isEmpty {
            errors.add("staff", "Select the staff record of this \(role.title.lowercased()): it decides which children they see")
        }
        return errors
    }
}

/// A user's access as recorded in the audit trail (never the password hash).
struct AccountSnapshot: Codable, Sendable {
    let role: String
    let staffID: UUID?
    let active: Bool

    init(_ user: User) {
        role = user.role.rawValue
        staffID = user.$staff.id
        active = user.active
    }
}
