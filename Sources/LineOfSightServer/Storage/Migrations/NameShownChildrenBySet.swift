import Fluent
import SQLKit

/// The children a list or search showed, named once for each different set of children rather
/// than once for every read (`Audit.childSets`). A manager's My work names a hundred and fifty
/// children and a list page fifty, every time it is opened; the same person opening the same page
/// sees the same children until their work changes, so most reads now write their audit row alone,
/// naming a set already kept. A read's row gives its set (`audit_events.child_set`); the set's
/// id is a digest of its children, so a second copy of a set is refused by its key.
///
/// The rows that named children one by one before (`Audit.shownChildren`) are kept as they were
/// written: the audit trail is never rewritten. The access history reads both. (The server refuses
/// to start while a migration is waiting, so nothing writes to the trail while this one runs.)
struct NameShownChildrenBySet: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        // On SQLite in the key itself, as the children named one by one (`KeyAuditedChildrenByChild`).
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw("CREATE TABLE \(ident: Audit.childSets) (id UUID PRIMARY KEY)\(unsafeRaw: withoutRowID)").run()
        try await sql.raw("""
            CREATE TABLE \(ident: Audit.childSetMembers) (child_id UUID NOT NULL, set_id UUID NOT NULL REFERENCES \(ident: Audit.childSets) (id),
            PRIMARY KEY (child_id, set_id))\(unsafeRaw: withoutRowID)
            """).run()
        try await sql.raw("ALTER TABLE \(ident: AuditEvent.schema) ADD COLUMN child_set UUID REFERENCES \(ident: Audit.childSets) (id)").run()
        try await sql.create(index: "audit_events_child_set").on(AuditEvent.schema).column("child_set").run()
        try await AppendOnly.protect(Audit.childSets, on: sql)
        try await AppendOnly.protect(Audit.childSetMembers, on: sql)
    }

    /// Back to a row for each child a read showed: the children of each read's set are written
    /// that way first, so no read loses the children it named.
    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("""
            INSERT INTO \(ident: Audit.shownChildren) (child_id, audit_event_id)
            SELECT m.child_id, e.id FROM \(ident: AuditEvent.schema) e JOIN \(ident: Audit.childSetMembers) m ON m.set_id = e.child_set
            """).run()
        try await sql.drop(index: "audit_events_child_set").run()
        try await sql.raw("ALTER TABLE \(ident: AuditEvent.schema) DROP COLUMN child_set").run()
        try await sql.drop(table: Audit.childSetMembers).run()
        try await sql.drop(table: Audit.childSets).run()
    }
}
