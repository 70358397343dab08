import Fluent
import Foundation
import SQLKit

/// Caseload and team figures, computed in SQL over the open allocations.
struct TeamSummary: Sendable {
    let team: Team
    let children: Int
    let unallocated: Int
    let caseHolders: Int
    let caseHoldingFTE: Double

    /// Allocated children per full-time-equivalent case holder.
    var averageCaseload: Double { caseHoldingFTE > 0 ? Double(children - unallocated) / caseHoldingFTE : 0 }
}

enum Workforce {
    /// Current caseload per worker (children allocated to them now), for the team and staff pages.
    static func caseloads(on db: any Database) async throws -> [UUID: Int] {
        struct Row: Decodable { let worker_id: UUID; let n: Int }
        let rows = try await db.sql.select()
            .column("worker_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(StoredAllocation.schema)
            .where("end_date", .is, SQLLiteral.null)
            .where("worker_id", .isNot, SQLLiteral.null)
            .groupBy("worker_id")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.worker_id, $0.n) })
    }

    /// Every team with its open allocations and its active case holders counted, in one statement:
    /// the home page shows this to everyone on every visit. Each team's children are counted in the
    /// indexes by team (`allocations_team`, `allocations_open_team_worker`): grouping every open
    /// allocation by team instead made SQLite read each from the table (28 ms rather than 5 at 15,000
    /// children).
    static func teamSummaries(on db: any Database) async throws -> [TeamSummary] {
        struct Row: Decodable {
            let id: UUID, name: String, service: Service, head_of_service_id: UUID?, funded_fte: Double
            let children: Int, unallocated: Int, case_holders: Int, case_holding_fte: Double
        }
        let caseHolding = JobRole.allCases.filter(\.holdsCases).map(\.rawValue)
        let rows = try await db.sql.raw("""
            SELECT t.id, t.name, t.service, t.head_of_service_id, t.funded_fte,
                   (SELECT COUNT(*) FROM \(ident: StoredAllocation.schema) a WHERE a.team_id = t.id AND a.end_date IS NULL) AS children,
                   (SELECT COUNT(*) FROM \(ident: StoredAllocation.schema) a
                    WHERE a.team_id = t.id AND a.end_date IS NULL AND a.worker_id IS NULL) AS unallocated,
                   COALESCE(h.case_holders, 0) AS case_holders, COALESCE(h.fte, 0.0) AS case_holding_fte
            FROM \(ident: Team.schema) t
            LEFT JOIN (SELECT team_id, COUNT(*) AS case_holders, SUM(fte) AS fte
                       FROM \(ident: StaffMember.schema) WHERE active = \(bind: true) AND job_role IN (\(binds: caseHolding)) GROUP BY team_id) h
                   ON h.team_id = t.id
            ORDER BY t.name
            """).all(decoding: Row.self)
        return rows.map { row in
            TeamSummary(team: Team(id: row.id, name: row.name, service: row.service, headOfServiceID: row.head_of_service_id, fundedFTE: row.funded_fte),
                        children: row.children, unallocated: row.unallocated, caseHolders: row.case_holders, caseHoldingFTE: row.case_holding_fte)
        }
    }

    /// Every team's id and name, by name: the choices of a team filter.
    static func teamNames(on db: any SQLDatabase) async throws -> [TeamName] {
        try await db.select().column("id").column("name").from(Team.schema).orderBy("name")
            .all { TeamName(id: try $0.uuid("id"), name: try $0.text("name")) }
    }
}

extension Workforce {
    /// Active staff in these job roles (in a team, if given), by name: the choices of a worker,
    /// adviser or reviewing officer filter.
    static func staffNames(_ roles: [JobRole], team: UUID? = nil, on db: any SQLDatabase) async throws -> [(id: UUID, name: String)] {
        struct Row: Decodable { let id: UUID; let first_name: String; let last_name: String }
        let query = db.select().columns("id", "first_name", "last_name").from(StaffMember.schema)
            .where("active", .equal, SQLBind(true)).where("job_role", .in, SQLBind.group(roles.map(\.rawValue)))
        if let team { query.where("team_id", .equal, SQLBind(team)) }
        return try await query.orderBy("last_name").orderBy("first_name").all(decoding: Row.self)
            .map { ($0.id, $0.first_name + " " + $0.last_name) }
    }
}

struct TeamName: Sendable {
    let id: UUID
    let name: String
}
