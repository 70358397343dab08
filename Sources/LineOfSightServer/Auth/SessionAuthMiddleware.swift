import Fluent
import Vapor

/// Signs the request in from its session, and ends sessions idle for longer than the configured
/// timeout. A form posted into an expired session is kept for its author (see `SavedForms`) so
/// nothing typed is lost.
struct SessionAuthMiddleware: AsyncMiddleware {
    static let userKey = "user"
    static let lastSeenKey = "last_seen"

    let idleTimeout: TimeInterval

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.hasSession, let userValue = request.session.data[Self.userKey], let userID = UUID(uuidString: userValue) else {
            return try await next.respond(to: request)
        }
        let now = Date()
        let lastSeen = request.session.data[Self.lastSeenKey].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? .distantPast
        if now.timeIntervalSince(lastSeen) > idleTimeout {
            return try await expire(request, userID: userID, now: now)
        }
        guard let principal = try await PrincipalLoader.load(userID: userID, viaToken: false, on: request.db) else {
            request.session.destroy()
            return try await next.respond(to: request)
        }
        request.auth.login(principal)
        request.session.data[Self.lastSeenKey] = String(now.timeIntervalSince1970)
        return try await next.respond(to: request)
    }

    private func expire(_ request: Request, userID: UUID, now: Date) async throws -> Response {
        let path = request.url.path
        if CSRF.isStateChanging(request.method), CSRF.isValid(request), path != "/sign-out" {
            try await SavedForms.save(request, userID: userID, path: path, now: now)
        }
        request.session.destroy()
        let next = request.method == .GET ? request.url.string : path
        return request.redirect(to: "/sign-in?timeout=1&next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
    }
}

extension Request {
    /// Starts a new session for the user. The old session's id is dropped (and its record deleted) so
    /// an id planted before sign-in cannot be used afterwards (session fixation).
    func signIn(_ user: User) async throws {
        if let oldID = session.id {
            try await application.sessions.driver.deleteSession(oldID, for: self).get()
            session.id = nil
        }
        session.data = SessionData()
        session.data[SessionAuthMiddleware.userKey] = try user.requireID().uuidString
        session.data[SessionAuthMiddleware.lastSeenKey] = String(Date().timeIntervalSince1970)
        // A fresh CSRF token for the new privilege level.
        session.data[CSRF.sessionKey] = CSRF.randomToken()
    }
}
