import Fluent
import Foundation
import Vapor

/// Limits password guessing, per username and per client address. Attempts are rows in the database,
/// so the limits hold however many app instances share it. Each attempt is written as a failure
/// *before* its password is checked and the limit is counted after, so parallel guesses count at once:
/// at most `maximumFailures` passwords are ever checked for a username in a window.
///
/// A locked username unlocks by itself when the window has passed since its last failed attempts, or
/// when an administrator unlocks it (which records a successful attempt).
enum LoginThrottle {
    static let maximumFailures = 5
    /// Generous: a council's staff often share one outgoing address.
    static let maximumFailuresPerAddress = 100
    static let window: TimeInterval = 15 * 60

    enum Verdict: Equatable {
        case allowed
        case usernameLocked
        case addressLocked
    }

    /// Records the attempt (as failed until `succeeded` says otherwise) and decides whether to check it.
    static func begin(username: String, address: String?, on db: any Database, now: Date) async throws -> (attempt: LoginAttempt, verdict: Verdict) {
        let attempt = LoginAttempt(username: username, address: address, at: now, succeeded: false)
        try await attempt.create(on: db)
        var verdict = Verdict.allowed
        if try await failures(of: username, on: db, now: now) > maximumFailures {
            verdict = .usernameLocked
        } else if let address {
            let since = now.addingTimeInterval(-window)
            let fromAddress = try await LoginAttempt.query(on: db)
                .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at >= since).count()
            if fromAddress > maximumFailuresPerAddress { verdict = .addressLocked }
        }
        // A refused attempt checked no password, so it does not count: otherwise a slow trickle of
        // guesses would keep someone locked out for ever.
        if verdict != .allowed { try await attempt.delete(on: db) }
        return (attempt, verdict)
    }

    static func succeeded(_ attempt: LoginAttempt, on db: any Database) async throws {
        attempt.succeeded = true
        try await attempt.save(on: db)
    }

    /// An administrator's unlock: a successful attempt, after which earlier failures no longer count.
    static func unlock(_ username: String, on db: any Database, now: Date) async throws {
        try await LoginAttempt(username: username, address: nil, at: now, succeeded: true).create(on: db)
    }

    static func isLocked(_ username: String, on db: any Database, now: Date) async throws -> Bool {
        try await failures(of: username, on: db, now: now) >= maximumFailures
    }

    /// Failed attempts within the window since the last successful one.
    private static func failures(of username: String, on db: any Database, now: Date) async throws -> Int {
        let since = now.addingTimeInterval(-window)
        let lastSuccess = try await LoginAttempt.query(on: db)
            .filter(\.$username == username).filter(\.$succeeded == true).filter(\.$at >= since)
            .sort(\.$at, .descending).first()?.at
        return try await LoginAttempt.query(on: db)
            .filter(\.$username == username).filter(\.$succeeded == false).filter(\.$at >= max(since, lastSuccess ?? since))
            .count()
    }
}

extension Request {
    /// The client's address: the peer, or behind a reverse proxy (`LINEOFSIGHT_BEHIND_PROXY`) the
    /// address the proxy saw, which it appends last to X-Forwarded-For.
    var clientAddress: String? {
        if application.settings.behindProxy,
           let forwarded = headers[.xForwardedFor].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
           !forwarded.isEmpty {
            return String(forwarded.prefix(64))
        }
        return remoteAddress?.ipAddress
    }
}
