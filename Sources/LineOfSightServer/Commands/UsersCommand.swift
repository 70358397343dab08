import ConsoleKit
import Fluent
import Foundation
import Vapor

/// `lineofsight users create --role admin --username ada --name "Ada Lovelace"`: how a real deployment
/// makes its first administrator. The password is read from LINEOFSIGHT_NEW_PASSWORD or asked for.
struct UsersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "role", help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        var role: String?
        @Option(name: "username", help: "The sign-in name")
        var username: String?
        @Option(name: "name", help: "The person's name as shown in the service")
        var name: String?
    }

    var help: String { "Manages sign-in accounts: users create --role ROLE --username NAME --name \"Full Name\"" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw UsageError("Unknown action \(signature.action): use create") }
        guard let roleText = signature.role, let role = Role(rawValue: roleText) else {
            throw UsageError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let username = signature.username?.trimmed.lowercased() ?? ""
        if let problem = UserForm.usernameProblem(username) { throw UsageError("--username: \(problem)") }
        let name = signature.name?.trimmed ?? username
        let password = ProcessInfo.processInfo.environment["LINEOFSIGHT_NEW_PASSWORD"] ?? context.console.ask("Password for \(username)", isSecure: true)
        if let problem = Passwords.problem(with: password) { throw UsageError(problem) }
        let db = context.application.db
        if try await User.query(on: db).filter(\.$username == username).first() != nil {
            throw UsageError("A user called \(username) already exists")
        }
        let user = User(username: username, displayName: name, passwordHash: try await Passwords.hash(password), role: role, staffID: nil)
        try await user.create(on: db)
        try await Audit.record(.create, entity: "user", entityID: user.id, childID: nil, detail: "Created user \(username) (\(role.rawValue)) from the command line", by: Audit.Actor(nil), at: context.application.clock.now, on: db)
        context.console.print("Created \(role.title.lowercased()) \(username).")
    }
}

