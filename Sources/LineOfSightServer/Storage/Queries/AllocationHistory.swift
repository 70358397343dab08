import Foundation
import LineOfSightCore
import SQLKit

/// One of a child's allocations, past or current, with its team's and worker's names.
struct AllocationHistoryRow: Decodable, Sendable {
    let startDate: CivilDate
    /// Inclusive; nil for the current allocation.
    let endDate: CivilDate?
    let teamID: UUID
    let teamName: String
    let workerID: UUID?
    let workerFirstName: String?
    let workerLastName: String?

    var workerName: String? { workerFirstName.map { $0 + " " + (workerLastName ?? "") } }

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date", endDate = "end_date", teamID = "team_id", teamName = "team_name", workerID = "worker_id",
             workerFirstName = "worker_first_name", workerLastName = "worker_last_name"
    }
}

enum AllocationHistory {
    /// A child's allocations, newest first, in one query: the child's page shows them on every visit,
    /// and loading the teams and workers separately would cost two more.
    static func of(child childID: UUID, on db: any SQLDatabase) async throws -> [AllocationHistoryRow] {
        try await db.select()
            .column(SQLColumn("start_date", table: "a")).column(SQLColumn("end_date", table: "a"))
            .column(SQLColumn("team_id", table: "a")).column(SQLColumn("name", table: "t"), as: "team_name").column(SQLColumn("worker_id", table: "a"))
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

extension AllocationHistory {
    /// Marks each allocation of these children (every child's, when nil) that changed the child's
    /// social worker: it names a worker, and the last worker named before it was someone else (a
    /// child's first worker, or the same one back after time unallocated, is not a change). Kept
    /// on the row, so the caseload page counts a year's changes from an index instead of looking
    /// up every allocation's predecessor. Called wherever allocations are written.
    static func markChangesOfWorker(children: [UUID]?, on db: any SQLDatabase) async throws {
        if let children, children.isEmpty { return }
        let table = StoredAllocation.schema
        let query: SQLQueryString = """
            UPDATE \(ident: table) SET changes_worker = CASE WHEN worker_id IS NOT NULL AND worker_id <> COALESCE(
                (SELECT p.worker_id FROM \(ident: table) p WHERE p.child_id = \(ident: table).child_id AND p.worker_id IS NOT NULL
                 AND p.start_date < \(ident: table).start_date ORDER BY p.start_date DESC LIMIT 1), worker_id) THEN \(true) ELSE \(false) END
            """
        if let children {
            // In parts, within the databases' limits on bound values.
            for part in children.chunked(500) { try await db.raw(query + " WHERE child_id IN (\(binds: Array(part)))").run() }
        } else {
            try await db.raw(query).run()
        }
    }
}
