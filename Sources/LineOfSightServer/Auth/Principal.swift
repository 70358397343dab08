import Vapor

/// The signed-in person, as a value: who they are, their role and where they sit in the organisation.
struct Principal: Sendable, Authenticatable {
    let userID: UUID
    let username: String
    let displayName: String
    let role: Role
    let staffID: UUID?
    let teamID: UUID?
    /// How the request was authenticated: API bearer tokens carry no cookies, so need no CSRF token.
    let viaToken: Bool
}

extension Request {
    var principal: Principal? { auth.get(Principal.self) }

    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }
}
