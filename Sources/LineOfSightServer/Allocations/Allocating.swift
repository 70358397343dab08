import Fluent
import LineOfSightCore
import SQLKit
import Vapor

/// Moving a child's case to a team and worker from a day: the one way an allocation changes,
/// whether a manager allocates or accepts a transfer. The open allocation is closed as the core
/// defines allocation periods (inclusive, gap-free), so the history records who was responsible
/// on each day.
enum Allocating {
    /// Closes `current` the day before `start` — only if it is still the open one, so of two saves
    /// one closes it and the other gets `StaleRecord` — and opens the new allocation (the database
    /// allows one open allocation per child, so a racing save fails there too), with its audit row.
    /// Call inside the transaction holding the child's lock, and re-derive the child after.
    @discardableResult
    static func move(_ req: Request, childID: UUID, from current: StoredAllocation?, teamID: UUID, workerID: UUID?, start: CivilDate,
                     detail: String, on db: any Database) async throws -> StoredAllocation {
        let allocation = StoredAllocation(childID: childID, teamID: teamID, workerID: workerID, startDate: start)
        if let current {
            let closed = try await db.sql.update(StoredAllocation.schema)
                .set("end_date", to: Allocation.lastDay(whenSucceededOn: start))
                .where("id", .equal, SQLBind(current.requireID()))
                .where("end_date", .is, SQLLiteral.null)
                .returning("id")
                .first()
            guard closed != nil else { throw StaleRecord() }
            current.endDate = Allocation.lastDay(whenSucceededOn: start)
        }
        try await allocation.create(on: db)
        try await AllocationHistory.markChangesOfWorker(children: [childID], on: db.sql)
        try await req.audit(.update, entity: "allocation", entityID: allocation.id, childID: childID, detail: detail,
                            before: try current.map(AllocationDetails.init), after: try AllocationDetails(allocation), on: db)
        return allocation
    }

    /// The child's open allocation, if any.
    static func current(of childID: UUID, on db: any Database) async throws -> StoredAllocation? {
        try await StoredAllocation.query(on: db).filter(\.$child.$id == childID).filter(\.$endDate == nil).first()
    }
}
