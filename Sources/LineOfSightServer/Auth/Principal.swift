import Vapor

/// The signed-in person, as a value: who they are, their role and where they sit in the organisation,
/// and how this request proved it (a session in the browser, or an API token).
struct Principal: Sendable, Authenticatable {
    let userID: UUID
    let username: String
    let displayName: String
    let role: Role
    let staffID: UUID?
    let teamID: UUID?
    let credential: Credential

    enum Credential: Sendable, Equatable {
        case session(id: UUID)
        case token(id: UUID, scope: TokenScope)
    }

    var tokenID: UUID? {
        if case let .token(id, _) = credential { return id }
        return nil
    }

    var sessionID: UUID? {
        if case let .session(id) = credential { return id }
        return nil
    }
}

extension Request {
    var principal: Principal? { auth.get(Principal.self) }

    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }
}
