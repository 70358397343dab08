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

        init(_ query: FormInput) {
            workerID = query["worker"].flatMap(UUID.init(uuidString:))
            teamID = query["team"].flatMap(UUID.init(uuidString:))
            overdueOnly = query["status"] == "overdue"
        }

        init() { overdueOnly = false }
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
    /// Everything open and due by `until` (after the filter), most urgent first.
    let rows: [WorkQueries.Row]
    /// Open actions owned by this person, whenever they are due.
    let actions: [WorkQueries.Row]
    let counts: [Count]
    let unallocated: [ChildListRow]
    let unallocatedTotal: Int
    let awaitingAuthorisation: [WorkQueries.Awaiting]
    let filter: Filter
    let people: People

    static let windowWorkingDays = 10

    static func load(_ req: Request) async throws -> MyWork {
        let principal = try req.requirePrincipal()
        let setup = req.application.standards
        let today = req.today
        let until = setup.calendar.adding(workingDays: windowWorkingDays, to: today)
        let scope = try await req.childScope()
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
        let all = try await WorkQueries.due(whose, until: until, actionsOf: principal.staffID, scope: scope, today: today,
                                            dueSoonDays: setup.standards.dueSoonDays, on: req.sql)
        let bounds = StatusBounds(asOf: today, dueSoonDays: setup.standards.dueSoonDays)
        let status = { (row: WorkQueries.Row) in row.status(bounds) }
        let mine = all.filter { row in
            switch whose {
            case let .worker(id): row.worker_id == id
            case let .teams(ids): row.team_id.map(ids.contains) ?? false
            }
        }
        let people = try await People.load(on: req.db)
        var counts: [Count] = []
        switch level {
        case .worker: break
        case .team:
            let staff = try await StaffMember.query(on: req.db).filter(\.$team.$id ~~ teams).filter(\.$active == true).sortedByName().all()
            counts = staff.filter { $0.jobRole.holdsCases }.map { member in
                let theirs = mine.filter { $0.worker_id == member.id }
                return Count(id: member.id, name: member.fullName, overdue: theirs.filter { status($0) == .overdue }.count,
                             dueSoon: theirs.filter { status($0) != .overdue }.count)
            }
            let unassigned = mine.filter { $0.worker_id == nil }
            if !unassigned.isEmpty {
                counts.append(Count(id: nil, name: "Children with no allocated worker", overdue: unassigned.filter { status($0) == .overdue }.count,
                                    dueSoon: unassigned.filter { status($0) != .overdue }.count))
            }
        case .service:
            counts = teams.sorted { (people.teams[$0.uuidString] ?? "") < (people.teams[$1.uuidString] ?? "") }.map { team in
                let theirs = mine.filter { $0.team_id == team }
                return Count(id: team, name: people.teams[team.uuidString] ?? "A team", overdue: theirs.filter { status($0) == .overdue }.count,
                             dueSoon: theirs.filter { status($0) != .overdue }.count)
            }
        }
        var rows = mine
        if let worker = filter.workerID { rows = rows.filter { $0.worker_id == worker } }
        if let team = filter.teamID { rows = rows.filter { $0.team_id == team } }
        if filter.overdueOnly { rows = rows.filter { status($0) == .overdue } }
        let actions = level == .worker ? all.filter { $0.ruleID == .action && $0.responsible_worker == principal.staffID?.uuidString } : []
        var unallocated: [ChildListRow] = []
        var unallocatedTotal = 0
        if level == .team, let team = teams.first {
            let page = try await ChildDirectory.page(ChildFilter(teamID: team, unallocatedOnly: true), scope: scope, page: 1, on: req.sql)
            (unallocated, unallocatedTotal) = (page.rows, page.total)
        }
        let awaiting = level == .team ? try await WorkQueries.awaitingAuthorisation(teams: teams, scope: scope, on: req.sql) : []
        return MyWork(level: level, until: until, today: today, dueSoonDays: setup.standards.dueSoonDays, rows: rows, actions: actions,
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
