import Fluent
import Foundation

/// Limits password guessing per username. Attempts are rows in the database, so the limit holds
/// however many app instances share it.
enum LoginThrottle {
    static let maximumFailures = 5
    static let window: TimeInterval = 15 * 60

    static func isLocked(_ username: String, on db: any Database, now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let recent = try await LoginAttempt.query(on: db)
            .filter(\.$username == username.lowercased())
            .filter(\.$at >= since)
            .sort(\.$at, .descending)
            .limit(maximumFailures)
            .all()
        return recent.count == maximumFailures && recent.allSatisfy { !$0.succeeded }
    }

    static func record(_ username: String, succeeded: Bool, on db: any Database, now: Date = Date()) async throws {
        try await LoginAttempt(username: username.lowercased(), at: now, succeeded: succeeded).save(on: db)
    }
}
