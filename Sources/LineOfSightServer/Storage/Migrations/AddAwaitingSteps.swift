import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Which manager's authorisation each event awaits (a contact's next step, an assessment), kept on
/// the event when it is written, so My work finds them (with `IndexOpenWork`) instead of reading
/// every record. Existing events are filled in from their records.
struct AddAwaitingSteps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(StoredEvent.schema).field("awaiting", .string).update()
        try await database.schema(StoredEvent.schema).field("awaiting_since", .string).update()
        struct Row: Decodable { let id: UUID; let list: String; let record: String }
        let lists = JourneyList.allCases.filter { $0.form.steps.contains(where: \.isAuthorisation) }.map(\.rawValue)
        let rows = try await database.sql.select().columns("id", "list", "record").from(StoredEvent.schema)
            .where("list", .in, SQLBind.group(lists)).where("withdrawn_reason", .is, SQLLiteral.null)
            .all(decoding: Row.self)
        for row in rows {
            guard let list = JourneyList(rawValue: row.list), let awaiting = list.form.awaiting(try list.decode(stored: row.record)) else { continue }
            try await database.sql.update(StoredEvent.schema)
                .set("awaiting", to: SQLBind(awaiting.step.id)).set("awaiting_since", to: SQLBind(awaiting.since.iso))
                .where("id", .equal, SQLBind(row.id)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredEvent.schema).deleteField("awaiting_since").update()
        try await database.schema(StoredEvent.schema).deleteField("awaiting").update()
    }
}
