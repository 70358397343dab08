import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// "My work" (M2, M3): what is overdue and due in the next 10 working days across the children a
/// person is responsible for, most urgent first, with their open actions. A team manager sees their
/// team with counts per worker, the unallocated children, and the contact decisions and assessments
/// awaiting their authorisation; a head of service sees the counts per team of their service.
/// Every count links to the rows behind it.
struct MyWork: Sendable {
    enum Level: Sendable { case worker, team, service }

    struct Filter: Sendable {
        var workerID: UUID?
        var teamID: UUID?
        var overdueOnly: Bool
        /// The page of rows asked for (any number is safe: it is kept within the pages there are).
        var page: Int

        init(_ query: FormInput) {
            workerID = query["worker"].flatMap(UUID.init(text:))
            teamID = query["team"].flatMap(UUID.init(text:))
            overdueOnly = query["status"] == "overdue"
            page = query["page"].flatMap { Int($0) } ?? 1
        }

        init() { overdueOnly = false; page = 1 }
    }

    struct Count: Sendable {
        let id: UUID?
        let name: String
        let overdue: Int
        let dueSoon: Int
    }

    let level: Level
    let until: CivilDate
    let today: CivilDate
    let dueSoonDays: Int
    /// One page of everything open and due by `until` (after the filter), most urgent first.
    let rows: [WorkQueries.Row]
    /// How many rows the filter gives in all, and which page `rows` is.
    let rowsTotal: Int
    let page: Int
    /// Everything open and due by `until`, unfiltered: overdue, and due but not yet overdue.
    let overdue: Int
    let notOverdue: Int
    /// Open actions owned by this person, whenever they are due.
    let actions: [WorkQueries.Row]
    let counts: [Count]
    let unallocated: [ChildListRow]
    let unallocatedTotal: Int
    let awaitingAuthorisation: [WorkQueries.Awaiting]
    let filter: Filter
    let people: People

    static let windowWorkingDays = 10
    static let pageSize = 100

    var pageCount: Int { max(1, (rowsTotal + Self.pageSize - 1) / Self.pageSize) }

    static func load(_ req: Request) async throws -> MyWork {
        let principal = try req.requirePrincipal()
        let setup = req.application.standards
        let today = req.today
        let until = setup.calendar.adding(workingDays: windowWorkingDays, to: today)
        let scope = try req.childScope()
        let filter = Filter(req.queryParameters)
        let level: Level = switch principal.role {
        case .teamManager: .team
        case .headOfService: .service
        default: .worker
        }
        let teams = try await ChildScope.responsibleTeams(of: principal, on: req.db)
        let whose: WorkQueries.Whose = switch level {
        case .worker: .worker(principal.staffID ?? UUID())
        case .team, .service: .teams(teams)
        }
        let bounds = StatusBounds(asOf: today, dueSoonDays: setup.standards.dueSoonDays)
        let tallies = try await WorkQueries.tally(whose, until: until, scope: scope, bounds: bounds, on: req.sql)
        // The rows the filter asks for, one page of them; the tally says how many there are.
        let narrowed = tallies.filter { tally in
            (filter.workerID.map { tally.worker_id == $0 } ?? true) && (filter.teamID.map { tally.team_id == $0 } ?? true)
        }
        let rowsTotal = narrowed.reduce(0) { $0 + (filter.overdueOnly ? $1.overdue : $1.total) }
        let page = min(max(1, filter.page), max(1, (rowsTotal + pageSize - 1) / pageSize))
        let rows = try await WorkQueries.due(whose, narrowedTo: filter.workerID, team: filter.teamID, overdueOnly: filter.overdueOnly, until: until,
                                             scope: scope, bounds: bounds, limit: pageSize, offset: (page - 1) * pageSize, on: req.sql)
        // Only the names the page shows: the teams counted or chosen, and the workers of its rows.
        let people = try await People.load(staff: Set(rows.compactMap(\.worker_id) + [filter.workerID].compactMap { $0 }),
                                           teams: teams.union([filter.teamID].compactMap { $0 }), on: req.db)
        func count(_ id: UUID?, _ name: String, _ theirs: [WorkQueries.Tally]) -> Count {
            Count(id: id, name: name, overdue: theirs.reduce(0) { $0 + $1.overdue }, dueSoon: theirs.reduce(0) { $0 + $1.notOverdue })
        }
        var counts: [Count] = []
        switch level {
        case .worker: break
        case .team:
            let staff = try await StaffMember.query(on: req.db).filter(\.$team.$id ~~ teams).filter(\.$active == true).sortedByName().all()
            counts = staff.filter { $0.jobRole.holdsCases }.map { member in count(member.id, member.fullName, tallies.filter { $0.worker_id == member.id }) }
            let unassigned = tallies.filter { $0.worker_id == nil }
            if !unassigned.isEmpty { counts.append(count(nil, "Children with no allocated worker", unassigned)) }
        case .service:
            counts = teams.sorted { (people.teams[$0.text] ?? "") < (people.teams[$1.text] ?? "") }.map { team in
                count(team, people.teams[team.text] ?? "A team", tallies.filter { $0.team_id == team })
            }
        }
        var actions: [WorkQueries.Row] = []
        if level == .worker, let owner = principal.staffID {
            actions = try await WorkQueries.actions(ownedBy: owner, scope: scope, bounds: bounds, on: req.sql)
        }
        var unallocated: [ChildListRow] = []
        var unallocatedTotal = 0
        if level == .team, let team = teams.first {
            let page = try await ChildDirectory.page(ChildFilter(teamID: team, unallocatedOnly: true), scope: scope, page: 1, on: req.sql)
            (unallocated, unallocatedTotal) = (page.rows, page.total)
        }
        let awaiting = level == .team
            ? (try await WorkQueries.awaitingAuthorisation(teams: teams, scope: scope, on: req.sql)
                + WorkQueries.transfersAwaiting(teams: teams, scope: scope, on: req.sql)).sorted { ($0.since, $0.eventID) < ($1.since, $1.eventID) }
            : []
        return MyWork(level: level, until: until, today: today, dueSoonDays: setup.standards.dueSoonDays, rows: rows, rowsTotal: rowsTotal,
                      page: page, overdue: tallies.reduce(0) { $0 + $1.overdue }, notOverdue: tallies.reduce(0) { $0 + $1.notOverdue }, actions: actions,
                      counts: counts, unallocated: unallocated, unallocatedTotal: unallocatedTotal, awaitingAuthorisation: awaiting,
                      filter: filter, people: people)
    }

    func status(_ row: WorkQueries.Row) -> ObligationStatus {
        row.status(StatusBounds(asOf: today, dueSoonDays: dueSoonDays))
    }

    /// Every child the page names, for the audit trail.
    var childrenShown: [UUID] {
        Array(Set(rows.map(\.child_id) + actions.map(\.child_id) + unallocated.map(\.id) + awaitingAuthorisation.map(\.childID)))
    }
}
