import Fluent
import Vapor

/// Username and password sign-in (M21), throttled per username in the database.
struct SignInController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("sign-in", use: form).access(.anyone)
        routes.post("sign-in", use: signIn).access(.anyone)
        routes.post("sign-out", use: signOut).access(.anyone)
    }

    func form(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: "/") }
        let query = try req.query.decode(SignInQuery.self)
        let notice: String? = query.timeout == "1"
            ? "You were signed out because you had not done anything for a while. Sign in again to carry on: anything you were saving has been kept."
            : query.signedOut == "1" ? "You have signed out" : nil
        return SignInPage.render(context: PageContext(req), username: "", next: query.next, notice: notice, error: nil)
    }

    func signIn(req: Request) async throws -> Response {
        let fields = req.formFields()
        let username = fields["username", default: ""].trimmed.lowercased()
        let password = fields["password", default: ""]
        let next = fields["next"]
        func refuse(_ message: String) -> Response {
            SignInPage.render(context: PageContext(req), username: username, next: next, notice: nil, error: message, status: .unauthorized)
        }
        guard !username.isEmpty, !password.isEmpty else { return refuse("Enter your username and password") }
        if try await LoginThrottle.isLocked(username, on: req.db) {
            return refuse("Too many failed attempts to sign in as \(username). Wait 15 minutes, then try again.")
        }
        guard let user = try await User.query(on: req.db).filter(\.$username == username).first(), user.active,
              Passwords.verify(password, user.passwordHash)
        else {
            try await LoginThrottle.record(username, succeeded: false, on: req.db)
            return refuse("Enter a correct username and password")
        }
        try await LoginThrottle.record(username, succeeded: true, on: req.db)
        try await SavedForms.discardExpired(on: req.db)
        try await req.signIn(user)
        try await Audit.record(.signIn, entity: "user", entityID: user.id, childID: nil, detail: "Signed in", by: nil, on: req.db)
        let userID = try user.requireID()
        if let lostForm = try await SavedForms.pendingPath(for: userID, on: req.db) {
            return req.redirect(to: lostForm)
        }
        return req.redirect(to: Self.safeRedirect(next))
    }

    func signOut(req: Request) async throws -> Response {
        if let principal = req.principal {
            try await Audit.record(.signOut, entity: "user", entityID: principal.userID, childID: nil, detail: "Signed out", by: principal, on: req.db)
        }
        req.session.destroy()
        return req.redirect(to: "/sign-in?signedOut=1")
    }

    /// Only local paths, so a crafted sign-in link cannot send someone to another site.
    static func safeRedirect(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}

struct SignInQuery: Content {
    var next: String?
    var timeout: String?
    var signedOut: String?
}

enum SignInPage {
    static func render(context: PageContext, username: String, next: String?, notice: String?, error: String?, status: HTTPStatus = .ok) -> Response {
        Layout.page(title: "Sign in", context: context, status: status, hasErrors: error != nil) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    if let error { errorSummary(message: error) }
                    if let notice {
                        el("div", .class("govuk-notification-banner"), .attribute("role", "region"), .aria("labelledby", "sign-in-notice-title")) {
                            el("div", .class("govuk-notification-banner__header")) {
                                el("h2", .class("govuk-notification-banner__title"), .id("sign-in-notice-title")) { "Important" }
                            }
                            el("div", .class("govuk-notification-banner__content")) { el("p", .class("govuk-notification-banner__heading")) { notice } }
                        }
                    }
                    heading("Sign in to LineOfSight")
                    postForm(action: "/sign-in", csrfToken: context.csrfToken) {
                        if let next { Node.void("input", [.type("hidden"), .name("next"), .value(next)]) }
                        TextField(id: "username", label: "Username", value: username, width: "20", autocomplete: "username", spellcheck: false).node
                        TextField(id: "password", label: "Password", type: "password", width: "20", autocomplete: "current-password").node
                        button("Sign in")
                    }
                    paragraph("If you have forgotten your password, ask your LineOfSight administrator to reset it.")
                }
            }
        }
    }
}
