import Fluent
import Foundation
import LineOfSightCore

/// An extra permission for one user to open one child's record, or a whole team's, with the reason and
/// an expiry. Grants are the only way into a restricted record, and open one only once a second
/// administrator has approved them.
final class AccessGrant: Model, @unchecked Sendable {
    static let schema = "access_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @OptionalParent(key: "child_id") var child: Child?
    @OptionalParent(key: "team_id") var team: Team?
    @Field(key: "reason") var reason: String
    /// Last day the grant is valid (inclusive).
    @Field(key: "expires_on") var expiresOn: CivilDate
    @Parent(key: "granted_by") var grantedBy: User
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// A second administrator (never the one who granted it, nor the grantee) who approved the grant;
    /// required before a grant opens a restricted record.
    @OptionalParent(key: "approved_by") var approvedBy: User?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, userID: UUID, childID: UUID?, teamID: UUID?, reason: String, expiresOn: CivilDate, grantedBy: UUID) {
        self.id = id
        $user.id = userID
        $child.id = childID
        $team.id = teamID
        self.reason = reason
        self.expiresOn = expiresOn
        $grantedBy.id = grantedBy
    }
}
