import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// The server's half of the data flow: a child's stored events and allocations → the core's
/// `Journey` → `derive` → the stored obligations and state. No date arithmetic here.
struct ChildDerivation: Sendable {
    let setup: StandardsFile

    /// The child's journey from their stored events (withdrawn ones left out, and `excluding` if
    /// given) and allocation history.
    static func journey(of childID: UUID, dateOfBirth: CivilDate?, excluding: UUID? = nil, on db: any Database) async throws -> Journey {
        var query = StoredEvent.query(on: db).filter(\.$child.$id == childID).filter(\.$withdrawnReason == nil)
        if let excluding { query = query.filter(\.$id != excluding) }
        let events = try await query.sort(\.$date).sort(\.$recordedAt).all()
        let allocations = try await StoredAllocation.query(on: db).filter(\.$child.$id == childID).sort(\.$startDate).all()
        return try journey(of: childID, dateOfBirth: dateOfBirth, events: events, allocations: allocations)
    }

    /// The projection of already-loaded events (in date order, none withdrawn) and allocations.
    static func journey(of childID: UUID, dateOfBirth: CivilDate?, events: [StoredEvent], allocations: [StoredAllocation]) throws -> Journey {
        Journey(
            childID: childID.uuidString, dateOfBirth: dateOfBirth,
            events: try events.map { RecordedEvent(id: try $0.requireID().uuidString, record: try $0.record()) },
            allocations: allocations.map {
                Allocation(teamID: $0.$team.id.uuidString, workerID: $0.$worker.id?.uuidString, start: $0.startDate, end: $0.endDate)
            })
    }

    /// Re-derives the child's obligations and state and replaces the stored rows. Call it inside
    /// the transaction that changed the child's events or allocations.
    @discardableResult
    func rederive(childID: UUID, dateOfBirth: CivilDate?, on db: any Database) async throws -> Derivation {
        let journey = try await Self.journey(of: childID, dateOfBirth: dateOfBirth, on: db)
        let derivation = derive(journey, standards: setup.standards, calendar: setup.calendar)
        try await DerivedRows.replace(childID: childID, derivation: derivation, state: ChildState(journey: journey, derivation: derivation),
                                      on: db.sql)
        return derivation
    }

    /// Takes the child's journey lock: the first write of a transaction that changes their events.
    static func lock(childID: UUID, on db: any Database) async throws {
        try await db.sql.update(Child.schema)
            .set(SQLColumn("journey_version"), to: SQLBinaryExpression(SQLColumn("journey_version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(childID))
            .run()
    }
}
