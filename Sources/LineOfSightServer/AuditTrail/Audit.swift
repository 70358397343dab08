import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes the append-only audit trail, so a council can answer "who saw this child's record?": every read of a child's record, every list or search
/// that shows children (naming each child shown, so each child's access history has it) and every
/// change. Changes are recorded on the same database handle as the change, inside its transaction,
/// so a change and its audit row are saved together or not at all; reads are written together with
/// the other reads of the moment (`ReadAuditWriter`), each committed before its page is answered.
enum Audit {
    /// The sets of children lists and searches showed, each kept once (`NameShownChildrenBySet`):
    /// a read's row names its set (`child_set`), and the set its children.
    static let childSets = "audit_child_sets"
    static let childSetMembers = "audit_child_set_members"
    /// The children lists and searches showed before sets, a row each naming the audit row: kept,
    /// no longer written.
    static let shownChildren = "audit_event_children"

    /// Who did it, and with which API token if not in the browser.
    struct Actor: Sendable {
        let userID: UUID?
        let username: String
        let tokenID: UUID?

        init(_ principal: Principal?) {
            userID = principal?.userID
            username = principal?.username ?? "anonymous"
            tokenID = principal?.tokenID
        }

        /// A command run on the server by whoever can run it there, e.g. "export.command".
        init(command: String) {
            userID = nil
            username = command
            tokenID = nil
        }

        init(user: User) throws {
            userID = try user.requireID()
            username = user.username
            tokenID = nil
        }
    }

    static func record(
        _ action: AuditAction, entity: String, entityID: UUID?, childID: UUID?, shown children: [UUID] = [], detail: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil,
        by actor: Actor, at time: Date, on db: any Database
    ) async throws {
        try await write([Row(Entry(action, entity: entity, entityID: entityID, childID: childID, detail: detail, before: before, after: after),
                             shown: children, by: actor, at: time)], on: db)
    }

    /// One change among many made at once (an import): a row each.
    struct Entry {
        let action: AuditAction
        let entity: String
        let entityID: UUID?
        let childID: UUID?
        let detail: String
        let before: (any Encodable)?
        let after: (any Encodable)?

        init(_ action: AuditAction, entity: String, entityID: UUID?, childID: UUID?, detail: String,
             before: (any Encodable)? = nil, after: (any Encodable)? = nil) {
            self.action = action; self.entity = entity; self.entityID = entityID; self.childID = childID
            self.detail = detail; self.before = before; self.after = after
        }
    }

    /// Records `entries`, all by `actor` at `time`, a few hundred rows a statement.
    static func record(_ entries: [Entry], by actor: Actor, at time: Date, on db: any Database) async throws {
        try await write(entries.map { Row($0, by: actor, at: time) }, on: db)
    }

    /// Reads written together by the `ReadAuditWriter`: a row each, in one transaction. The sets
    /// in `kept` are known to be in the database already and are not written again; returns the
    /// ids of the sets the rows name, all of them kept once this returns.
    static func recordReads(_ reads: [ReadAuditWriter.Read], kept: Set<UUID>, on db: any Database) async throws -> Set<UUID> {
        let rows = reads.map { read in
            Row(Entry(read.action, entity: read.entity, entityID: read.entityID, childID: read.childID, detail: read.detail),
                shown: read.shown, by: read.actor, at: read.at)
        }
        try await write(rows, keptSets: kept, on: db)
        return Set(rows.compactMap(\.shown?.id))
    }

    /// One audit row and the set of children it names.
    private struct Row {
        let id: UUID
        let entry: Entry
        let shown: ChildSet?
        let actor: Actor
        let at: Date

        init(_ entry: Entry, shown: [UUID] = [], by actor: Actor, at time: Date) {
            id = UUID.timeOrdered(at: time); self.entry = entry; self.actor = actor; at = time
            self.shown = ChildSet(shown)
        }
    }

    /// Plain SQL inserts rather than models: every page that shows a child writes here, and
    /// building Fluent models (fifty for a list) would cost more than the page. Several statements
    /// go in one transaction, so rows and the sets they name are saved together.
    private static func write(_ rows: [Row], keptSets: Set<UUID> = [], on db: any Database) async throws {
        var sets: [UUID: ChildSet] = [:]
        for case let set? in rows.map(\.shown) where !keptSets.contains(set.id) { sets[set.id] = set }
        let events = try rows.chunked(200).map { try insert(Array($0)) }
        // In the order of their ids: two servers adding the same new sets at once then wait for
        // each other in turn (PostgreSQL) rather than each for the other.
        let ordered = sets.values.sorted { $0.id.text < $1.id.text }
        let writeAll: @Sendable (any Database) async throws -> Void = { db in
            try await keep(ordered, on: db.sql)
            for statement in events { try await db.sql.execute(sql: statement) { _ in } }
        }
        guard events.count > 1 || !sets.isEmpty else { return try await writeAll(db) }
        try await db.transaction(writeAll)
    }

    /// Keeps the sets not kept before, each with its children: the sets' keys refuse the ones
    /// already there (written by another batch or another server, even at the same moment), and
    /// only the sets this statement added have their children written. The children go as the
    /// database's own values (`SQLDatabase.insert`): an export names thousands.
    private static func keep(_ sets: [ChildSet], on sql: any SQLDatabase) async throws {
        var added: Set<UUID> = []
        for chunk in sets.chunked(RowInsert.bindLimit) {
            let insert = sql.insert(into: childSets).columns("id")
            for set in chunk { _ = insert.values(SQLBind(set.id)) }
            added.formUnion(try await insert.ignoringConflicts(with: ["id"]).returning("id").all(decodingColumn: "id", as: UUID.self))
        }
        let members = sets.filter { added.contains($0.id) }.flatMap { set in set.children.map { [$0, set.id] as [any Encodable & Sendable] } }
        try await sql.insert(members, into: childSetMembers, columns: ["child_id", "set_id"], copyAbove: RowInsert.bindLimit / 2)
    }

    private static func insert(_ rows: [Row]) throws -> SQLInsert {
        var insert = SQLInsert(table: SQLIdentifier(AuditEvent.schema))
        insert.columns = ["id", "at", "user_id", "username", "token_id", "action", "entity", "entity_id", "child_id", "detail", "before", "after",
                          "child_set"].map { SQLColumn($0) }
        insert.values = try rows.map { row in
            let entry = row.entry, actor = row.actor
            return [SQLBind(row.id), SQLBind(row.at), orNull(actor.userID), SQLBind(actor.username), orNull(actor.tokenID),
                    SQLBind(entry.action.rawValue), SQLBind(entry.entity), orNull(entry.entityID?.text), orNull(entry.childID), SQLBind(entry.detail),
                    orNull(try entry.before.map(json)), orNull(try entry.after.map(json)), orNull(row.shown?.id)]
        }
        return insert
    }

    private static func orNull(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }

    private static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Request {
    /// A change's row is written on `db`, the change's own transaction; a read's (a change passes
    /// `db`, a read does not) goes with the other reads of the moment (`ReadAuditWriter`).
    func audit(_ action: AuditAction, entity: String, entityID: UUID?, childID: UUID?, detail: String,
               before: (any Encodable)? = nil, after: (any Encodable)? = nil, on db: (any Database)? = nil) async throws {
        if db == nil, action.isRead, before == nil, after == nil {
            return try await application.readAuditWriter.record(
                ReadAuditWriter.Read(action: action, entity: entity, entityID: entityID, childID: childID, shown: [], detail: detail,
                                     actor: Audit.Actor(principal), at: now))
        }
        try await Audit.record(action, entity: entity, entityID: entityID, childID: childID, detail: detail,
                               before: before, after: after, by: Audit.Actor(principal), at: now, on: db ?? self.db)
    }

    /// A page or API response that shows several children: one row saying what was shown, naming each child.
    func auditShown(_ children: [UUID], _ action: AuditAction = .list, detail: String) async throws {
        guard !children.isEmpty || action == .search else { return }
        try await application.readAuditWriter.record(
            ReadAuditWriter.Read(action: action, entity: "child", entityID: nil, childID: nil, shown: children, detail: detail,
                                 actor: Audit.Actor(principal), at: now))
    }
}
