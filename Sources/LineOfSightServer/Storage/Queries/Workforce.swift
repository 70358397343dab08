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

    static func teamSummaries(on db: any Database) async throws -> [TeamSummary] {
        struct Count: Decodable { let team_id: UUID; let children: Int; let unallocated: Int }
        let counts = try await db.sql.select()
            .column("team_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "children")
            .column(SQLRaw("SUM(CASE WHEN worker_id IS NULL THEN 1 ELSE 0 END)"), as: "unallocated")
            .from(StoredAllocation.schema)
            .where("end_date", .is, SQLLiteral.null)
            .groupBy("team_id")
            .all(decoding: Count.self)
        let byTeam = Dictionary(uniqueKeysWithValues: counts.map { ($0.team_id, $0) })
        let teams = try await Team.query(on: db).sort(\.$name).all()
        let staff = try await StaffMember.query(on: db).filter(\.$active == true).all()
        return teams.map { team in
            let holders = staff.filter { $0.$team.id == team.id && $0.jobRole.holdsCases }
            let count = team.id.flatMap { byTeam[$0] }
            return TeamSummary(team: team, children: count?.children ?? 0, unallocated: count?.unallocated ?? 0,
                               caseHolders: holders.count, caseHoldingFTE: holders.reduce(0) { $0 + $1.fte })
        }
    }
}
