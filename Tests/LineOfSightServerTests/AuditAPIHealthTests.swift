import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct AuditTrailTests {
    @Test func theAuditTableRefusesUpdatesAndDeletesInTheDatabaseItself() async throws {
        try await withTestApp { app, demo in
            var reader = try await Visitor.signedIn(app, as: "iro")
            _ = try await reader.get("/children/\(demo.socialWorkersChild.id)")
            let sql = app.db.sql
            #expect(try await AuditEvent.query(on: app.db).count() >= 2)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET username = 'someone else'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$username == "someone else").count() == 0)
        }
    }

    /// The log's header holds a salt that changes each time the log starts again from its start,
    /// which a write does only once everything in it has been copied into the database file: with
    /// SQLite's own checkpoints (from 1,000 pages) and with none, these few rows would go on
    /// growing the log.
    @Test func theAuditTrailsWritesAreCopiedIntoTheDatabaseFileWhileNoOneWaits() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            guard case let .sqlite(path) = app.settings.database else { return } // PostgreSQL has no log of this kind.
            DatabaseSetup.prepareForServing(app)
            try await app.asyncBoot() // as `serve` starts
            let automatic = try await app.db.sql.raw("PRAGMA wal_autocheckpoint").first()?.decode(column: "wal_autocheckpoint", as: Int.self)
            #expect(automatic == 0, "no commit a request waits for copies the log")
            func writeAuditRows() async throws {
                try await app.readAuditWriter.record(ReadAuditWriter.Read(
                    action: .list, entity: "child", entityID: nil, childID: nil, shown: (0..<200).map { _ in UUID() },
                    detail: "Exported children as CSV", actor: Audit.Actor(command: "test"), at: Date()))
            }
            func salt() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))[16..<24] }
            try await writeAuditRows()
            let before = try salt()
            try await Task.sleep(for: .milliseconds(1_500))
            try await writeAuditRows()
            #expect(try salt() != before, "the log was copied back and started again")
        }
    }

    @Test func anAdministratorReadsAChildsAccessHistoryButNotTheRecord() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id)")
            var admin = try await Visitor.signedIn(app, as: "admin")
            #expect(try await admin.get("/children/\(child.id)").status == .forbidden)
            let history = try await admin.get("/admin/access-history?child=\(child.laChildID)")
            #expect(history.status == .ok)
            #expect(history.body.string.contains("social.worker"))
            #expect(history.body.string.contains("Viewed the child’s summary"))
            #expect(!history.body.string.contains(child.lastName), "the administrator sees who looked, not the child’s details")
        }
    }
}

@Suite struct APITests {
    @Test func bearerTokensAuthenticateWithTheSameRoleChecks() async throws {
        try await withTestApp { app, demo in
            let analyst = try #require(try await User.query(on: app.db).filter(\.$username == "analyst").first())
            let board = try #require(try await User.query(on: app.db).filter(\.$username == "board").first())
            let analystToken = try await BearerTokens.issue(for: analyst.requireID(), name: "BI tool", scope: .read, lifetimeDays: 90, now: Date(), on: app.db).token
            let boardToken = try await BearerTokens.issue(for: board.requireID(), name: "Board pack", scope: .read, lifetimeDays: 90, now: Date(), on: app.db).token
            #expect(try await APIToken.query(on: app.db).filter(\.$tokenHash == analystToken).count() == 0, "only the hash is stored")

            try await app.testing().test(.GET, "/api/v1/children/\(demo.socialWorkersChild.id)", headers: ["Authorization": "Bearer \(analystToken)"]) { res in
                #expect(res.status == .ok)
                let child = try res.content.decode(ChildDetails.self)
                #expect(child.laChildID == demo.socialWorkersChild.laChildID)
                #expect(child.allocations?.isEmpty == false)
            }
            try await app.testing().test(.GET, "/api/v1/children", headers: ["Authorization": "Bearer \(boardToken)"]) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/api/v1/teams", headers: ["Authorization": "Bearer los_not-a-token"]) { res in
                #expect(res.status == .unauthorized)
            }
            let reads = try await AuditEvent.query(on: app.db).filter(\.$username == "analyst").filter(\.$action == .read).count()
            #expect(reads == 1)
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRegisteredAPIRoutes() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            var documented: Set<String> = []
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
                #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
                let paths = document["paths"] as! [String: [String: Any]]
                for (path, operations) in paths {
                    for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
                }
            }
            let registered = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue) /" + route.path.map { component in
                    if case let .parameter(name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            #expect(!registered.isEmpty)
            #expect(registered.subtracting(documented).isEmpty, "registered but undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
        }
    }
}

@Suite struct HealthTests {
    @Test func healthReportsTheDatabaseAndMetricsCountRequestsByRoute() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"database\":\"reachable\""))
            }
            try await app.testing().test(.GET, "/children/\(UUID())") { _ in }
            try await app.testing().test(.GET, "/metrics") { res in
                #expect(res.status == .unauthorized, "metrics need their token")
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(testMetricsToken)"]) { res in
                #expect(res.status == .ok)
                let text = res.body.string
                #expect(text.contains(#"lineofsight_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
                #expect(text.contains(#"route="/children/:childID""#), "routes are labelled by pattern, never by a child's id")
                #expect(text.contains("lineofsight_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test func aDatabaseThatCannotBeOpenedIsReportedWithItsPathAndCause() async throws {
        let path = "/proc/lineofsight-cannot-write-here/db.sqlite"
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(database: .sqlite(path: path)))
            Issue.record("configuring with an unusable path should fail")
        } catch {
            #expect(String(describing: error).contains(path))
            #expect(String(describing: error).hasPrefix("cannot open the database at"))
        }
        try await app.asyncShutdown()
        #expect(throws: UsageError.self) { try Settings.fromEnvironment(["DATABASE_URL": "mysql://x"]) }
        let socket = "postgres+uds://me@localhost/run/postgresql/.s.PGSQL.5432#los"
        #expect(try Settings.fromEnvironment(["DATABASE_URL": socket]).database == .postgres(url: socket))
        #expect(Settings.redactingPassword("postgres://me:secret@db/los") == "postgres://me:***@db/los")
    }
}

@Suite struct DemoAuthorityTests {
    let today = testToday

    @Test func theSameSeedAndDayBuildTheSameAuthority() {
        let first = DemoAuthority.generate(seed: 1, today: today, childCount: 200)
        let second = DemoAuthority.generate(seed: 1, today: today, childCount: 200)
        #expect(first.children.map(\.id) == second.children.map(\.id))
        #expect(first.allocations.map(\.start) == second.allocations.map(\.start))
        #expect(DemoAuthority.generate(seed: 2, today: today, childCount: 200).children.map(\.id) != first.children.map(\.id))
    }

    /// Stored records are read back the quick way (`StoredRecordDecoder`), and Foundation reads
    /// only what that leaves: each of the demo's records must read back the quick way, and give
    /// what Foundation gives.
    @Test func everyRecordTheDemoStoresReadsBackTheQuickWayAsFoundationReadsIt() throws {
        let demo = DemoAuthority.generate(seed: 1, today: today, childCount: 600)
        // A significant event is the one kind the demo never records: a worker adds it by hand.
        let records = demo.events.map(\.record) + [SignificantEventRecord(date: today, event: "Moved school \"mid-term\"", analysis: "Unsettled — see visit")]
        var lists: Set<JourneyList> = []
        for record in records {
            let list = type(of: record).list
            let stored = String(decoding: record.encoded(), as: UTF8.self)
            let quick = try StoredRecordDecoder.decode(list.recordType, from: stored)
            #expect(quick.encoded() == (try list.decode(Data(stored.utf8))).encoded(), "\(stored)")
            lists.insert(list)
        }
        #expect(Set(JourneyList.allCases).subtracting(lists).map(\.rawValue).sorted() == [])
    }

    /// `serve --demo` loads an empty database, then brings PostgreSQL's statistics and visibility
    /// map up to date (`TableStatistics`) rather than leave them to autovacuum beside the first requests.
    @Test func theDemoLoadLeavesPostgreSQLsStatisticsUpToDate() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let start = try await TestDatabase.postgresNow(app.db)
            try await DemoStartup.prepare(app, children: 60)
            #expect(try await Child.query(on: app.db).count() == 60)
            if let start { #expect(try await TestDatabase.statisticsRefreshed(since: start, on: app.db)) }
        }
    }

    @Test func theFullAuthorityIsRealistic() {
        let demo = DemoAuthority.generate(today: today)
        #expect(demo.teams.count == 10)
        #expect(Set(demo.teams.map(\.service)).count == 8)
        // 100 in post, and some who left in the last year.
        let inPost = demo.staff.filter(\.active)
        #expect(inPost.count == 100)
        #expect(demo.staff.filter { !$0.active && $0.leavingDate.map { $0 > today.adding(years: -1) } == true }.count >= 3)
        #expect(demo.children.count == 1300)
        let holders = inPost.filter(\.jobRole.holdsCases)
        #expect(holders.count == 80)
        #expect(holders.allSatisfy { $0.startDate != nil } && holders.contains { $0.agency } && holders.contains { $0.newlyQualified })
        // Vacancies: some teams fund more posts than are filled.
        #expect(demo.teams.contains { team in team.fundedFTE > inPost.filter { $0.teamID == team.id }.reduce(0) { $0 + $1.fte } })
        // Supervision: case discussions with an action, tick-box ones with neither decision nor action, and workers overdue.
        let sources = Set(demo.events.compactMap { ($0.record as? ActionRecord)?.sourceID })
        let discussions = demo.events.filter { $0.record is CaseDiscussionRecord }
        #expect(discussions.contains { sources.contains($0.id.uuidString) })
        #expect(discussions.contains { ($0.record as? CaseDiscussionRecord)?.decision == nil && !sources.contains($0.id.uuidString) })
        #expect(discussions.count == demo.discussionLinks.count)
        let lastSession = Dictionary(grouping: demo.supervisionSessions.filter { $0.kind == .individual }, by: \.superviseeID)
            .mapValues { $0.map(\.date).max() }
        #expect(holders.contains { lastSession[$0.id].flatMap { $0 }.map { $0 < today.adding(days: -35) } ?? false })
        #expect(holders.contains { lastSession[$0.id].flatMap { $0 }.map { $0 >= today.adding(days: -14) } ?? false })
        let open = demo.allocations.filter { $0.end == nil }
        #expect(open.count == demo.children.count, "every child has exactly one open allocation")
        let loads = Dictionary(grouping: open.compactMap(\.workerID), by: { $0 }).mapValues(\.count)
        let average = Double(loads.values.reduce(0, +)) / Double(holders.count)
        #expect((15...18).contains(average), "average caseload \(average)")
        #expect(loads.values.filter { $0 > 22 }.count >= 2, "a few workers are overloaded")
        for child in demo.children {
            if let upn = child.upn { #expect(UPN.problem(with: upn) == nil, "\(upn)") }
            if let nhs = child.nhsNumber { #expect(NHSNumber.isValid(nhs), "\(nhs)") }
            #expect((child.dateOfBirth == nil) != (child.expectedDateOfBirth == nil))
        }
        // Histories are gap-free and end before the current allocation starts.
        for (_, history) in Dictionary(grouping: demo.allocations, by: \.childID) {
            let sorted = history.sorted { $0.start < $1.start }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                #expect(earlier.end.map { $0.adding(days: 1) == later.start } == true)
            }
        }
        #expect(Set(demo.accounts.map(\.role)) == Set(Role.allCases))
    }
}
