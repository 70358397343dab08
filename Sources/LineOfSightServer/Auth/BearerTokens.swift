import Fluent
import Foundation
import Vapor

/// API tokens: issued by a user for themselves, shown once, stored only as a SHA-256 hash, accepted
/// only under `/api/v1`, within their scope, until they expire or are revoked.
enum BearerTokens {
    static let prefix = "los_"
    static let lifetimes = [30, 90, 180]
    static let defaultLifetimeDays = 90

    static func issue(for userID: UUID, name: String, scope: TokenScope, lifetimeDays: Int, now: Date, on db: any Database) async throws -> (token: String, record: APIToken) {
        let token = prefix + Secrets.randomToken()
        let record = APIToken(userID: userID, name: name, tokenHash: Secrets.hash(token), scope: scope,
                              expiresAt: now.addingTimeInterval(TimeInterval(lifetimeDays) * 86_400))
        try await record.create(on: db)
        return (token, record)
    }

    /// What a token's row says of it.
    fileprivate struct Credential {
        let id: UUID
        let scope: TokenScope
        let expiresAt: Date?
        let revokedAt: Date?
        let lastUsedAt: Date?

        init(_ columns: Columns) throws {
            id = try columns.uuid("id")
            scope = try columns.code("scope", as: TokenScope.self)
            expiresAt = try columns.time(ifAny: "expires_at")
            revokedAt = try columns.time(ifAny: "revoked_at")
            lastUsedAt = try columns.time(ifAny: "last_used_at")
        }
    }

    fileprivate static func principal(for token: String, _ req: Request, now: Date) async throws -> Principal? {
        guard token.count <= 100,
              let (found, account) = try await PrincipalLoader.find(table: APIToken.schema,
                                                                    columns: ["id", "scope", "expires_at", "revoked_at", "last_used_at"],
                                                                    tokenHash: Secrets.hash(token), on: req.sql, credential: Credential.init),
              found.revokedAt == nil, let expiry = found.expiresAt, expiry > now
        else { return nil }
        if found.lastUsedAt.map({ now.timeIntervalSince($0) >= Sessions.lastSeenGranularity }) ?? true {
            try await APIToken.query(on: req.db).filter(\.$id == found.id).set(\.$lastUsedAt, to: now).update()
        }
        return account.principal(.token(id: found.id, scope: found.scope))
    }
}

/// Signs API requests in from `Authorization: Bearer …`. Tokens are for the API only: anywhere else
/// they are refused, so a stolen token cannot drive the HTML forms (which a CSRF check would not guard).
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else { return try await next.respond(to: request) }
        // `/metrics` checks its own token.
        guard request.isAPI || request.url.path == "/metrics" else {
            throw Abort(.unauthorized, reason: "API tokens can be used only with the API (addresses starting /api/v1/).")
        }
        guard request.isAPI else { return try await next.respond(to: request) }
        guard let principal = try await BearerTokens.principal(for: bearer.token, request, now: request.now) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""])
        }
        if case .token(_, .read) = principal.credential, CSRF.isStateChanging(request.method) {
            throw Abort(.forbidden, headers: ["WWW-Authenticate": "Bearer error=\"insufficient_scope\""], reason: "This token may only read. Issue a token that may change records.")
        }
        request.auth.login(principal)
        return try await next.respond(to: request)
    }
}
