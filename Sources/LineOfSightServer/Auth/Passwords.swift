import Vapor

/// bcrypt, cost 12 in production; tests and the demo seeding use a lower cost to stay fast.
enum Passwords {
    static func hash(_ password: String, cost: Int = 12) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, _ hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    static let minimumLength = 12
}
