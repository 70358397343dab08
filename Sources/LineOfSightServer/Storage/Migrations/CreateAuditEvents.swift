import Fluent
import SQLKit

/// The audit trail is append-only: besides the application never updating it, triggers in the
/// database refuse UPDATE and DELETE, so not even a bug can rewrite history.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("child_id", .uuid)
            .field("detail", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await Indexes.create(on: database, [("audit_events_child", AuditEvent.schema, ["child_id", "at"])])
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()").run()
        default:
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}
