import Vapor

/// bcrypt, cost 12 in production (tests and the demo seeding use a lower cost to stay fast). Hashing
/// takes a quarter of a second by design, so it runs on a thread of its own: never on an event loop,
/// and never on the pool that runs database queries, so a burst of sign-ins (an attack, or everyone
/// arriving at nine) queues behind itself while every other page is served.
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

    static func hash(_ password: String, cost: Int = cost) async throws -> String {
        try await hashing.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Whether the password matches. With no account (`hash` nil) a hash of the same cost is checked
    /// all the same, so the time taken does not reveal which usernames exist.
    static func verify(_ password: String, _ hash: String?) async throws -> Bool {
        try await hashing.runIfActive {
            let matches = (try? Bcrypt.verify(password, created: hash ?? unknownAccountHash)) ?? false
            return hash != nil && matches
        }
    }

    /// One thread for the whole process, for as long as it runs.
    private static let hashing: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    /// A hash of a random password nobody knows, made once, at production cost.
    private static let unknownAccountHash: String = (try? Bcrypt.hash(Secrets.randomToken(), cost: cost)) ?? ""
}
