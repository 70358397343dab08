import Foundation
import LineOfSightCore
import Fluent
import SQLKit

/// What the caseload and workforce page shows (docs/workforce.md): each case holder's caseload
/// against their threshold, each team's establishment, and the authority's agency share,
/// vacancies, leavers and changes of social worker, now and month by month for a year.
struct WorkforceReport: Sendable {
    struct Worker: Sendable {
        let id: UUID
        let name: String
        let role: JobRole
        let team: Team?
        let fte: Double
        let agency: Bool
        let newlyQualified: Bool
        /// Children allocated to them, each counted by their stage's weight when the council weights caseloads.
        let caseload: Double
        let threshold: Double?

        var overThreshold: Bool { threshold.map { caseload > $0 } ?? false }
        /// Under half their threshold: room to take more, or a protected caseload.
        var light: Bool { threshold.map { caseload < $0 / 2 } ?? false }
    }

    struct TeamRow: Sendable {
        let summary: TeamSummary
        /// Full-time equivalent of everyone in the team now.
        let inPost: Double
        let agencyFTE: Double
        let overThreshold: Int

        var vacancies: Double { max(0, summary.team.fundedFTE - inPost) }
        var agencyShare: Double? { inPost > 0 ? agencyFTE / inPost : nil }
    }

    struct Month: Sendable {
        let month: TrendMonth
        let allocated: Int
        let unallocated: Int
        let inPost: Double
        let agencyFTE: Double
        /// The funded posts, and those no one fills, at the month's end.
        let fundedPosts: Double
        let vacancies: Double
        let leavers: Int
        let changes: Int

        var agencyShare: Double? { inPost > 0 ? agencyFTE / inPost : nil }
        /// The vacancies' share of the funded posts; nil with no posts funded.
        var vacancyRate: Double? { fundedPosts > 0 ? vacancies / fundedPosts : nil }
    }

    let standard: CaseloadStandard
    let workers: [Worker]
    let teams: [TeamRow]
    let months: [Month]
    /// Leavers whose last day was in the last 12 months.
    let leavers: Int
    /// Changes of social worker in the last 12 months, and the children they happened to.
    let changes: Int
    let childrenWithChange: Int
    let childrenWithTwoOrMore: Int

    var allocated: Int { teams.reduce(0) { $0 + $1.summary.children - $1.summary.unallocated } }
    var unallocated: Int { teams.reduce(0) { $0 + $1.summary.unallocated } }
    var fundedPosts: Double { teams.reduce(0) { $0 + $1.summary.team.fundedFTE } }
    var vacancies: Double { teams.reduce(0) { $0 + $1.vacancies } }
    var current: Month? { months.last }

    /// The figures of the teams `authority` answers for (a head of service's own service; the whole
    /// authority for directors): their staff, their children's allocations and changes of worker.
    static func load(standards: LocalStandards, today: CivilDate, authority: WorkforceAuthority = .wholeAuthority,
                     on database: any Database) async throws -> WorkforceReport {
        let db = database.sql
        let standard = CaseloadStandard(standards)
        let trend = TrendMonth.lastTwelve(endingOn: today)
        let yearAgo = TrendMonth.yearBefore(today)
        // Read at once: none depends on another, and on PostgreSQL each takes a connection of its own.
        async let allSummaries = Workforce.teamSummaries(on: database)
        async let staffRows = CaseloadQueries.staff(teams: authority.teams, on: db)
        async let loadRows = CaseloadQueries.caseloads(byStage: standard.weighted, teams: authority.teams, on: db)
        async let monthEnds = CaseloadQueries.allocatedAtMonthEnds(trend, teams: authority.teams, on: db)
        async let posts = FundedPostsHistory.load(on: db)
        async let workerChanges = CaseloadQueries.workerChanges(since: min(yearAgo, trend[0].first), yearFrom: yearAgo, teams: authority.teams, on: db)
        let summaries = try await allSummaries.filter { authority.covers(teamID: $0.team.id) }
        let (staff, loads, allocations) = try await (staffRows, loadRows, monthEnds)
        let (establishment, changes) = try await (posts, workerChanges)

        var caseloads: [UUID: Double] = [:]
        for load in loads {
            let weight = load.stage.flatMap(ChildState.Stage.init(rawValue:)).map(standard.weight) ?? 1
            caseloads[load.worker_id, default: 0] += weight * Double(load.n)
        }
        let teamsByID = Dictionary(uniqueKeysWithValues: summaries.compactMap { summary in summary.team.id.map { ($0, summary.team) } })
        let workers = staff.filter { $0.job_role.holdsCases && $0.inPost(on: today) }.map { row in
            let team = row.team_id.flatMap { teamsByID[$0] }
            return Worker(id: row.id, name: row.name, role: row.job_role, team: team, fte: row.fte, agency: row.agency,
                          newlyQualified: row.newly_qualified, caseload: caseloads[row.id] ?? 0,
                          threshold: team.flatMap { standard.threshold(service: $0.service.rawValue, newlyQualified: row.newly_qualified, fte: row.fte) })
        }
        let teams = summaries.map { summary in
            let members = staff.filter { $0.team_id == summary.team.id && $0.inPost(on: today) }
            return TeamRow(summary: summary, inPost: members.reduce(0) { $0 + $1.fte },
                           agencyFTE: members.filter(\.agency).reduce(0) { $0 + $1.fte },
                           overThreshold: workers.filter { $0.team?.id == summary.team.id && $0.overThreshold }.count)
        }
        let months = trend.enumerated().map { index, month in
            // The posts funded at the month's end, from each team's history.
            let funded = summaries.compactMap(\.team.id).reduce(0) { $0 + establishment.fundedFTE(of: $1, on: month.last) }
            let inPost = staff.filter { $0.team_id != nil && $0.inPost(on: month.last) }
            let fte = inPost.reduce(0) { $0 + $1.fte }
            return Month(month: month, allocated: allocations[index].allocated, unallocated: allocations[index].unallocated,
                         inPost: fte, agencyFTE: inPost.filter(\.agency).reduce(0) { $0 + $1.fte }, fundedPosts: funded, vacancies: max(0, funded - fte),
                         leavers: staff.filter { $0.left.map { month.first <= $0 && $0 <= month.last } ?? false }.count,
                         changes: changes.byMonth[String(month.first.iso.prefix(7))] ?? 0)
        }
        return WorkforceReport(standard: standard, workers: workers, teams: teams, months: months,
                               leavers: staff.filter { $0.left.map { yearAgo <= $0 && $0 <= today } ?? false }.count,
                               changes: changes.total, childrenWithChange: changes.children, childrenWithTwoOrMore: changes.repeated)
    }
}
