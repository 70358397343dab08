import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// "My work" shows each person what is overdue and due soon for the children they answer for, and
/// every count leads to the rows behind it.
@Suite(.serialized) struct MyWorkTests {
    @Test func aWorkerSeesTheInitialConferenceDueAfterRecordingTheStrategyDiscussion() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let before = try await worker.get("/my-work").body.string
            #expect(!before.contains("Initial child protection conference"))
            _ = try await worker.get("/children/\(child.id!)/record/strategyDiscussions")
            _ = try await worker.post("/children/\(child.id!)/record/strategyDiscussions",
                                      JourneyTests.date("date", "2026-03-20").merging(["agencies": "police", "s47Initiated": "yes"]) { $1 })
            let after = try await worker.get("/my-work").body.string
            #expect(after.contains("Initial child protection conference") && after.contains("14 April 2026"))
            #expect(after.contains(child.fullName))
            let json = try await worker.get("/api/v1/me/work").body.string
            #expect(json.contains("cp.icpc") && json.contains("2026-04-14"))
        }
    }

    @Test func aManagerSeesCountsPerWorkerThatLeadToTheRows() async throws {
        try await withTestApp { app, demo in
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let page = try await manager.get("/my-work").body.string
            #expect(page.contains("By worker") && page.contains("Waiting for your authorisation") && page.contains("Children without an allocated worker"))
            let work = try await manager.get("/api/v1/me/work").body.string
            let decoded = try JSONDecoder().decode(APIWorkCheck.self, from: Data(work.utf8))
            let busiest = try #require(decoded.counts.filter { $0.id != nil }.max { $0.overdue < $1.overdue })
            #expect(busiest.overdue > 0, "the demo team has drift")
            let filtered = try await manager.get("/my-work?worker=\(busiest.id!)&status=overdue").body.string
            #expect(filtered.components(separatedBy: "govuk-tag--red").count - 1 == busiest.overdue)
            // The row of the children with no allocated worker leads to theirs: one of the busiest
            // worker's children with overdue work, allocated to the team without a worker.
            let busiestsWork = try await manager.get("/api/v1/me/work?worker=\(busiest.id!)&status=overdue").body.string
            let child = try #require(try JSONDecoder().decode(APIWorkCheck.self, from: Data(busiestsWork.utf8)).items.first?.childID)
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let today = app.clock.today
            _ = try await manager.get("/children/\(child)/allocate")
            let moved = try await manager.post("/children/\(child)/allocate", ["team": team.uuidString, "worker": "", "start-date-day": "\(today.day)",
                                                                              "start-date-month": "\(today.month)", "start-date-year": "\(today.year)"])
            #expect(moved.status == .seeOther)
            let after = try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await manager.get("/api/v1/me/work").body.string.utf8))
            let withoutWorker = try #require(after.counts.first { $0.id == nil })
            let counted = try await manager.get("/my-work").body.string
            #expect(withoutWorker.overdue > 0 && counted.contains("href=\"/my-work?worker=none&amp;status=overdue#due\""))
            let theirs = try await manager.get("/my-work?worker=none&status=overdue").body.string
            #expect(theirs.contains("Overdue for children with no allocated worker"))
            #expect(theirs.components(separatedBy: "govuk-tag--red").count - 1 == withoutWorker.overdue)
            var head = try await Visitor.signedIn(app, as: "head.of.service")
            #expect(try await head.get("/my-work").body.string.contains("By team"))
            var board = try await Visitor.signedIn(app, as: "board")
            #expect(try await board.get("/my-work").status == .forbidden)
        }
    }

    /// A team's rows come a page at a time, every row once, as many as the counts say; any page
    /// number asked for is safe.
    @Test func theRowsComeAPageAtATimeAndAddUpToTheCounts() async throws {
        try await withTestApp { app, demo in
            // More than a page: 150 actions for one child, due over the next few days.
            let child = try await JourneyTests.child(app, demo)
            let owner = try #require(demo.account(.socialWorker).staffID)
            let recorder = try #require(try await User.query(on: app.db).first()).requireID()
            for n in 0..<150 {
                let action = ActionRecord(description: "Action \(n)", ownerID: owner.uuidString, raised: testToday.adding(days: -30),
                                          due: testToday.adding(days: n % 5))
                try await StoredEvent(childID: child.requireID(), record: action, recordedBy: recorder, at: Date()).create(on: app.db)
            }
            try await ChildDerivation(setup: .defaults).rederive(childID: child.requireID(), dateOfBirth: child.dateOfBirth, on: app.db)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let first = try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await manager.get("/api/v1/me/work").body.string.utf8))
            #expect(first.itemsTotal == first.counts.reduce(0) { $0 + $1.overdue + $1.dueSoon })
            #expect(first.pageCount > 1, "more than a page: \(first.itemsTotal)")
            var seen: [String] = []
            for page in 1...first.pageCount {
                let work = try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await manager.get("/api/v1/me/work?page=\(page)").body.string.utf8))
                #expect(work.page == page)
                seen += work.items.map { $0.childID.uuidString + $0.obligationID }
            }
            #expect(seen.count == first.itemsTotal && Set(seen).count == seen.count)
            for page in ["0", "-1", "99999999999999999999", "9223372036854775807", "x"] {
                let response = try await manager.get("/my-work?page=\(page)")
                #expect(response.status == .ok, "page=\(page)")
            }
            // A number past the last page, however long, gives the last; one before the first, or
            // none, the first.
            for (asked, shown) in [("9223372036854775807", first.pageCount), ("99999999999999999999", first.pageCount), ("-5", 1), ("x", 1)] {
                let work = try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await manager.get("/api/v1/me/work?page=\(asked)").body.string.utf8))
                #expect(work.page == shown, "page=\(asked)")
            }
        }
    }

    /// A manager or head of service not yet given a team has no team's work to see: the page says
    /// so, on PostgreSQL too (which refuses a statement asking for the children of no teams).
    @Test func aManagerWithNoTeamSeesNothingDue() async throws {
        try await withTestApp { app, _ in
            for (username, role, jobRole) in [("no.team", Role.teamManager, JobRole.teamManager), ("no.service", .headOfService, .headOfService)] {
                let member = StaffMember(firstName: "Alex", lastName: "Unplaced", jobRole: jobRole, teamID: nil, managerID: nil, fte: 1,
                                         agency: false, newlyQualified: false)
                try await member.create(on: app.db)
                try await User(username: username, displayName: member.fullName, passwordHash: try Bcrypt.hash(DemoAuthority.password, cost: 4),
                               role: role, staffID: member.id).create(on: app.db)
                var visitor = try await Visitor.signedIn(app, as: username)
                let page = try await visitor.get("/my-work")
                #expect(page.status == .ok, "\(username)")
                #expect(page.body.string.contains("Nothing is overdue or due by"), "\(username)")
                let work = try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await visitor.get("/api/v1/me/work").body.string.utf8))
                #expect(work.itemsTotal == 0 && work.items.isEmpty, "\(username)")
            }
        }
    }

    /// A page of a person's work and the counts of all of it, read in one statement with what
    /// awaits a team's manager (`WorkQueries.work`), are what all the work due, read row by row and
    /// counted here by the core's status rule, gives: for every filter a page offers and every
    /// page, the one past the last read as the last. What awaits the manager holds a contact just
    /// recorded, longest waiting first, and is not mixed into the rest; the team's children
    /// without a worker are those the list of children gives.
    @Test func aPageOfWorkAndItsCountsAreWhatAllTheWorkDueGives() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.recordedContact(app, demo).child
            let db = app.db.sql
            let manager = try #require(try await User.query(on: app.db).filter(\.$username == "team.manager").first())
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let today = app.clock.today
            let scope = ChildScope(teamID: team, grantsOf: manager.id, today: today)
            let bounds = StatusBounds(asOf: today, dueSoonDays: 5), until = today.adding(days: 14)
            // One child's worker taken off their allocation: their work is counted as no one's.
            let allocated = try await WorkQueries.dueQuery(.teams([team]), until: until, scope: scope, bounds: bounds, on: db)
                .all(reading: WorkQueries.Row.init).filter { $0.worker_id != nil }
            let orphan = try #require(allocated.first?.child_id)
            try await db.update(StoredAllocation.schema).set("worker_id", to: SQLLiteral.null)
                .where("child_id", .equal, SQLBind(orphan)).where("end_date", .is, SQLLiteral.null).run()
            // Sorted here as the database sorts them: the test databases compare text byte by byte.
            let all = try await WorkQueries.dueQuery(.teams([team]), until: until, scope: scope, bounds: bounds, on: db)
                .all(reading: WorkQueries.Row.init)
                .sorted { ($0.due, $0.last_name, $0.id) < ($1.due, $1.last_name, $1.id) }
            let statuses = Set(all.map { $0.status(bounds) })
            let worker = try #require(all.compactMap(\.worker_id).first)
            #expect(all.count > 12 && statuses.contains(.overdue) && statuses.count > 1)
            #expect(all.contains { $0.worker_id == nil })
            var expectedGroups: [String: Int] = [:]
            for row in all { expectedGroups["\(row.team_id.map(\.text) ?? "-") \(row.worker_id.map(\.text) ?? "-") \(row.status(bounds) == .overdue)", default: 0] += 1 }
            // The team's children without a worker, as the list of children gives them.
            let unallocated = try await ChildDirectory.page(ChildFilter(teamID: team, unallocatedOnly: true), scope: scope, page: 1, on: db)
            #expect(!unallocated.rows.isEmpty)
            let size = 5
            for keep in [WorkQueries.Keep(), .init(overdueOnly: true), .init(workerID: worker), .init(workerID: worker, overdueOnly: true),
                         .init(withoutWorker: true), .init(teamID: team), .init(teamID: UUID())] {
                let kept = all.filter { row in
                    (!keep.overdueOnly || row.status(bounds) == .overdue) && (keep.workerID.map { $0 == row.worker_id } ?? true)
                        && (!keep.withoutWorker || row.worker_id == nil) && (keep.teamID.map { $0 == row.team_id } ?? true)
                }
                let last = max(1, (kept.count + size - 1) / size)
                for asked in [1, 2, last, last + 1, Int.max] {
                    let (work, page) = try await WorkQueries.work(.teams([team]), until: until, scope: scope, bounds: bounds, keep: keep,
                                                                  page: asked, pageSize: size, managerOf: team, on: db)
                    #expect(page == min(asked, last) && work.kept == kept.count, "\(keep) \(asked)")
                    let expected = kept.dropFirst((page - 1) * size).prefix(size)
                    // Rows due the same day to children of the same surname are in no order the test knows.
                    #expect(work.rows.map { "\($0.due) \($0.last_name) \($0.id)" } == expected.map { "\($0.due) \($0.last_name) \($0.id)" },
                            "\(keep) \(asked)")
                    #expect(Set(work.rows.map { "\($0.child_id) \($0.id)" }).isSubset(of: Set(kept.map { "\($0.child_id) \($0.id)" })))
                    var groups: [String: Int] = [:]
                    for group in work.groups { groups["\(group.team_id.map(\.text) ?? "-") \(group.worker_id.map(\.text) ?? "-") \(group.overdue)", default: 0] += group.count }
                    #expect(groups == expectedGroups, "\(keep) \(asked)")
                    #expect(work.awaiting.contains { $0.childID == child.id && $0.list == .contacts }, "\(work.awaiting.map { ($0.list, $0.step.id) })")
                    #expect(zip(work.awaiting, work.awaiting.dropFirst()).allSatisfy { ($0.since, $0.eventID) <= ($1.since, $1.eventID) })
                    #expect(work.unallocated.map(\.id) == unallocated.rows.map(\.id) && work.unallocatedTotal == unallocated.total)
                    #expect(work.unallocated.map(\.fullName) == unallocated.rows.map(\.fullName)
                            && work.unallocated.map(\.laChildID) == unallocated.rows.map(\.laChildID)
                            && work.unallocated.map(\.dateOfBirth) == unallocated.rows.map(\.dateOfBirth))
                }
            }
            // The pages of the whole list, one after another, are the whole list once: none repeats or misses a row.
            var paged: [String] = []
            for page in 1...max(1, (all.count + size - 1) / size) {
                paged += try await WorkQueries.work(.teams([team]), until: until, scope: scope, bounds: bounds, keep: .init(), page: page,
                                                    pageSize: size, on: db).work.rows.map { "\($0.child_id) \($0.id)" }
            }
            #expect(paged.count == all.count && Set(paged) == Set(all.map { "\($0.child_id) \($0.id)" }))
            // A worker's own work, counted and paged alike.
            let workers = all.filter { $0.worker_id == worker }
            let own = try await WorkQueries.work(.worker(worker), until: until, scope: scope, bounds: bounds, keep: .init(overdueOnly: true), page: 1,
                                                 pageSize: size, on: db).work
            let workersOverdue = workers.filter { $0.status(bounds) == .overdue }
            #expect(own.kept == workersOverdue.count && own.groups.reduce(0) { $0 + $1.count } == workers.count)
            #expect(own.rows.map { "\($0.due) \($0.last_name) \($0.id)" } == workersOverdue.prefix(size).map { "\($0.due) \($0.last_name) \($0.id)" })
            // Not for a team's manager: nothing awaiting, no children without a worker.
            let alone = try await WorkQueries.work(.teams([team]), until: until, scope: scope, bounds: bounds, keep: .init(), page: 1, pageSize: size, on: db)
            #expect(alone.work.awaiting.isEmpty && alone.work.unallocated.isEmpty && alone.work.unallocatedTotal == 0 && alone.work.rows.count == size)
        }
    }

    /// A team's open obligations are found in the index of unmet obligations without reading the
    /// table (`CoverOpenWork`). Checked on SQLite only, whose plan follows the statement; on
    /// PostgreSQL this test checks nothing (its plan depends on its statistics).
    @Test func aTeamsWorkIsReadFromTheIndexOfUnmetObligationsAlone() async throws {
        try await withTestApp { app, demo in
            let db = app.db.sql
            guard db.dialect.name == "sqlite" else { return }
            let manager = try #require(try await User.query(on: app.db).filter(\.$username == "team.manager").first())
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let today = app.clock.today
            let scope = ChildScope(teamID: team, grantsOf: manager.id, today: today)
            // The statement a manager's My work runs: the team's work with all that goes with it.
            let query = WorkQueries.workQuery(.init(whose: .teams([team]), until: today.adding(days: 14), scope: scope,
                                                    bounds: StatusBounds(asOf: today, dueSoonDays: 5), keep: .init(), page: 1,
                                                    pageSize: MyWork.pageSize, managerOf: team), on: db)
            let plan = try await db.raw("EXPLAIN QUERY PLAN \(query)").all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("USING COVERING INDEX obligations_unmet") }, "\(plan)")
            // The manager's own team admits every child it holds: no set of every way in to gather,
            // as there is for a team someone reads as head of service. Its only unions join its
            // five parts (the page of obligations, their counts, the events awaiting the manager,
            // the transfers, the children without a worker).
            #expect(db.serialize(query).sql.components(separatedBy: "UNION").count - 1 == 4)
            let headsScope = ChildScope(headOfServiceStaffID: demo.account(.headOfService).staffID, grantsOf: manager.id, today: today)
            let heads = WorkQueries.dueQuery(.teams([team]), until: today.adding(days: 14), scope: headsScope,
                                             bounds: StatusBounds(asOf: today, dueSoonDays: 5), on: db).query
            #expect(db.serialize(heads).sql.contains("UNION"))
        }
    }

    /// A worker's open actions are found by their owner and rule (`IndexActionsByOwner`), not by
    /// walking every action of the authority. Checked on SQLite only, whose plan follows the
    /// statement; on PostgreSQL this test checks nothing (its plan depends on its statistics).
    @Test func aWorkersActionsAreFoundByOwnerAndRule() async throws {
        try await withTestApp { app, demo in
            let db = app.db.sql
            guard db.dialect.name == "sqlite" else { return }
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "social.worker").first())
            let worker = try #require(demo.account(.socialWorker).staffID)
            let today = app.clock.today
            let scope = ChildScope(workerID: worker, grantsOf: user.id, today: today)
            let query = WorkQueries.actionsQuery(ownedBy: worker, scope: scope, bounds: StatusBounds(asOf: today, dueSoonDays: 5), on: db).query
            let plan = try await db.raw("EXPLAIN QUERY PLAN \(query)").all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("USING INDEX obligations_worker_rule_due (worker_id=? AND rule=?)") }, "\(plan)")
            #expect(!(try await WorkQueries.actions(ownedBy: worker, scope: scope, bounds: StatusBounds(asOf: today, dueSoonDays: 5), on: db)).isEmpty)
        }
    }

    /// The staff a manager's My work counts and supervises, read with their supervision sessions in
    /// one statement (`SupervisionFrequency.staff`), are the staff read alone, and their
    /// supervision is what their sessions read alone give.
    @Test func staffReadWithTheirSessionsAreTheStaffAndSessionsReadApart() async throws {
        try await withTestApp { app, demo in
            let db = app.db.sql
            let manager = try #require(demo.account(.teamManager).staffID)
            let team = try #require(try await StaffMember.find(manager, on: app.db)?.$team.id)
            let read = try await SupervisionFrequency.staff(inTeams: [team], supervisedBy: manager, on: db)
            let apart = try await StaffMember.active(inTeams: [team], orManagedBy: manager, on: db)
            #expect(!apart.isEmpty && read.staff.map(\.id) == apart.map(\.id) && read.staff.map(\.fullName) == apart.map(\.fullName))
            let supervisees = apart.filter { $0.$manager.id == manager }
            #expect(!supervisees.isEmpty && !read.sessions.isEmpty && Set(read.sessions.keys).isSubset(of: Set(supervisees.compactMap(\.id))))
            #expect(read.staff.map(\.managerID) == apart.map(\.$manager.id) && read.staff.map(\.teamID) == apart.map(\.$team.id))
            #expect(read.staff.map(\.startDate) == apart.map(\.startDate) && read.staff.map(\.leavingDate) == apart.map(\.leavingDate))
            #expect(read.staff.map(\.newlyQualified) == apart.map(\.newlyQualified) && read.staff.map(\.jobRole) == apart.map(\.jobRole))
            func summary(_ frequencies: [SupervisionFrequency]) -> [String] {
                frequencies.map { "\($0.staffID) \($0.lastSession?.iso ?? "-") \($0.next?.due.iso ?? "-") \($0.obligations?.count ?? -1)" }
            }
            let together = SupervisionFrequency.of(supervisees.compactMap(StaffMember.Record.init), sessions: read.sessions, setup: app.standards)
            #expect(summary(together) == summary(try await SupervisionFrequency.of(supervisees, setup: app.standards, on: db)))
            // Without a supervisor, the team's staff alone.
            let teamOnly = try await SupervisionFrequency.staff(inTeams: [team], supervisedBy: nil, on: db)
            #expect(teamOnly.staff.map(\.id) == (try await StaffMember.active(inTeams: [team], orManagedBy: nil, on: db)).map(\.id))
        }
    }

    /// Staff read column by column (for the counts by worker) are what Fluent reads, and saving
    /// one changes its row rather than adding another.
    @Test func staffReadColumnByColumnAreTheStoredStaff() async throws {
        try await withTestApp { app, demo in
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let read = try await StaffMember.read(on: app.db.sql) { $0.where("team_id", .equal, SQLBind(team)) }
            let fluent = try await StaffMember.query(on: app.db).filter(\.$team.$id == team).sortedByName().all()
            #expect(read.map(\.id) == fluent.map(\.id) && read.map(\.fullName) == fluent.map(\.fullName) && !read.isEmpty)
            let count = try await StaffMember.query(on: app.db).count()
            let member = try #require(read.first)
            member.lastName = "Renamed"
            try await member.save(on: app.db)
            #expect(try await StaffMember.query(on: app.db).count() == count)
            #expect(try await StaffMember.find(member.id, on: app.db)?.lastName == "Renamed")
        }
    }

    /// A restricted record stays out of the work of the team and the worker it is allocated to
    /// (their team and caseload admit every other child they hold without testing each: see
    /// `ChildScope.apply(to:keptTo:)`), its obligations and what awaits authorisation alike.
    @Test func aRestrictedRecordIsLeftOutOfItsTeamsAndWorkersWork() async throws {
        try await withTestApp { app, demo in
            // The worker's child with a contact awaiting the manager's decision, and its decision due.
            let recorded = try await Self.recordedContact(app, demo)
            let child = recorded.child
            var worker = recorded.worker
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let workerID = try #require(demo.account(.socialWorker).staffID)
            // The worker's overdue rows, fewer than a page: in the team's work, and their own.
            func work(_ visitor: inout Visitor, choosing: String = "") async throws -> APIWorkCheck {
                let path = "/api/v1/me/work?status=overdue" + choosing
                return try JSONDecoder().decode(APIWorkCheck.self, from: Data(try await visitor.get(path).body.string.utf8))
            }
            let chosen = "&worker=\(workerID)"
            let id = try child.requireID()
            // And one of the team's children without a worker.
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let managerUser = try #require(try await User.query(on: app.db).filter(\.$username == "team.manager").first())
            let unallocated = try await ChildDirectory.page(ChildFilter(teamID: team, unallocatedOnly: true),
                                                            scope: ChildScope(teamID: team, grantsOf: managerUser.id, today: app.clock.today), page: 1, on: app.db.sql)
            let withoutWorker = try #require(try await Child.find(unallocated.rows.first?.id, on: app.db))
            let before = try await work(&manager, choosing: chosen), workersBefore = try await work(&worker)
            #expect(before.pageCount == 1 && workersBefore.pageCount == 1)
            #expect(before.awaitingAuthorisation.contains { $0.childID == id } && before.items.contains { $0.childID == id })
            #expect(workersBefore.items.contains { $0.childID == id })
            child.restricted = true
            try await child.save(on: app.db)
            withoutWorker.restricted = true
            try await withoutWorker.save(on: app.db)
            let after = try await work(&manager, choosing: chosen), workersAfter = try await work(&worker)
            #expect(!after.awaitingAuthorisation.contains { $0.childID == id } && !after.items.contains { $0.childID == id })
            #expect(!workersAfter.items.contains { $0.childID == id })
            #expect(after.awaitingAuthorisation.count == before.awaitingAuthorisation.count - 1)
            #expect(after.itemsTotal < before.itemsTotal && workersAfter.itemsTotal < workersBefore.itemsTotal)
            #expect(after.unallocatedChildren == before.unallocatedChildren - 1)
        }
    }

    /// A worker or team asked for by id in the address is named only when it is the reader's to
    /// see: another team's worker, or another team, is "this worker" or "this team".
    @Test func anotherTeamsWorkerAndTeamAreNotNamed() async throws {
        try await withTestApp { app, demo in
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let plain = try await manager.get("/my-work").body.string
            // Another team's worker, neither their name nor their team's on the manager's page.
            let teams = try await Team.query(on: app.db).all()
            let others = try await StaffMember.query(on: app.db).filter(\.$team.$id != team).sort(\.$lastName).all()
            let (other, otherTeam) = try #require(others.lazy.compactMap { member in
                teams.first { $0.id == member.$team.id }.map { (member, $0) }
            }.first { !plain.contains(HTMLText.escaped($0.0.fullName)) && !plain.contains(HTMLText.escaped($0.1.name)) })
            for query in ["worker=\(try other.requireID())", "worker=\(try other.requireID())&team=\(try otherTeam.requireID())"] {
                let page = try await manager.get("/my-work?" + query)
                #expect(page.status == .ok)
                #expect(!page.body.string.contains(HTMLText.escaped(other.fullName)) && !page.body.string.contains(HTMLText.escaped(otherTeam.name)), "\(query)")
                #expect(page.body.string.contains(query.contains("team=") ? "for this worker in this team" : "for this worker"), "\(query)")
            }
            // An active case holder of the manager's own team is named.
            let own = try #require(try await StaffMember.query(on: app.db).filter(\.$team.$id == team).filter(\.$active == true)
                .sort(\.$lastName).all().first { $0.jobRole.holdsCases })
            #expect(try await manager.get("/my-work?worker=\(try own.requireID())").body.string.contains("for " + HTMLText.escaped(own.fullName)))
        }
    }

    /// The social worker's child with a contact just recorded, awaiting the manager's decision, and
    /// the worker who recorded it, signed in.
    static func recordedContact(_ app: Application, _ demo: DemoAuthority) async throws -> (child: Child, worker: Visitor) {
        let child = try await JourneyTests.child(app, demo)
        var worker = try await Visitor.signedIn(app, as: "social.worker")
        _ = try await worker.get("/children/\(child.id!)/record/contacts")
        #expect(try await worker.post("/children/\(child.id!)/record/contacts", FrontDoorTests.contact).status == .seeOther)
        return (child, worker)
    }

    struct APIWorkCheck: Decodable {
        struct Count: Decodable { let id: UUID?; let overdue: Int; let dueSoon: Int }
        struct Item: Decodable { let childID: UUID; let obligationID: String }
        struct Awaiting: Decodable { let childID: UUID }
        let counts: [Count]
        let items: [Item]
        let awaitingAuthorisation: [Awaiting]
        let unallocatedChildren: Int
        let itemsTotal: Int
        let page: Int
        let pageCount: Int
    }
}
