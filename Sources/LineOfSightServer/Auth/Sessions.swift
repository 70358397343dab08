import Fluent
import Foundation
import SQLKit
import Vapor

/// Server-side sessions in `user_sessions`. The cookie carries a random token; the database holds
/// only its hash. One query per request loads the session with its user (the principal), and the
/// session is written back at most once a minute, so reading a page costs one indexed read.
enum Sessions {
    static let cookieName = "lineofsight-session"
    /// How stale "last seen" may get before it is written again; the idle timeout is this precise.
    static let lastSeenGranularity: TimeInterval = 60

    /// The session the request arrived with, once loaded.
    struct Current: Sendable {
        let id: UUID
        let token: String
    }

    /// Starts a new session for the user, replacing any the request came with, so an id planted
    /// before sign-in cannot be used afterwards (session fixation). Expired sessions of everyone are
    /// purged at the same time.
    static func start(for userID: UUID, _ req: Request) async throws {
        let now = req.now
        if let current = req.currentSession {
            try await UserSession.query(on: req.db).filter(\.$id == current.id).delete()
        }
        try await purgeExpired(idleTimeout: req.application.settings.sessionIdleTimeout, now: now, on: req.db)
        let token = Secrets.randomToken()
        let session = UserSession(tokenHash: Secrets.hash(token), userID: userID, now: now)
        try await session.create(on: req.db)
        req.currentSession = Current(id: try session.requireID(), token: token)
        req.setCookie(cookieName, to: token)
    }

    static func end(_ req: Request) async throws {
        if let current = req.currentSession {
            try await UserSession.query(on: req.db).filter(\.$id == current.id).delete()
        }
        req.currentSession = nil
        req.clearCookie(cookieName)
    }

    /// Ends every session of a user (a password reset, a deactivation), except the one named.
    static func endAll(of userID: UUID, except keep: UUID? = nil, on db: any Database) async throws {
        var query = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.delete()
    }

    static func purgeExpired(idleTimeout: TimeInterval, now: Date, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$lastSeenAt < now.addingTimeInterval(-idleTimeout)).delete()
        try await OnceOnly.purge(before: now.addingTimeInterval(-OnceOnly.kept), on: db.sql)
    }

    fileprivate enum Lookup {
        case active(Principal, Current)
        case idle(userID: UUID, Current)
        case none
    }

    fileprivate static func lookup(_ token: String, _ req: Request, now: Date) async throws -> Lookup {
        guard token.count <= 100,
              let (session, account) = try await PrincipalLoader.find(table: UserSession.schema, columns: ["id", "last_seen_at"],
                                                                      tokenHash: Secrets.hash(token), on: req.sql,
                                                                      credential: { (id: try $0.uuid("id"), lastSeenAt: try $0.time("last_seen_at")) })
        else { return .none }
        let current = Current(id: session.id, token: token)
        if now.timeIntervalSince(session.lastSeenAt) > req.application.settings.sessionIdleTimeout {
            return .idle(userID: account.userID, current)
        }
        guard let principal = account.principal(.session(id: session.id)) else {
            try await UserSession.query(on: req.db).filter(\.$id == session.id).delete()
            return .none
        }
        if now.timeIntervalSince(session.lastSeenAt) >= lastSeenGranularity {
            try await UserSession.query(on: req.db).filter(\.$id == session.id).set(\.$lastSeenAt, to: now).update()
        }
        return .active(principal, current)
    }
}

/// Signs the request in from its session cookie. A session idle for longer than the configured
/// timeout ends; a form posted into it is kept for its author (see `SavedForms`) so nothing typed is
/// lost, and they are sent to sign in again.
struct SessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.cookies[Sessions.cookieName]?.string, !token.isEmpty else {
            return try await next.respond(to: request)
        }
        let now = request.now
        switch try await Sessions.lookup(token, request, now: now) {
        case let .active(principal, current):
            request.currentSession = current
            request.auth.login(principal)
            return try await next.respond(to: request)
        case let .idle(userID, current):
            // The idle row stays until the next sign-in purges it, so a form posted from a second
            // tab is kept too; it never signs anyone in again. Pages open to anyone (the sign-in
            // page, its stylesheet) are served as to anyone.
            if request.url.path != SiteURL.signOut.path, request.route?.declaredAccess == .anyone {
                return try await next.respond(to: request)
            }
            request.currentSession = current
            return try await expire(request, userID: userID, now: now)
        case .none:
            request.clearCookie(Sessions.cookieName)
            return try await next.respond(to: request)
        }
    }

    private func expire(_ request: Request, userID: UUID, now: Date) async throws -> Response {
        let path = request.url.path
        if path == "/sign-out" {
            try await Sessions.end(request)
            return request.redirect(to: SiteURL.signIn.path(query: [("signedOut", "1")]))
        }
        if CSRF.isStateChanging(request.method), CSRF.isValid(request) {
            try await SavedForms.save(request, userID: userID, path: path, now: now)
        }
        request.currentSession = nil
        let next = request.method == .GET ? request.url.string : path
        return request.redirect(to: SiteURL.signIn.path(query: [("timeout", "1"), ("next", next)]))
    }
}

extension Request {
    private struct CurrentSessionKey: StorageKey { typealias Value = Sessions.Current }

    var currentSession: Sessions.Current? {
        get { storage[CurrentSessionKey.self] }
        set { storage[CurrentSessionKey.self] = newValue }
    }
}
