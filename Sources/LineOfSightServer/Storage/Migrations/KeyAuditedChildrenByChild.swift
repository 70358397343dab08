import Fluent
import Foundation
import SQLKit

/// The children a list showed (`audit_event_children`), keyed by (child, audit row) instead of by an
/// id of their own with a second index by child. A list page names fifty children on every view, and
/// each name cost three B-tree writes (the rows, their ids, the index by child); now it costs one,
/// on SQLite in the key itself (`WITHOUT ROWID`). The access history reads by child as before.
struct KeyAuditedChildrenByChild: AsyncMigration {
    private static let table = Audit.shownChildren
    private static let replaced = "audit_event_children_previous"

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE \(ident: Self.table) RENAME TO \(ident: Self.replaced)").run()
        try await sql.raw("""
            CREATE TABLE \(ident: Self.table) (child_id UUID NOT NULL, audit_event_id UUID NOT NULL REFERENCES \(ident: AuditEvent.schema) (id),
            PRIMARY KEY (child_id, audit_event_id))\(unsafeRaw: sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : "")
            """).run()
        try await sql.raw("""
            INSERT INTO \(ident: Self.table) (child_id, audit_event_id)
            SELECT DISTINCT child_id, audit_event_id FROM \(ident: Self.replaced)
            """).run()
        try await sql.raw("DROP TABLE \(ident: Self.replaced)").run()
        try await AppendOnly.protect(Self.table, on: sql)
    }

    /// Back to rows with ids of their own (new ones: the old were never read).
    func revert(on database: any Database) async throws {
        let sql = database.sql
        struct Shown: Decodable { let child_id: UUID; let audit_event_id: UUID }
        let shown = try await sql.select().columns("child_id", "audit_event_id").from(Self.table).all(decoding: Shown.self)
        try await sql.raw("DROP TABLE \(ident: Self.table)").run()
        try await sql.raw("""
            CREATE TABLE \(ident: Self.table) (id UUID PRIMARY KEY, audit_event_id UUID NOT NULL REFERENCES \(ident: AuditEvent.schema) (id),
            child_id UUID NOT NULL)
            """).run()
        try await sql.insert(shown.map { [UUID(), $0.audit_event_id, $0.child_id] }, into: Self.table, columns: ["id", "audit_event_id", "child_id"])
        try await sql.create(index: "audit_event_children_child").on(Self.table).column("child_id").run()
        try await AppendOnly.protect(Self.table, on: sql)
    }
}
