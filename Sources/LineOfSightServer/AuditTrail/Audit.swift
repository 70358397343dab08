import Fluent
import Foundation
import Vapor

/// Writes the append-only audit trail (M21): every read of a child's record and every change.
/// Changes are recorded on the same database handle as the change, inside its transaction, so a
/// change and its audit row are saved together or not at all.
enum Audit {
    static func record(
        _ action: AuditAction, entity: String, entityID: UUID?, childID: UUID?, detail: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil,
        by principal: Principal?, on db: any Database
    ) async throws {
        try await AuditEvent(
            at: Date(),
            userID: principal?.userID,
            username: principal?.username ?? "anonymous",
            action: action,
            entity: entity,
            entityID: entityID?.uuidString,
            childID: childID,
            detail: detail,
            before: try before.map(json),
            after: try after.map(json)
        ).create(on: db)
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
                               before: before, after: after, by: principal, on: db ?? self.db)
    }
}
