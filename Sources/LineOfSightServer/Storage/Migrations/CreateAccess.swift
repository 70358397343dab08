import Fluent

struct CreateAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("staff_id", .uuid, .references(StaffMember.schema, .id))
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(AccessGrant.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("child_id", .uuid, .references(Child.schema, .id))
            .field("team_id", .uuid, .references(Team.schema, .id))
            .field("reason", .string, .required)
            .field("expires_on", .string, .required)
            .field("granted_by", .uuid, .required, .references(User.schema, .id))
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("username", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(SavedForm.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("path", .string, .required)
            .field("fields", .string, .required)
            .field("saved_at", .datetime, .required)
            .create()
        try await Indexes.create(on: database, [
            ("login_attempts_username", LoginAttempt.schema, ["username", "at"]),
            ("access_grants_user", AccessGrant.schema, ["user_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        for schema in [SavedForm.schema, APIToken.schema, LoginAttempt.schema, AccessGrant.schema, User.schema] {
            try await database.schema(schema).delete()
        }
    }
}
