import Fluent
import SQLKit
import Vapor

/// Loads the person behind a credential (a session or an API token) with one query: the credential's
/// row joined to its user and the user's staff record, found by the credential's hash.
enum PrincipalLoader {
    /// What every credential query reads about its user.
    struct Account {
        let userID: UUID
        let username: String
        let displayName: String
        let role: Role
        let active: Bool
        let staffID: UUID?
        let teamID: UUID?

        /// Read column by column (`Columns`): it is read on every signed-in request.
        init(_ columns: Columns) throws {
            userID = try columns.uuid("user_id")
            username = try columns.text("username")
            displayName = try columns.text("display_name")
            role = try columns.code("role", as: Role.self)
            active = try columns.bool("active")
            staffID = try columns.uuid(ifAny: "staff_id")
            teamID = try columns.uuid(ifAny: "team_id")
        }

        /// The person, proved by `credential`; nil when the account has been deactivated.
        func principal(_ credential: Principal.Credential) -> Principal? {
            guard active else { return nil }
            return Principal(userID: userID, username: username, displayName: displayName, role: role,
                             staffID: staffID, teamID: teamID, credential: credential)
        }
    }

    /// Reads `table` (aliased `k`, with a `user_id` column) where `token_hash` matches: `columns` of
    /// the credential, read by `credential`, and its user's account.
    static func find<Credential>(table: String, columns: [String], tokenHash: String, on db: any SQLDatabase,
                                 credential: (Columns) throws -> Credential) async throws -> (credential: Credential, account: Account)? {
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
        let columns = Columns(row, of: db)
        return (try credential(columns), try Account(columns))
    }
}
