import Fluent
import Vapor

/// Administrators manage sign-in accounts: create, deactivate or reactivate, change another person's
/// role, reset a password, unlock sign-in, and revoke API tokens (M21). An administrator cannot change
/// their own role, and cannot issue a token for anyone: people issue their own (`AccountController`).
struct UsersAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", "users", use: list).allow(.admin)
        routes.get("admin", "users", "new", use: newForm).allow(.admin)
        routes.post("admin", "users", "new", use: create).allow(.admin)
        routes.get("admin", "users", ":userID", use: show).allow(.admin)
        routes.post("admin", "users", ":userID", "tokens", ":tokenID", "revoke", use: revokeToken).allow(.admin)
        routes.post("admin", "users", ":userID", "active", use: setActive).allow(.admin)
        routes.post("admin", "users", ":userID", "role", use: changeRole).allow(.admin)
        routes.post("admin", "users", ":userID", "password", use: resetPassword).allow(.admin)
        routes.post("admin", "users", ":userID", "unlock", use: unlock).allow(.admin)
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
        let form = UserForm(fields: req.form)
        let staff = try await StaffMember.query(on: req.db).all()
        var errors = form.validate(staff: staff)
        if errors.isEmpty, try await User.query(on: req.db).filter(\.$username == form.username).first() != nil {
            errors.add("username", "A user called \(form.username) already exists")
        }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else { return try await UserPages.form(req, form: form, errors: errors) }
        let user = User(username: form.username, displayName: form.displayName, passwordHash: try await Passwords.hash(form.password, on: req.application),
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
        return try await detailPage(req, user, flash: req.takeFlash())
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try await findUser(req)
        guard let tokenID = req.parameters.get("tokenID", as: UUID.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == tokenID).filter(\.$user.$id == user.requireID()).first()
        else { throw Abort(.notFound) }
        try await TokenPages.revoke(token, by: req)
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    /// Sets the account active or not, as the form asked (never a toggle, so a second click changes
    /// nothing). Deactivating ends the person's sessions at once.
    func setActive(req: Request) async throws -> Response {
        let user = try await findUser(req)
        guard let wanted = ["yes": true, "no": false][req.form["active"] ?? ""] else { throw Abort(.badRequest, reason: "Choose whether the account is active.") }
        guard user.id != req.principal?.userID else { throw Abort(.badRequest, reason: "You cannot deactivate your own account.") }
        if user.active != wanted {
            user.active = wanted
            try await req.db.transaction { db in
                try await user.save(on: db)
                if !wanted { try await Sessions.endAll(of: user.requireID(), on: db) }
                try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "\(wanted ? "Reactivated" : "Deactivated") user \(user.username)", on: db)
            }
        }
        req.flash("\(user.username) \(wanted ? "reactivated" : "deactivated")")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    func changeRole(req: Request) async throws -> Response {
        let user = try await findUser(req)
        var form = UserForm(fields: req.form)
        form.username = user.username
        var errors = form.validateAccess(staff: try await StaffMember.query(on: req.db).all())
        // Otherwise an administrator could make themselves a reader of children.
        if user.id == req.principal?.userID { errors.add("role", "You cannot change your own role or staff record: ask another administrator") }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return try await detailPage(req, user, flash: nil, errors: errors)
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

    /// A new temporary password; every session of that person ends (but the administrator's own, if
    /// they reset their own password).
    func resetPassword(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let password = req.form["new-password"] ?? ""
        if let problem = Passwords.problem(with: password) {
            var errors = FieldErrors()
            errors.add("new-password", problem)
            return try await detailPage(req, user, flash: nil, errors: errors)
        }
        user.passwordHash = try await Passwords.hash(password, on: req.application)
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Sessions.endAll(of: user.requireID(), except: req.principal?.sessionID, on: db)
            // The audit row says that it happened, never the password or its hash.
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Reset the password of \(user.username)", on: db)
        }
        req.flash("Password of \(user.username) reset. Give it to them securely.")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    /// Lets a person locked out by failed sign-ins try again at once.
    func unlock(req: Request) async throws -> Response {
        let user = try await findUser(req)
        try await req.db.transaction { db in
            try await LoginThrottle.unlock(user.username, on: db)
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Unlocked sign-in for \(user.username)", on: db)
        }
        req.flash("\(user.username) can sign in again")
        return req.redirect(to: "/admin/users/\(try user.requireID())")
    }

    private func detailPage(_ req: Request, _ user: User, flash: String?, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).sort(\.$lastName).all()
        let locked = try await LoginThrottle.isLocked(user.username, on: req.db)
        return UserPages.detail(context: PageContext(req), user: user, tokens: tokens, staff: staff, locked: locked,
                                isSelf: user.id == req.principal?.userID, flash: flash, errors: errors)
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

    init(fields: FormInput) {
        username = (fields["username"] ?? "").trimmed.lowercased()
        displayName = (fields["display-name"] ?? "").trimmed
        role = fields["role"] ?? ""
        staffID = fields["staff"] ?? ""
        password = fields["password"] ?? ""
    }

    func validate(staff: [StaffMember]) -> FieldErrors {
        var errors = FieldErrors()
        if let problem = Self.usernameProblem(username) { errors.add("username", problem) }
        if displayName.isEmpty { errors.add("display-name", "Enter the person’s name") }
        else if displayName.count > 100 { errors.add("display-name", "Name must be 100 characters or fewer") }
        for entry in validateAccess(staff: staff).entries { errors.add(entry.field, entry.message) }
        if let problem = Passwords.problem(with: password) { errors.add("password", problem) }
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
