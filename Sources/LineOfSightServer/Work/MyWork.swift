import Fluent
import Foundation
import LineOfSightCore
import SQLKit
import Vapor

/// "My work" (M2, M3): what is overdue and due in the next 10 working days across the children a
/// person is responsible for, most urgent first, with their open actions. A team manager sees their
/// team with counts per worker, the unallocated children, and the contact decisions and assessments
/// awaiting their authorisation; a head of service sees the counts per team of their service.
/// Every count links to the rows behind it.
struct MyWork: Sendable {
    enum Level: Sendable { case worker, team, service }

    /// What the address asks for: which rows, and which page of them.
    struct Filter: Sendable {
        var keep: WorkQueries.Keep
        /// The page of rows asked for (any number is safe: it is kept within the pages there are).
        var page: Int

        /// A worker's id, or `none` for the children with no allocated worker.
        init(_ query: FormInput) {
            keep = WorkQueries.Keep(workerID: query["worker"].flatMap(UUID.init(text:)), withoutWorker: query["worker"] == Self.noWorker,
                                    teamID: query["team"].flatMap(UUID.init(text:)), overdueOnly: query["status"] == "overdue")
            page = query.page
        }

        /// The address's query that `init` reads as `keep`: for the links that lead to those rows.
        static func query(_ keep: WorkQueries.Keep) -> [(String, String)] {
            var query: [(String, String)] = []
            if let worker = keep.workerID { query.append(("worker", worker.text)) }
            if keep.withoutWorker { query.append(("worker", noWorker)) }
            if let team = keep.teamID { query.append(("team", team.text)) }
            if keep.overdueOnly { query.append(("status", "overdue")) }
            return query
        }

        private static let noWorker = "none"
    }

    struct Count: Sendable {
        let id: UUID?
        let name: String
        let overdue: Int
        let dueSoon: Int

        init(id: UUID?, name: String, _ tally: Tally) {
            self.id = id
            self.name = name
            overdue = tally.overdue
            dueSoon = tally.total - tally.overdue
        }
    }

    /// How many open obligations are due by `until`, and how many of them are overdue.
    struct Tally: Sendable {
        var overdue = 0
        var total = 0

        mutating func add(_ group: WorkQueries.Group) {
            total += group.count
            if group.overdue { overdue += group.count }
        }
    }

    /// Everything due, counted in all, by worker and by team.
    struct Counted {
        var all = Tally()
        var byWorker: [UUID?: Tally] = [:]
        var byTeam: [UUID?: Tally] = [:]

        init(_ groups: [WorkQueries.Group]) {
            for group in groups {
                all.add(group)
                byWorker[group.worker_id, default: Tally()].add(group)
                byTeam[group.team_id, default: Tally()].add(group)
            }
        }
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
    /// The active staff this person manages (a team manager or head of service), whose supervision
    /// sessions the page shows as the manager's own work.
    let supervisees: [StaffMember.Record]
    /// Their supervision sessions that meet the standard.
    let supervisionSessions: SupervisionFrequency.Sessions
    let filter: Filter
    let people: People

    static let windowWorkingDays = 10
    static let pageSize = 100

    var pageCount: Int { Paged<WorkQueries.Row>.pageCount(total: rowsTotal, size: Self.pageSize) }

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
        let whose: ChildScope.WayIn = switch level {
        // Someone without a staff record has no caseload: no teams, no work.
        case .worker: principal.staffID.map(ChildScope.WayIn.worker) ?? .teams([])
        case .team, .service: .teams(teams)
        }
        let bounds = StatusBounds(asOf: today, dueSoonDays: setup.standards.dueSoonDays)
        // The page of the work asked for and the counts of all of it, and for a team's manager (of
        // their one team) what awaits their authorisation and the team's children without a
        // worker, in one statement.
        let (work, page) = try await WorkQueries.work(whose, until: until, scope: scope, bounds: bounds, keep: filter.keep, page: filter.page,
                                                      pageSize: pageSize, managerOf: level == .team ? teams.first : nil, on: req.sql)
        let counted = Counted(work.groups)
        // A team's staff, for its counts by worker, name most of the workers its page shows; the
        // people a manager supervises, whose supervision is part of the manager's own work, are
        // read with them, and their supervision sessions with them.
        let teamsCounted = level == .team ? teams : []
        let supervisor = Role.supervisors.contains(principal.role) ? principal.staffID : nil
        let (staff, sessions) = try await SupervisionFrequency.staff(inTeams: teamsCounted, supervisedBy: supervisor, on: req.sql)
        let people = try await names(level: level, staff: staff, rows: work.rows, teams: teams, filter: filter, on: req.db)
        var counts: [Count] = []
        switch level {
        case .worker: break
        case .team:
            // Not a supervisee on another team.
            let teamStaff = staff.filter { member in member.teamID.map { teamsCounted.contains($0) } ?? false }
            counts = teamStaff.filter(\.jobRole.holdsCases).map { member in
                Count(id: member.id, name: member.fullName, counted.byWorker[member.id] ?? Tally())
            }
            if let unassigned = counted.byWorker[UUID?.none] {
                counts.append(Count(id: nil, name: "Children with no allocated worker", unassigned))
            }
        case .service:
            counts = teams.sorted { (people.teams[$0.text] ?? "") < (people.teams[$1.text] ?? "") }.map { team in
                Count(id: team, name: people.teams[team.text] ?? "A team", counted.byTeam[team] ?? Tally())
            }
        }
        var actions: [WorkQueries.Row] = []
        if level == .worker, let owner = principal.staffID {
            actions = try await WorkQueries.actions(ownedBy: owner, scope: scope, bounds: bounds, on: req.sql)
        }
        return MyWork(level: level, until: until, today: today, dueSoonDays: setup.standards.dueSoonDays, rows: work.rows, rowsTotal: work.kept,
                      page: page, overdue: counted.all.overdue, notOverdue: counted.all.total - counted.all.overdue, actions: actions,
                      counts: counts, unallocated: work.unallocated, unallocatedTotal: work.unallocatedTotal, awaitingAuthorisation: work.awaiting,
                      supervisees: supervisor.map { id in staff.filter { $0.managerID == id } } ?? [], supervisionSessions: sessions,
                      filter: filter, people: people)
    }

    /// The names the page shows: a team's staff and the reader's supervisees, already read, and
    /// then only the others, read here: the workers beside a team's or a service's rows, and the
    /// teams counted. A worker or team chosen by id is named only as one of those: anyone else's,
    /// asked for in the address, is "this worker" or "this team", not named to someone with no
    /// work of theirs to see.
    private static func names(level: Level, staff: [StaffMember.Record], rows: [WorkQueries.Row], teams: Set<UUID>, filter: Filter,
                              on db: any Database) async throws -> People {
        var known = People()
        for member in staff { known.staff[member.id.text] = member.fullName }
        let shown = level == .worker ? [] : rows.compactMap(\.worker_id)
        let namedTeams = (level == .service ? teams : []).union([filter.keep.teamID].compactMap { $0 }.filter(teams.contains))
        return try await People.load(staff: Set(shown), teams: namedTeams, knowing: known, on: db)
    }

    func status(_ row: WorkQueries.Row) -> ObligationStatus {
        row.status(StatusBounds(asOf: today, dueSoonDays: dueSoonDays))
    }

    /// Every child the page names, for the audit trail.
    var childrenShown: [UUID] {
        Array(Set(rows.map(\.child_id) + actions.map(\.child_id) + unallocated.map(\.id) + awaitingAuthorisation.map(\.childID)))
    }
}
