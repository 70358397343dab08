import Fluent
import SQLKit
import Vapor

/// Loads the person behind a credential (a session or an API token) with one query: the credential's
/// row joined to its user and the user's staff record, found by the credential's hash.
enum PrincipalLoader {
    /// What every credential query reads about its user.
    struct Account: Decodable {
        let userId: UUID
        let username: String
        let displayName: String
        let role: Role
        let active: Bool
        let staffId: UUID?
        let teamId: UUID?

        /// The person, proved by `credential`; nil when the account has been deactivated.
        func principal(_ credential: Principal.Credential) -> Principal? {
            guard active else { return nil }
            return Principal(userID: userId, username: username, displayName: displayName, role: role,
                             staffID: staffId, teamID: teamId, credential: credential)
        }
    }

    /// Reads `table` (aliased `k`, with a `user_id` column) where `token_hash` matches, with `columns`
    /// of the credential decoded as `Credential` (snake_case columns, camelCase properties).
    static func find<Credential: Decodable>(_ credential: Credential.Type, table: String, columns: [String], tokenHash: String,
                                            on db: any SQLDatabase) async throws -> (credential: Credential, account: Account)? {
        var select = db.select()
        for column in columns { select = select.column(SQLColumn(column, table: "k")) }
        let row = try await select
            .column(SQLColumn("user_id", table: "k"))
            .column(SQLColumn("username", table: "u")).column(SQLColumn("display_name", table: "u"))
            .column(SQLColumn("role", table: "u")).column(SQLColumn("active", table: "u"))
            .column(SQLColumn("staff_id", table: "u")).column(SQLColumn("team_id", table: "st"))
            .from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("k")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "k"))
            .join(SQLAlias(SQLIdentifier(StaffMember.schema), as: SQLIdentifier("st")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "st"), .equal, SQLColumn("staff_id", table: "u"))
            .where(SQLColumn("token_hash", table: "k"), .equal, SQLBind(tokenHash))
            .first()
        guard let row else { return nil }
        return (try row.decode(model: Credential.self, keyDecodingStrategy: .convertFromSnakeCase),
                try row.decode(model: Account.self, keyDecodingStrategy: .convertFromSnakeCase))
    }
}
