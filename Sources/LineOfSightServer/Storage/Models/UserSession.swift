import Fluent
import Foundation

/// A signed-in session. The cookie holds a random token; only its SHA-256 hash is stored, so a copy
/// of the database cannot be used to take over a session. The row is read with its user in one query.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date
    /// Written at most once a minute (`Sessions.lastSeenGranularity`), so a page view is not a write.
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, now: Date) {
        self.tokenHash = tokenHash
        $user.id = userID
        createdAt = now
        lastSeenAt = now
    }
}

