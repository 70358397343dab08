import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// The reads behind the caseload and workforce page: each a single statement over a whole table
/// (grouped in SQL where the table is large), so the page costs the same for 10 workers or 1,000.
enum CaseloadQueries {
    /// Every member of staff, leavers included (the trend counts them in the months they worked).
    struct StaffRow: Sendable {
        let id: UUID
        let name: String
        let job_role: JobRole
        let team_id: UUID?
        let fte: Double
        let agency: Bool
        let newly_qualified: Bool
        let active: Bool
        let started: CivilDate?
        let left: CivilDate?

        /// Read column by column, the dates once: the page asks of every member of staff whether they
        /// were in post at the end of each of 12 months.
        init(_ c: Columns) throws {
            id = try c.uuid("id"); name = try c.text("first_name") + " " + c.text("last_name")
            job_role = try c.code("job_role", as: JobRole.self); team_id = try c.uuid(ifAny: "team_id"); fte = try c.double("fte"); agency = try c.bool("agency")
            newly_qualified = try c.bool("newly_qualified"); active = try c.bool("active")
            started = try c.date(ifAny: "start_date"); left = try c.date(ifAny: "leaving_date")
        }

        /// In post on `day`: started by then (or start not recorded) and not yet gone.
        func inPost(on day: CivilDate) -> Bool {
            if let started, started > day { return false }
            if let left { return left >= day }
            return active
        }
    }

    /// The staff of `teams` (nil: everyone, those in no team too).
    static func staff(teams: Set<UUID>? = nil, on db: any SQLDatabase) async throws -> [StaffRow] {
        guard teams?.isEmpty != true else { return [] }
        let query = db.select()
            .columns("id", "first_name", "last_name", "job_role", "team_id", "fte", "agency", "newly_qualified", "active", "start_date", "leaving_date")
            .from(StaffMember.schema)
        if let teams { query.where("team_id", .in, SQLBind.group(teams.sorted())) }
        return try await query.orderBy("last_name").orderBy("first_name").orderBy("id").all(reading: StaffRow.init)
    }

    /// Children allocated to each worker now, by the stage of their journey when `byStage` (for
    /// weighted caseloads), otherwise one row a worker with a nil stage.
    struct LoadRow: Decodable, Sendable {
        let worker_id: UUID
        let stage: String?
        let n: Int
    }

    /// With `teams`, only the caseloads of those teams' staff (nil: everyone's), whichever team
    /// each child is allocated in.
    static func caseloads(byStage: Bool, teams: Set<UUID>? = nil, on db: any SQLDatabase) async throws -> [LoadRow] {
        guard teams?.isEmpty != true else { return [] }
        let ofStaff: SQLQueryString = teams.map { " AND worker_id IN (SELECT id FROM \(ident: StaffMember.schema) WHERE team_id IN (\(binds: $0.sorted())))" } ?? ""
        if byStage {
            return try await db.raw("""
                SELECT a.worker_id, s.stage, COUNT(*) AS n FROM \(ident: StoredAllocation.schema) a
                LEFT JOIN \(ident: DerivedRows.states) s ON s.child_id = a.child_id
                WHERE a.end_date IS NULL AND a.worker_id IS NOT NULL\(ofStaff) GROUP BY a.worker_id, s.stage
                """).all(decoding: LoadRow.self)
        }
        return try await db.raw("""
            SELECT worker_id, NULL AS stage, COUNT(*) AS n FROM \(ident: StoredAllocation.schema)
            WHERE end_date IS NULL AND worker_id IS NOT NULL\(ofStaff) GROUP BY worker_id
            """).all(decoding: LoadRow.self)
    }

    /// Children allocated to a worker, and waiting unallocated in a team, on the last day of each
    /// month. An allocation is open on day d when it started by d and had not ended before d, so
    /// open(d) = open now − those starting after d + those ending on or after d: read as the open
    /// allocations now (their own index) and the starts and ends since the window opened, counted
    /// per day (the start and end indexes), rather than testing every allocation against every month.
    /// With `teams`, only allocations to those teams count (nil: every team).
    static func allocatedAtMonthEnds(_ months: [TrendMonth], teams: Set<UUID>? = nil,
                                     on db: any SQLDatabase) async throws -> [(allocated: Int, unallocated: Int)] {
        guard let first = months.first?.first else { return [] }
        guard teams?.isEmpty != true else { return months.map { _ in (0, 0) } }
        struct Row: Decodable { let kind: String; let day: String?; let unallocated: Int; let n: Int }
        let table = StoredAllocation.schema
        let unallocated: SQLQueryString = "CASE WHEN worker_id IS NULL THEN 1 ELSE 0 END"
        let inTeams = teamCondition(teams)
        let rows = try await db.raw("""
            SELECT 'open' AS kind, NULL AS day, \(unallocated) AS unallocated, COUNT(*) AS n FROM \(ident: table)
                WHERE end_date IS NULL\(inTeams) GROUP BY \(unallocated)
            UNION ALL SELECT 'start', start_date, \(unallocated), COUNT(*) FROM \(ident: table)
                WHERE start_date >= \(bind: first.iso)\(inTeams) GROUP BY start_date, \(unallocated)
            UNION ALL SELECT 'end', end_date, \(unallocated), COUNT(*) FROM \(ident: table)
                WHERE end_date >= \(bind: first.iso)\(inTeams) GROUP BY end_date, \(unallocated)
            """).all(decoding: Row.self)
        return months.map { month in
            let day = month.last.iso
            func open(unallocated: Int) -> Int {
                rows.reduce(0) { total, row in
                    guard row.unallocated == unallocated else { return total }
                    switch row.kind {
                    case "open": return total + row.n
                    case "start" where (row.day ?? "") > day: return total - row.n
                    case "end" where (row.day ?? "") >= day: return total + row.n
                    default: return total
                    }
                }
            }
            return (open(unallocated: 0), open(unallocated: 1))
        }
    }

    /// Changes of social worker (allocations marked by `AllocationHistory.markChangesOfWorker`),
    /// counted in SQL from their index (thousands start in a year): per month since `from`, and
    /// since `yearFrom` in all, the children they happened to, and those with two or more.
    struct WorkerChanges: Sendable {
        var byMonth: [String: Int] = [:]
        var total = 0
        var children = 0
        var repeated = 0
    }

    /// With `teams`, only the changes to a worker of those teams count (nil: every team).
    static func workerChanges(since from: CivilDate, yearFrom: CivilDate, teams: Set<UUID>? = nil,
                              on db: any SQLDatabase) async throws -> WorkerChanges {
        guard teams?.isEmpty != true else { return WorkerChanges() }
        struct Row: Decodable { let kind: String; let month: String?; let n: Int }
        let table = StoredAllocation.schema
        // Read once (`MATERIALIZED`) by the index of changes by team: written into each part that
        // reads it, SQLite chose the index of every team's changes for all but the first, and the
        // statement took 27 ms instead of half a millisecond for a head of service's five teams.
        let rows = try await db.raw("""
            WITH changes AS MATERIALIZED (
                SELECT child_id, start_date FROM \(ident: table)
                WHERE changes_worker = \(true) AND start_date >= \(bind: from.iso)\(teamCondition(teams)))
            SELECT 'month' AS kind, substr(start_date, 1, 7) AS month, COUNT(*) AS n FROM changes GROUP BY substr(start_date, 1, 7)
            UNION ALL SELECT 'total', NULL, COUNT(*) FROM changes WHERE start_date >= \(bind: yearFrom.iso)
            UNION ALL SELECT 'children', NULL, COUNT(DISTINCT child_id) FROM changes WHERE start_date >= \(bind: yearFrom.iso)
            UNION ALL SELECT 'repeated', NULL, COUNT(*) FROM (SELECT child_id FROM changes WHERE start_date >= \(bind: yearFrom.iso)
                GROUP BY child_id HAVING COUNT(*) >= 2) r
            """).all(decoding: Row.self)
        var changes = WorkerChanges()
        for row in rows {
            switch row.kind {
            case "month": changes.byMonth[row.month ?? ""] = row.n
            case "total": changes.total = row.n
            case "children": changes.children = row.n
            default: changes.repeated = row.n
            }
        }
        return changes
    }

    /// ` AND team_id IN (…)` for the teams given, nothing for every team.
    private static func teamCondition(_ teams: Set<UUID>?) -> SQLQueryString {
        guard let teams else { return "" }
        return " AND team_id IN (\(binds: teams.sorted()))"
    }
}
