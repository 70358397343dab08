import Fluent
import Vapor

enum UserPages {
    static func form(_ req: Request, form: UserForm, errors: FieldErrors) async throws -> Response {
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).sort(\.$lastName).all()
        let context = PageContext(req)
        return Layout.page(title: "Add a user", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty, backLink: "/admin/users") {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading("Add a user")
                    postForm(action: "/admin/users/new", csrfToken: context.csrfToken) {
                        TextField(id: "username", label: "Username", value: form.username, error: errors["username"], width: "20", autocomplete: "off", spellcheck: false).node
                        TextField(id: "display-name", label: "Name", value: form.displayName, error: errors["display-name"], width: "20").node
                        SelectField(id: "role", label: "Role", options: [("", "Select a role")] + Role.allCases.map { ($0.rawValue, $0.title) }, selected: form.role, error: errors["role"]).node
                        SelectField(id: "staff", label: "Staff record", options: [("", "None")] + staff.map { ($0.id?.uuidString ?? "", "\($0.fullName), \($0.jobRole.title)") },
                                    selected: form.staffID, hint: "Social workers, team managers and heads of service must be linked: it decides which children they see.", error: errors["staff"]).node
                        TextField(id: "password", label: "Temporary password", hint: "At least \(Passwords.minimumLength) characters. Give it to the person securely.", error: errors["password"], type: "password", width: "20", autocomplete: "new-password").node
                        button("Create user")
                    }
                }
            }
        }
    }

    static func detail(context: PageContext, user: User, tokens: [APIToken], staff: [StaffMember], flash: String?, newToken: String?, errors: FieldErrors = FieldErrors()) -> Response {
        let id = user.id?.uuidString ?? ""
        return Layout.page(title: user.username, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty, backLink: "/admin/users") {
            errorSummary(errors)
            if let flash { successBanner(flash) }
            if let newToken {
                el("div", .class("govuk-notification-banner govuk-notification-banner--success"), .attribute("role", "alert"), .aria("labelledby", "token-title")) {
                    el("div", .class("govuk-notification-banner__header")) { el("h2", .class("govuk-notification-banner__title"), .id("token-title")) { "Token issued" } }
                    el("div", .class("govuk-notification-banner__content")) {
                        paragraph("Copy this token now. It will not be shown again:")
                        el("p", .class("govuk-body govuk-!-font-weight-bold"), .id("new-token")) { newToken }
                    }
                }
            }
            heading(user.displayName, caption: user.username)
            summaryList([
                SummaryRow("Role", user.role.title),
                SummaryRow("Staff record", user.staff?.fullName ?? "None"),
                SummaryRow("Status", user.active ? "Active" : "Deactivated"),
            ])
            postForm(action: "/admin/users/\(id)/active", csrfToken: context.csrfToken) {
                button(user.active ? "Deactivate user" : "Reactivate user", secondary: true)
            }
            el("h2", .class("govuk-heading-m")) { "Role and staff record" }
            postForm(action: "/admin/users/\(id)/role", csrfToken: context.csrfToken) {
                SelectField(id: "role", label: "Role", options: Role.allCases.map { ($0.rawValue, $0.title) }, selected: user.role.rawValue, error: errors["role"]).node
                SelectField(id: "staff", label: "Staff record", options: [("", "None")] + staff.map { ($0.id?.uuidString ?? "", "\($0.fullName), \($0.jobRole.title)") },
                            selected: user.$staff.id?.uuidString ?? "", hint: "Social workers, team managers and heads of service must be linked.", error: errors["staff"]).node
                button("Change role", secondary: true)
            }
            el("h2", .class("govuk-heading-m")) { "Password" }
            postForm(action: "/admin/users/\(id)/password", csrfToken: context.csrfToken) {
                TextField(id: "new-password", label: "New temporary password", hint: "At least \(Passwords.minimumLength) characters. Give it to the person securely.",
                          error: errors["new-password"], type: "password", width: "20", autocomplete: "new-password").node
                button("Reset password", secondary: true)
            }
            el("h2", .class("govuk-heading-m")) { "API tokens" }
            if !tokens.isEmpty {
                table(caption: "API tokens", captionVisible: false, columns: [.init(header: "Name"), .init(header: "Issued"), .init(header: "Last used"), .init(header: "Status")],
                      rows: tokens.map { token in [
                          .text(token.name),
                          .text(token.createdAt.map(timestamp) ?? ""),
                          .text(token.lastUsedAt.map(timestamp) ?? "Never"),
                          token.revokedAt == nil
                              ? postForm(action: "/admin/users/\(id)/tokens/\(token.id?.uuidString ?? "")/revoke", csrfToken: context.csrfToken) {
                                  el("button", .type("submit"), .class("govuk-button govuk-button--warning"), .aria("label", "Revoke token \(token.name)")) { "Revoke" }
                              }
                              : tag("Revoked", .grey),
                      ] })
            }
            postForm(action: "/admin/users/\(id)/tokens", csrfToken: context.csrfToken) {
                TextField(id: "token-name", label: "Name of the new token", hint: "The system or script that will use it", error: errors["token-name"], width: "20").node
                button("Issue API token", secondary: true)
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
