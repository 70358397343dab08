import Fluent
import SQLKit

/// The audit trail, append-only (see `AppendOnly`).
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
        try await AppendOnly.protect(AuditEvent.schema, on: sql)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
        if let sql = database as? any SQLDatabase { try await AppendOnly.removeFunction(on: sql) }
    }
}
