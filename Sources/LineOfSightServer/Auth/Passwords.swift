import Vapor

/// bcrypt, cost 12 in production (tests and the demo seeding use a lower cost to stay fast). Hashing
/// takes a quarter of a second by design, so it runs on the thread pool, never on an event loop,
/// where it would stall every other request.
enum Passwords {
    static let minimumLength = 12
    /// bcrypt reads only the first 72 bytes; a longer limit would promise strength that is not there.
    static let maximumBytes = 72

    /// The one rule for a new password, for the browser and `lineofsight users create` alike.
    static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Password must be at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "Password must be \(maximumBytes) characters or fewer" }
        return nil
    }
    static let cost = 12

    static func hash(_ password: String, cost: Int = cost, on app: Application) async throws -> String {
        try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Whether the password matches. With no account (`hash` nil) a hash of the same cost is checked
    /// all the same, so the time taken does not reveal which usernames exist.
    static func verify(_ password: String, _ hash: String?, on app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive {
            let matches = (try? Bcrypt.verify(password, created: hash ?? unknownAccountHash)) ?? false
            return hash != nil && matches
        }
    }

    /// A hash of a random password nobody knows, made once, at production cost.
    private static let unknownAccountHash: String = (try? Bcrypt.hash(CSRF.randomToken(), cost: cost)) ?? ""
}
