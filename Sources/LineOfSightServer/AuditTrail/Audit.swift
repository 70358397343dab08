import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes the append-only audit trail, so a council can answer "who saw this child's record?": every read of a child's record, every list or search
/// that shows children (naming each child shown, so each child's access history has it) and every
/// change. Changes are recorded on the same database handle as the change, inside its transaction,
/// so a change and its audit row are saved together or not at all.
enum Audit {
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
        // Plain SQL inserts rather than models: every page that shows a child writes here, and
        // building Fluent models (fifty for a list) would cost more than the page.
        let eventID = UUID.timeOrdered(at: time)
        let event = try insert([Entry(action, entity: entity, entityID: entityID, childID: childID, detail: detail, before: before, after: after)],
                               ids: [eventID], by: actor, at: time)
        guard !children.isEmpty else { return try await db.sql.execute(sql: event) { _ in } }
        try await db.transaction { db in
            try await db.sql.execute(sql: event) { _ in }
            var shown = db.sql.insert(into: AuditedChild.schema).columns("id", "audit_event_id", "child_id")
            for child in children { shown = shown.values(SQLBind(UUID.timeOrdered(at: time)), SQLBind(eventID), SQLBind(child)) }
            try await shown.run()
        }
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
        for chunk in entries.chunked(200) {
            let rows = Array(chunk)
            try await db.sql.execute(sql: insert(rows, ids: rows.map { _ in UUID.timeOrdered(at: time) }, by: actor, at: time)) { _ in }
        }
    }

    private static func insert(_ entries: [Entry], ids: [UUID], by actor: Actor, at time: Date) throws -> SQLInsert {
        var insert = SQLInsert(table: SQLIdentifier(AuditEvent.schema))
        insert.columns = ["id", "at", "user_id", "username", "token_id", "action", "entity", "entity_id", "child_id", "detail", "before", "after"]
            .map { SQLColumn($0) }
        insert.values = try zip(entries, ids).map { entry, id in
            [SQLBind(id), SQLBind(time), orNull(actor.userID), SQLBind(actor.username), orNull(actor.tokenID),
             SQLBind(entry.action.rawValue), SQLBind(entry.entity), orNull(entry.entityID?.uuidString), orNull(entry.childID), SQLBind(entry.detail),
             orNull(try entry.before.map(json)), orNull(try entry.after.map(json))]
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
    func audit(_ action: AuditAction, entity: String, entityID: UUID?, childID: UUID?, detail: String,
               before: (any Encodable)? = nil, after: (any Encodable)? = nil, on db: (any Database)? = nil) async throws {
        try await Audit.record(action, entity: entity, entityID: entityID, childID: childID, detail: detail,
                               before: before, after: after, by: Audit.Actor(principal), at: now, on: db ?? self.db)
    }

    /// A page or API response that shows several children: one row saying what was shown, naming each child.
    func auditShown(_ children: [UUID], _ action: AuditAction = .list, detail: String) async throws {
        guard !children.isEmpty || action == .search else { return }
        try await Audit.record(action, entity: "child", entityID: nil, childID: nil, shown: children, detail: detail,
                               by: Audit.Actor(principal), at: now, on: db)
    }
}
