import Fluent
import Vapor

enum UserPages {
    static func form(_ req: Request, form: UserForm, errors: FieldErrors) async throws -> Response {
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).sortedByName().all()
        let context = PageContext(req)
        return Layout.page(title: "Add a user", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty, backLink: .users) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading("Add a user")
                    postForm(action: .newUser, csrfToken: context.csrfToken) {
                        let values = form.values
                        TextField(UserForm.Field.username, in: values, errors: errors, label: "Username", width: "20", autocomplete: "off", spellcheck: false).node
                        TextField(UserForm.Field.displayName, in: values, errors: errors, label: "Name", width: "20").node
                        SelectField(UserForm.Field.role, in: values, errors: errors, label: "Role", options: [("", "Select a role")] + Role.allCases.map { ($0.rawValue, $0.title) }).node
                        SelectField(UserForm.Field.staff, in: values, errors: errors, label: "Staff record",
                                    options: [("", "None")] + staff.map { ($0.id?.text ?? "", "\($0.fullName), \($0.jobRole.title)") },
                                    hint: "Social workers, team managers and heads of service must be linked: it decides which children they see.").node
                        TextField(UserForm.Field.password, in: values, errors: errors, label: "Temporary password", hint: "At least \(Passwords.minimumLength) characters. Give it to the person securely.",
                                  type: "password", width: "20", autocomplete: "new-password").node
                        button("Create user")
                    }
                }
            }
        }
    }

    static func detail(context: PageContext, user: User, tokens: [APIToken], staff: [StaffMember], locked: Bool, isSelf: Bool, now: Date,
                       flash: String?, errors: FieldErrors = FieldErrors()) -> Response {
        return Layout.page(title: user.username, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty, backLink: .users) {
            errorSummary(errors)
            if let flash { successBanner(flash) }
            heading(user.displayName, caption: user.username)
            summaryList([
                SummaryRow("Role", user.role.title),
                SummaryRow("Staff record", user.staff?.fullName ?? "None"),
                SummaryRow("Status", user.active ? "Active" : "Deactivated"),
                SummaryRow("Sign-in", locked ? "Locked after too many failed attempts" : "Not locked"),
            ])
            if locked {
                postForm(action: .userUnlock(user.parameter), csrfToken: context.csrfToken) { button("Unlock sign-in", secondary: true) }
            }
            if !isSelf {
                postForm(action: .userActive(user.parameter), csrfToken: context.csrfToken) {
                    Node.void("input", [.type("hidden"), .name("active"), .value(user.active ? "no" : "yes")])
                    button(user.active ? "Deactivate user" : "Reactivate user", secondary: true)
                }
            }
            el("h2", .class("govuk-heading-m")) { "Role and staff record" }
            if isSelf {
                paragraph("You cannot change your own role or staff record. Ask another administrator.")
            } else {
                postForm(action: .userRole(user.parameter), csrfToken: context.csrfToken) {
                    let current = UserForm(accessOf: user).values
                    SelectField(UserForm.Field.role, in: current, errors: errors, label: "Role", options: Role.allCases.map { ($0.rawValue, $0.title) }).node
                    SelectField(UserForm.Field.staff, in: current, errors: errors, label: "Staff record",
                                options: [("", "None")] + staff.map { ($0.id?.text ?? "", "\($0.fullName), \($0.jobRole.title)") },
                                hint: "Social workers, team managers and heads of service must be linked.").node
                    button("Change role", secondary: true)
                }
            }
            el("h2", .class("govuk-heading-m")) { "Password" }
            postForm(action: .userPassword(user.parameter), csrfToken: context.csrfToken) {
                TextField(PasswordResetField.newPassword, in: FormValues(), errors: errors, label: "New temporary password",
                          hint: "At least \(Passwords.minimumLength) characters. Give it to the person securely. They will be signed out everywhere.",
                          type: "password", width: "20", autocomplete: "new-password").node
                button("Reset password", secondary: true)
            }
            el("h2", .class("govuk-heading-m")) { "API tokens" }
            paragraph("People issue their own tokens. You can revoke any of them.")
            if tokens.isEmpty {
                paragraph("\(user.username) has no API tokens.")
            } else {
                TokenPages.tokenTable(tokens, context: context, now: now) { .revokeUserToken(user: user.parameter, token: $0) }
            }
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "d MMMM yyyy 'at' HH:mm"
        return formatter.string(from: date)
    }
}
