import Fluent
import Foundation
import LineOfSightCore

/// The stored form of a child's allocation (the core's `Allocation`) to a team, and usually a worker,
/// over a period. Fluent models whose core type has the same name are called `Stored…`, so neither
/// shadows the other. The open allocation (no end date) is the current one; history is never
/// rewritten, only closed.
final class StoredAllocation: Model, @unchecked Sendable {
    static let schema = "allocations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "child_id") var child: Child
    @Parent(key: "team_id") var team: Team
    @OptionalParent(key: "worker_id") var worker: StaffMember?
    @Field(key: "start_date") var startDate: CivilDate
    /// Inclusive; nil while the allocation is current. The database allows one current allocation per child.
    @OptionalField(key: "end_date") var endDate: CivilDate?

    init() {}

    init(id: UUID? = nil, childID: UUID, teamID: UUID, workerID: UUID?, startDate: CivilDate, endDate: CivilDate? = nil) {
        self.id = id
        $child.id = childID
        $team.id = teamID
        $worker.id = workerID
        self.startDate = startDate
        self.endDate = endDate
    }
}

extension StoredAllocation {
    /// Inserts many allocations at once, with plain SQL rather than models (as `Child.insert`).
    static func insert(_ allocations: [StoredAllocation], on db: any Database) async throws {
        let rows = allocations.map { allocation -> [any Encodable & Sendable] in
            [allocation.id ?? UUID(), allocation.$child.id, allocation.$team.id, allocation.$worker.id, allocation.startDate, allocation.endDate]
        }
        try await db.sql.insert(rows, into: schema, columns: ["id", "child_id", "team_id", "worker_id", "start_date", "end_date"])
    }
}
