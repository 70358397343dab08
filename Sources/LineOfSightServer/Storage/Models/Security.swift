import Fluent
import Foundation

/// A sign-in attempt, kept in the database so throttling holds across several app instances.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}

    init(username: String, at: Date, succeeded: Bool) {
        self.username = username
        self.at = at
        self.succeeded = succeeded
    }
}

/// An API bearer token issued by an administrator; only its SHA-256 hash is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String) {
        $user.id = userID
        self.name = name
        self.tokenHash = tokenHash
    }
}

/// A form submitted after the session timed out: kept server-side for the same user only, and offered
/// back when they sign in again within an hour.
final class SavedForm: Model, @unchecked Sendable {
    static let schema = "saved_forms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "path") var path: String
    @Field(key: "fields") var fields: String
    @Field(key: "saved_at") var savedAt: Date

    init() {}

    init(userID: UUID, path: String, fields: String, savedAt: Date) {
        $user.id = userID
        self.path = path
        self.fields = fields
        self.savedAt = savedAt
    }
}
