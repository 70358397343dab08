import Fluent
import Vapor

/// Username and password sign-in, throttled per username and per address in the database.
struct SignInController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.signIn, use: form).access(.anyone)
        routes.post(SiteURL.signIn, use: signIn).access(.anyone)
        routes.post(SiteURL.signOut, use: signOut).access(.anyone)
    }

    func form(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: .home) }
        let query = req.queryParameters
        let notice: String? = query["timeout"] == "1"
            ? "You were signed out because you had not done anything for a while. Sign in again to carry on: anything you were saving has been kept."
            : query["signedOut"] == "1" ? "You have signed out" : nil
        return SignInPage.render(context: PageContext(req), username: "", next: query["next"].map(Self.safeRedirect), notice: notice, error: nil)
    }

    func signIn(req: Request) async throws -> Response {
        let username = String((req.form["username"] ?? "").trimmed.lowercased().prefix(100))
        let password = req.form["password"] ?? ""
        let next = req.form["next"].map(Self.safeRedirect)
        func refuse(_ message: String) -> Response {
            SignInPage.render(context: PageContext(req), username: username, next: next, notice: nil, error: message, status: .unauthorized)
        }
        guard !username.isEmpty, !password.isEmpty else { return refuse("Enter your username and password") }
        let (attempt, verdict) = try await LoginThrottle.begin(username: username, address: req.clientAddress, on: req.db, now: req.now)
        switch verdict {
        case .usernameLocked:
            return refuse("Too many failed attempts to sign in as \(username). Wait 15 minutes, or ask your LineOfSight administrator to unlock the account.")
        case .addressLocked:
            return refuse("Too many failed attempts to sign in from your network. Wait 15 minutes, then try again.")
        case .allowed:
            break
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        guard try await Passwords.verify(password, user?.passwordHash), let user, user.active else {
            return refuse("Enter a correct username and password")
        }
        try await LoginThrottle.succeeded(attempt, on: req.db)
        try await SavedForms.discardExpired(on: req.db, now: req.now)
        try await Sessions.start(for: user.requireID(), req)
        try await Audit.record(.signIn, entity: "user", entityID: user.id, childID: nil, detail: "Signed in", by: Audit.Actor(user: user), at: req.now, on: req.db)
        if let lostForm = try await SavedForms.pendingPath(for: user.requireID(), on: req.db, now: req.now) {
            return req.redirect(to: lostForm)
        }
        return req.redirect(to: next ?? SiteURL.home.path)
    }

    func signOut(req: Request) async throws -> Response {
        if let principal = req.principal {
            try await Audit.record(.signOut, entity: "user", entityID: principal.userID, childID: nil, detail: "Signed out", by: Audit.Actor(principal), at: req.now, on: req.db)
        }
        try await Sessions.end(req)
        return req.redirect(to: SiteURL.signIn.path(query: [("signedOut", "1")]))
    }

    /// Only a path on this site, so a crafted sign-in link cannot send someone elsewhere: one leading
    /// slash, then only the characters a URL may carry unescaped (no spaces or control characters,
    /// which browsers strip, and no backslashes, which they read as slashes).
    static func safeRedirect(_ next: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%".unicodeScalars)
        guard next.hasPrefix("/"), !next.hasPrefix("//"), next.utf8.count <= 2_000, next.unicodeScalars.allSatisfy(allowed.contains) else { return "/" }
        return next
    }
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
                    postForm(action: .signIn, csrfToken: context.csrfToken) {
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
