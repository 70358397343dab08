import Foundation
import LineOfSightCore
import SQLKit

/// One of a child's allocations, past or current, with its team's and worker's names.
struct AllocationHistoryRow: Decodable, Sendable {
    let startDate: CivilDate
    /// Inclusive; nil for the current allocation.
    let endDate: CivilDate?
    let teamName: String
    let workerID: UUID?
    let workerFirstName: String?
    let workerLastName: String?

    var workerName: String? { workerFirstName.map { $0 + " " + (workerLastName ?? "") } }

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date", endDate = "end_date", teamName = "team_name", workerID = "worker_id",
             workerFirstName = "worker_first_name", workerLastName = "worker_last_name"
    }
}

enum AllocationHistory {
    /// A child's allocations, newest first, in one query: the child's page shows them on every visit,
    /// and loading the teams and workers separately would cost two more.
    static func of(child childID: UUID, on db: any SQLDatabase) async throws -> [AllocationHistoryRow] {
        try await db.select()
            .column(SQLColumn("start_date", table: "a")).column(SQLColumn("end_date", table: "a"))
            .column(SQLColumn("name", table: "t"), as: "team_name").column(SQLColumn("worker_id", table: "a"))
            .column(SQLColumn("first_name", table: "s"), as: "worker_first_name")
            .column(SQLColumn("last_name", table: "s"), as: "worker_last_name")
            .from(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(Team.schema), as: SQLIdentifier("t")), on: SQLColumn("id", table: "t"), .equal, SQLColumn("team_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(StaffMember.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("worker_id", table: "a"))
            .where(SQLColumn("child_id", table: "a"), .equal, SQLBind(childID))
            .orderBy(SQLColumn("start_date", table: "a"), SQLDirection.descending)
            .all(decoding: AllocationHistoryRow.self)
    }
}
