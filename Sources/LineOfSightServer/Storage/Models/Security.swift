import Fluent
import Foundation

/// A sign-in attempt, kept in the database so throttling holds across several app instances.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "at") var at: Date
    /// Until the password is checked an attempt counts as failed, so parallel guesses count at once.
    @Field(key: "succeeded") var succeeded: Bool
    /// The client's address, for the per-address limit.
    @OptionalField(key: "address") var address: String?

    init() {}

    init(username: String, address: String?, at: Date, succeeded: Bool) {
        self.username = username
        self.address = address
        self.at = at
        self.succeeded = succeeded
    }
}

/// An API bearer token a user issued for themselves; only its SHA-256 hash is stored. It works only
/// under `/api/v1`, within its scope, until it expires or is revoked (by its owner or an administrator).
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Enum(key: "scope") var scope: TokenScope
    /// Tokens from before expiry existed have none and are refused.
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, scope: TokenScope, expiresAt: Date) {
        $user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.scope = scope
        self.expiresAt = expiresAt
    }
}

/// What an API token may do, chosen when it is issued.
enum TokenScope: String, CaseIterable, Codable, Sendable {
    case read
    case readWrite = "read_write"

    var title: String {
        switch self {
        case .read: "Read only"
        case .readWrite: "Read and change"
        }
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
