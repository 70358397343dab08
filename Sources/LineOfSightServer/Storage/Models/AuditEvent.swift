import Fluent
import Foundation

/// One row of the append-only audit trail. The application only ever inserts these; database
/// triggers refuse UPDATE and DELETE (see `CreateAuditEvents`).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    /// The API token the request was made with, if any: a token can be stolen, so its use is told apart.
    @OptionalField(key: "token_id") var tokenID: UUID?
    @Enum(key: "action") var action: AuditAction
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "child_id") var childID: UUID?
    @Field(key: "detail") var detail: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// The children a list or search showed (`ChildSet`).
    @OptionalField(key: "child_set") var childSet: UUID?

    init() {}

    init(id: UUID? = nil, at: Date, userID: UUID?, username: String, tokenID: UUID?, action: AuditAction, entity: String, entityID: String?, childID: UUID?,
         detail: String, before: String? = nil, after: String? = nil) {
        self.id = id
        self.at = at
        self.userID = userID
        self.username = username
        self.tokenID = tokenID
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.childID = childID
        self.detail = detail
        self.before = before
        self.after = after
    }
}

enum AuditAction: String, Codable, Sendable, CaseIterable {
    case read, list, create, update, search, signIn = "sign_in", signOut = "sign_out", refused

    /// Whether the row records someone seeing a record rather than changing it.
    var isRead: Bool { self == .read || self == .list || self == .search }

    /// How the access history names the action.
    var title: String {
        switch self {
        case .read: "Read"
        case .list: "Listed"
        case .create: "Created"
        case .update: "Changed"
        case .search: "Searched"
        case .signIn: "Signed in"
        case .signOut: "Signed out"
        case .refused: "Refused"
        }
    }
}
