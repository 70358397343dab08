import Fluent
import Vapor

/// Turns a user row into the `Principal` the rest of the app works with.
enum PrincipalLoader {
    static func load(userID: UUID, viaToken: Bool, on db: any Database) async throws -> Principal? {
        guard let user = try await User.query(on: db).filter(\.$id == userID).with(\.$staff).first(), user.active else { return nil }
        return Principal(
            userID: try user.requireID(),
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            staffID: user.$staff.id,
            teamID: user.staff?.$team.id,
            viaToken: viaToken
        )
    }
}
