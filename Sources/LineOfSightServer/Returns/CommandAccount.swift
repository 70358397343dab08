import Fluent
import Foundation

/// The account a command's changes are attributed to, as the demo's history is to its own: the
/// events an import records name it as their recorder, and the audit trail names it. It cannot
/// sign in (inactive, with the hash of a password nobody knows).
enum CommandAccount {
    static let importUsername = "import.command"

    /// The import command's account, made the first time it is needed.
    static func importer(on db: any Database) async throws -> User {
        if let user = try await User.query(on: db).filter(\.$username == importUsername).first() { return user }
        let user = User(username: importUsername, displayName: "The import command", passwordHash: try await Passwords.hash(Secrets.randomToken()),
                        role: .analyst, staffID: nil, active: false)
        try await user.create(on: db)
        return user
    }
}
