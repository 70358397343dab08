import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// The reads behind the caseload and workforce page: each a single statement over a whole table
/// (grouped in SQL where the table is large), so the page costs the same for 10 workers or 1,000.
enum CaseloadQueries {
    /// Every member of staff, leavers included (the trend counts them in the months they worked).
    struct StaffRow: Decodable, Sendable {
        let id: UUID
        let first_name: String
        let last_name: String
        let job_role: JobRole
        let team_id: UUID?
        let fte: Double
        let agency: Bool
        let newly_qualified: Bool
        let active: Bool
        let start_date: String?
        let leaving_date: String?

        var name: String { first_name + " " + last_name }
        var started: CivilDate? { start_date.flatMap(CivilDate.init(iso:)) }
        var left: CivilDate? { leaving_date.flatMap(CivilDate.init(iso:)) }

        /// In post on `day`: started by then (or start not recorded) and not yet gone.
        func inPost(on day: CivilDate) -> Bool {
            if let started, started > day { return false }
            if let left { return left >= day }
            return active
        }
    }

    static func staff(on db: any SQLDatabase) async throws -> [StaffRow] {
        try await db.select()
            .columns("id", "first_name", "last_name", "job_role", "team_id", "fte", "agency", "newly_qualified", "active", "start_date", "leaving_date")
            .from(StaffMember.schema)
            .orderBy("last_name").orderBy("first_name").orderBy("id")
            .all(decoding: StaffRow.self)
    }

    /// Children allocated to each worker now, by the stage of their journey when `byStage` (for
    /// weighted caseloads), otherwise one row a worker with a nil stage.
    struct LoadRow: Decodable, Sendable {
        let worker_id: UUID
        let stage: String?
        let n: Int
    }

    static func caseloads(byStage: Bool, on db: any SQLDatabase) async throws -> [LoadRow] {
        if byStage {
            return try await db.raw("""
                SELECT a.worker_id, s.stage, COUNT(*) AS n FROM \(ident: StoredAllocation.schema) a
                LEFT JOIN \(ident: DerivedRows.states) s ON s.child_id = a.child_id
                WHERE a.end_date IS NULL AND a.worker_id IS NOT NULL GROUP BY a.worker_id, s.stage
                """).all(decoding: LoadRow.self)
        }
        return try await db.raw("""
            SELECT worker_id, NULL AS stage, COUNT(*) AS n FROM \(ident: StoredAllocation.schema)
            WHERE end_date IS NULL AND worker_id IS NOT NULL GROUP BY worker_id
            """).all(decoding: LoadRow.self)
    }

    /// Children allocated to a worker, and waiting unallocated in a team, on the last day of each
    /// month: one pass over the allocations open at any time in the window.
    static func allocatedAtMonthEnds(_ months: [TrendMonth], on db: any SQLDatabase) async throws -> [(allocated: Int, unallocated: Int)] {
        guard let first = months.first?.first else { return [] }
        let columns: [SQLQueryString] = months.enumerated().map { index, month in
            let day = month.last.iso
            let open: SQLQueryString = "start_date <= \(bind: day) AND (end_date IS NULL OR end_date >= \(bind: day))"
            return "SUM(CASE WHEN \(open) AND worker_id IS NOT NULL THEN 1 ELSE 0 END) AS \(ident: "a\(index)"), "
                + "SUM(CASE WHEN \(open) AND worker_id IS NULL THEN 1 ELSE 0 END) AS \(ident: "u\(index)")"
        }
        let query: SQLQueryString = "SELECT " + columns.joined(separator: ", ")
            + " FROM \(ident: StoredAllocation.schema) WHERE end_date IS NULL OR end_date >= \(bind: first.iso)"
        guard let row = try await db.raw(query).first() else { return months.map { _ in (0, 0) } }
        return try months.indices.map { index in
            (try row.decode(column: "a\(index)", as: Int?.self) ?? 0, try row.decode(column: "u\(index)", as: Int?.self) ?? 0)
        }
    }

    /// Each allocation to a worker since `from` with the worker the child had before it (the last
    /// named one, across any time unallocated): a change of social worker when they differ.
    struct WorkerChange: Decodable, Sendable {
        let child_id: UUID
        let start_date: String
        let worker_id: UUID
        let previous: UUID?

        var isChange: Bool { previous != nil && previous != worker_id }
        var date: CivilDate? { CivilDate(iso: start_date) }
    }

    static func workerChanges(since from: CivilDate, on db: any SQLDatabase) async throws -> [WorkerChange] {
        try await db.raw("""
            SELECT a.child_id, a.start_date, a.worker_id,
                   (SELECT p.worker_id FROM \(ident: StoredAllocation.schema) p
                    WHERE p.child_id = a.child_id AND p.worker_id IS NOT NULL AND p.start_date < a.start_date
                    ORDER BY p.start_date DESC LIMIT 1) AS previous
            FROM \(ident: StoredAllocation.schema) a
            WHERE a.start_date >= \(bind: from.iso) AND a.worker_id IS NOT NULL
            """).all(decoding: WorkerChange.self)
    }
}
