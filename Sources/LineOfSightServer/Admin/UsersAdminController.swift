import Fluent
import Vapor

/// Administrators manage sign-in accounts: create, deactivate or reactivate, change another person's
/// role, reset a password, unlock sign-in, and revoke API tokens. An administrator cannot change
/// their own role, and cannot issue a token for anyone: people issue their own (`AccountController`).
struct UsersAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.users, use: list).allow(.admin)
        routes.get(SiteURL.newUser, use: newForm).allow(.admin)
        routes.post(SiteURL.newUser, use: create).allow(.admin)
        routes.get(SiteURL.user(.key), use: show).allow(.admin)
        routes.post(SiteURL.revokeUserToken(user: .key, token: .key), use: revokeToken).allow(.admin)
        routes.post(SiteURL.userActive(.key), use: setActive).allow(.admin)
        routes.post(SiteURL.userRole(.key), use: changeRole).allow(.admin)
        routes.post(SiteURL.userPassword(.key), use: resetPassword).allow(.admin)
        routes.post(SiteURL.userUnlock(.key), use: unlock).allow(.admin)
    }

    func list(req: Request) async throws -> Response {
        let users = try await User.query(on: req.db).with(\.$staff).sort(\.$username).all()
        return Layout.page(title: "Users", context: PageContext(req)) {
            if let flash = req.takeFlash() { successBanner(flash) }
            heading("Users")
            el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.newUser)) { "Add a user" }
            table(caption: "\(users.count) users", captionVisible: false, columns: [
                .init(header: "Username"), .init(header: "Name"), .init(header: "Role"), .init(header: "Staff record"), .init(header: "Status"),
            ], rows: users.map { user in [
                link(user.username, .user(user.parameter)),
                .text(user.displayName),
                .text(user.role.title),
                .text(user.staff?.fullName ?? "None"),
                user.active ? tag("Active", .green) : tag("Deactivated", .grey),
            ] })
        }
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await UserPages.form(req, form: restored.map(UserForm.init) ?? UserForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = UserForm(req.form)
        let staff = try await StaffMember.query(on: req.db).all()
        let valid: UserForm.Valid
        switch form.validate(staff: staff) {
        case let .failure(errors): return try await UserPages.form(req, form: form, errors: errors)
        case let .success(checked): valid = checked
        }
        if try await User.query(on: req.db).filter(\.$username == valid.username).first() != nil {
            var errors = FieldErrors()
            errors.add(UserForm.Field.username, "A user called \(valid.username) already exists")
            return try await UserPages.form(req, form: form, errors: errors)
        }
        let role = valid.access.role
        let user = User(username: valid.username, displayName: valid.displayName, passwordHash: try await Passwords.hash(valid.password),
                        role: role, staffID: valid.access.staffID)
        try await req.db.transaction { db in
            try await user.create(on: db)
            try await req.audit(.create, entity: "user", entityID: user.id, childID: nil, detail: "Created user \(user.username) (\(role.rawValue))", on: db)
        }
        req.flash("User \(user.username) created")
        return req.redirect(to: .users)
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
        return req.redirect(to: .user(user.parameter))
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
                if !wanted { try await Self.endAccess(of: user, now: req.now, on: db) }
                try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "\(wanted ? "Reactivated" : "Deactivated") user \(user.username)", on: db)
            }
        }
        req.flash("\(user.username) \(wanted ? "reactivated" : "deactivated")")
        return req.redirect(to: .user(user.parameter))
    }

    func changeRole(req: Request) async throws -> Response {
        let user = try await findUser(req)
        // Otherwise an administrator could make themselves a reader of children.
        guard user.id != req.principal?.userID else {
            var errors = FieldErrors()
            errors.add(UserForm.Field.role, "You cannot change your own role or staff record: ask another administrator")
            return try await detailPage(req, user, flash: nil, errors: errors)
        }
        let valid: UserForm.Access
        switch UserForm(req.form).validateAccess(staff: try await StaffMember.query(on: req.db).all()) {
        case let .failure(errors): return try await detailPage(req, user, flash: nil, errors: errors)
        case let .success(checked): valid = checked
        }
        let role = valid.role
        let before = AccountSnapshot(user)
        user.role = role
        user.$staff.id = valid.staffID
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Changed the role or staff record of \(user.username)",
                                before: before, after: AccountSnapshot(user), on: db)
        }
        req.flash("\(user.username) is now a \(role.title.lowercased())")
        return req.redirect(to: .user(user.parameter))
    }

    /// A new temporary password; every session of that person ends (but the administrator's own, if
    /// they reset their own password).
    func resetPassword(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let password = req.form[PasswordResetField.newPassword.rawValue] ?? ""
        if let problem = Passwords.problem(with: password) {
            var errors = FieldErrors()
            errors.add(PasswordResetField.newPassword, problem)
            return try await detailPage(req, user, flash: nil, errors: errors)
        }
        user.passwordHash = try await Passwords.hash(password)
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Self.endAccess(of: user, except: req.principal?.sessionID, now: req.now, on: db)
            // The audit row says that it happened, never the password or its hash.
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Reset the password of \(user.username)", on: db)
        }
        req.flash("Password of \(user.username) reset. Give it to them securely.")
        return req.redirect(to: .user(user.parameter))
    }

    /// A reset password or a deactivated account may have been someone else's: every session ends
    /// and every API token is revoked, so nothing issued under the old password keeps working.
    private static func endAccess(of user: User, except session: UUID? = nil, now: Date, on db: any Database) async throws {
        try await Sessions.endAll(of: user.requireID(), except: session, on: db)
        try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
    }

    /// Lets a person locked out by failed sign-ins try again at once.
    func unlock(req: Request) async throws -> Response {
        let user = try await findUser(req)
        try await req.db.transaction { db in
            try await LoginThrottle.unlock(user.username, on: db, now: req.now)
            try await req.audit(.update, entity: "user", entityID: user.id, childID: nil, detail: "Unlocked sign-in for \(user.username)", on: db)
        }
        req.flash("\(user.username) can sign in again")
        return req.redirect(to: .user(user.parameter))
    }

    private func detailPage(_ req: Request, _ user: User, flash: String?, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).sortedByName().all()
        let locked = try await LoginThrottle.isLocked(user.username, on: req.db, now: req.now)
        return UserPages.detail(context: PageContext(req), user: user, tokens: tokens, staff: staff, locked: locked,
                                isSelf: user.id == req.principal?.userID, now: req.now, flash: flash, errors: errors)
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await User.query(on: req.db).filter(\.$id == id).with(\.$staff).first() else {
            throw Abort(.notFound)
        }
        return user
    }
}

/// A new sign-in account; its role and staff record are also the form for changing them.
struct UserForm: EntryForm {
    enum Field: String, FieldID {
        case username, displayName = "display-name", role, staff, password
    }

    var values: FormValues<Field>

    init(values: FormValues<Field> = FormValues()) {
        self.values = values
    }

    /// The form for changing a person's role and staff record, filled with the current ones.
    init(accessOf user: User) {
        values = FormValues()
        values[.role] = user.role.rawValue
        values[.staff] = user.$staff.id?.text ?? ""
    }

    struct Access {
        let role: Role
        let staffID: UUID?
    }

    struct Valid {
        let username: String
        let displayName: String
        let access: Access
        let password: String
    }

    func validate(staff: [StaffMember]) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let username = values[.username].trimmed.lowercased()
        if let problem = Self.usernameProblem(username) { check.fail(.username, problem) }
        let displayName = check.text(.displayName, name: "Name", required: "Enter the person’s name")
        let access = checkAccess(&check, staff: staff)
        let password = values[.password]
        if let problem = Passwords.problem(with: password) { check.fail(.password, problem) }
        return check.result {
            guard let displayName, let access else { return nil }
            return Valid(username: username, displayName: displayName, access: access, password: password)
        }
    }

    /// The one rule for usernames, for the browser and `lineofsight users create` alike.
    static func usernameProblem(_ username: String) -> String? {
        if username.isEmpty { return "Enter a username" }
        guard username.count <= 50, username.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else {
            return "Username must be 50 characters or fewer, using letters, numbers, full stops, hyphens and underscores"
        }
        return nil
    }

    /// The role, and the staff record that places the person in a team.
    func validateAccess(staff: [StaffMember]) -> Result<Access, FieldErrors> {
        var check = FormValidation(values)
        let access = checkAccess(&check, staff: staff)
        return check.result { access }
    }

    private func checkAccess(_ check: inout FormValidation<Field>, staff: [StaffMember]) -> Access? {
        let role = check.choice(.role, as: Role.self, message: "Select a role")
        let member = check.record(.staff, from: staff, id: \.id, required: nil, message: "Select a staff record from the list")
        if let role, [.socialWorker, .teamManager, .headOfService].contains(role), values[.staff].isEmpty {
            check.fail(.staff, "Select the staff record of this \(role.title.lowercased()): it decides which children they see")
        }
        return role.map { Access(role: $0, staffID: member?.id) }
    }
}

/// The administrator's password reset, on the user's page.
enum PasswordResetField: String, FieldID {
    case newPassword = "new-password"
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
