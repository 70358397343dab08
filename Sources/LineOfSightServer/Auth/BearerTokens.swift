import Crypto
import Fluent
import Foundation
import Vapor

/// API tokens: shown once when issued, stored only as a SHA-256 hash.
enum BearerTokens {
    static let prefix = "los_"

    static func issue(for userID: UUID, name: String, on db: any Database) async throws -> String {
        let token = prefix + CSRF.randomToken()
        try await APIToken(userID: userID, name: name, tokenHash: hash(token)).save(on: db)
        return token
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.principal == nil, let bearer = request.headers.bearerAuthorization else {
            return try await next.respond(to: request)
        }
        guard let token = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == BearerTokens.hash(bearer.token))
            .filter(\.$revokedAt == nil)
            .first(),
            let principal = try await PrincipalLoader.load(userID: token.$user.id, viaToken: true, on: request.db)
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""])
        }
        token.lastUsedAt = Date()
        try await token.save(on: request.db)
        request.auth.login(principal)
        return try await next.respond(to: request)
    }
}
