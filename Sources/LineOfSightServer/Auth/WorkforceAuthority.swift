import Foundation
import Vapor

/// Whose staff records and workforce figures a person answers for. A head of service answers for
/// the teams they head — the same rule that decides which children they see
/// (`ChildScope.responsibleTeams`); directors and administrators for the whole authority.
struct WorkforceAuthority: Sendable, Equatable {
    /// The teams answered for; nil for the whole authority.
    let teams: Set<UUID>?

    static let wholeAuthority = WorkforceAuthority(teams: nil)

    /// Whether a member of staff in `teamID` (nil: no team) is theirs to change. Someone with no
    /// team belongs to no service, so only those with the whole authority keep their record.
    func covers(teamID: UUID?) -> Bool {
        guard let teams else { return true }
        return teamID.map(teams.contains) ?? false
    }
}

extension Request {
    func workforceAuthority() async throws -> WorkforceAuthority {
        let principal = try requirePrincipal()
        guard principal.role == .headOfService else { return .wholeAuthority }
        return WorkforceAuthority(teams: try await ChildScope.responsibleTeams(of: principal, on: db))
    }
}
