import Fluent
import SQLKit

/// Schema for the defences of the security review: our own session table (hashed ids, timestamps,
/// the principal loaded with the session), optimistic versions on children, one open allocation per
/// child enforced by the database, two-person approval of grants to restricted records, expiring and
/// scoped API tokens named in the audit trail, the children each list showed, and sign-in attempts
/// by address.
struct HardenAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        // SQLite adds one column per ALTER TABLE.
        let added: [(String, FieldKey, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
            (Child.schema, "version", .int, [.required, .sql(.default(1))]),
            (AccessGrant.schema, "approved_by", .uuid, [.references(User.schema, .id)]),
            (AccessGrant.schema, "approved_at", .datetime, []),
            (APIToken.schema, "scope", .string, [.required, .sql(.default(SQLLiteral.string(TokenScope.read.rawValue)))]),
            (APIToken.schema, "expires_at", .datetime, []),
            (AuditEvent.schema, "token_id", .uuid, []),
            (LoginAttempt.schema, "address", .string, []),
        ]
        for (table, field, type, constraints) in added {
            try await database.schema(table).field(.definition(name: .key(field), dataType: type, constraints: constraints)).update()
        }
        try await database.schema(Audit.shownChildren)
            .id()
            .field("audit_event_id", .uuid, .required, .references(AuditEvent.schema, .id))
            .field("child_id", .uuid, .required)
            .create()
        try await Indexes.create(on: database, [
            ("user_sessions_user", UserSession.schema, ["user_id"]),
            ("audit_event_children_child", Audit.shownChildren, ["child_id"]),
            ("login_attempts_address", LoginAttempt.schema, ["address", "at"]),
        ])
        guard let sql = database as? any SQLDatabase else { return }
        // Two simultaneous allocations must not leave a child with two current ones: the database
        // refuses a second open allocation, whatever the application does.
        try await sql.raw("CREATE UNIQUE INDEX allocations_one_open ON allocations (child_id) WHERE end_date IS NULL").run()
        try await AppendOnly.protect(Audit.shownChildren, on: sql)
        try await sql.raw("DROP TABLE IF EXISTS _fluent_sessions").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS allocations_one_open").run()
        try await database.schema(Audit.shownChildren).delete()
        try await database.schema(UserSession.schema).delete()
        for (table, field) in [(Child.schema, "version"), (AccessGrant.schema, "approved_by"), (AccessGrant.schema, "approved_at"),
                               (APIToken.schema, "scope"), (APIToken.schema, "expires_at"), (AuditEvent.schema, "token_id"),
                               (LoginAttempt.schema, "address")] {
            try await database.schema(table).deleteField(.string(field)).update()
        }
    }
}
