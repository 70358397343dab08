import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct ChildrenTests {
    @Test func eachRoleSeesOnlyTheChildrenItMayOpen() async throws {
        try await withTestApp { app, demo in
            let team = demo.team(named: "Safeguarding Team 1")
            let worker = demo.account(.socialWorker).staffID!
            let open = demo.allocations.filter { $0.end == nil }
            let inTeam = Set(open.filter { $0.teamID == team.id }.map(\.childID))
            let mine = Set(open.filter { $0.workerID == worker }.map(\.childID))
            let restricted = Set(demo.children.filter(\.restricted).map(\.id))
            let headsTeams = Set(demo.teams.filter { $0.headOfServiceID == team.headOfServiceID }.map(\.id))
            let expected: [Role: Int] = [
                .socialWorker: inTeam.union(mine).subtracting(restricted).count,
                .teamManager: inTeam.subtracting(restricted).count,
                .headOfService: Set(open.filter { headsTeams.contains($0.teamID) }.map(\.childID)).subtracting(restricted).count,
                .director: demo.children.count - restricted.count,
                .lado: 0,
            ]
            for (role, count) in expected {
                var visitor = try await Visitor.signedIn(app, as: demo.account(role).username)
                let page = try await visitor.get("/api/v1/children")
                let body = try page.content.decode(APIPage<APIChildSummary>.self)
                #expect(body.total == count, "\(role): \(body.total) children listed, expected \(count)")
            }
            #expect(expected[.teamManager]! > 0 && expected[.teamManager]! < expected[.director]!)
        }
    }

    @Test func aChildOutsideYourAccessLooksLikeAnUnknownChildAndTheAttemptIsAudited() async throws {
        try await withTestApp { app, demo in
            let outside = demo.allocations.first { $0.end == nil && $0.teamID == demo.team(named: "Leaving Care Team").id }!.childID
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            #expect(try await manager.get("/children/\(outside)").status == .notFound)
            #expect(try await manager.get("/children/\(UUID())").status == .notFound)
            #expect(try await manager.get("/children/not-a-uuid").status == .notFound)
            let refusals = try await AuditEvent.query(on: app.db).filter(\.$childID == outside).filter(\.$action == .refused).count()
            #expect(refusals == 1)
        }
    }

    @Test func restrictedRecordsAreHiddenFromEveryoneWithoutAGrant() async throws {
        try await withTestApp { app, demo in
            let restricted = demo.children.first { $0.restricted }
            let child = try #require(restricted)
            var director = try await Visitor.signedIn(app, as: "director")
            #expect(try await director.get("/children/\(child.id)").status == .notFound)
            let directorID = try #require(try await User.query(on: app.db).filter(\.$username == "director").first()?.requireID())
            let adminID = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first()?.requireID())
            let grant = AccessGrant(userID: directorID, childID: child.id, teamID: nil, reason: "Case review", expiresOn: testToday, grantedBy: adminID)
            try await grant.create(on: app.db)
            #expect(try await director.get("/children/\(child.id)").status == .notFound, "a grant to a restricted record needs a second administrator")
            grant.$approvedBy.id = directorID
            try await grant.save(on: app.db)
            #expect(try await director.get("/children/\(child.id)").status == .ok)
            // An expired grant opens nothing.
            try await AccessGrant.query(on: app.db).set(\.$expiresOn, to: testToday.adding(days: -1)).update()
            #expect(try await director.get("/children/\(child.id)").status == .notFound)
        }
    }

    /// A list kept to the reader's own team (`ChildFilter.wayIn`) tests only restricted records, not
    /// every way in (`ChildScope.apply(to:keptTo:)`); a list of another team's children still tests
    /// them all, and so shows none of them.
    @Test func aListOfTheReadersOwnTeamTestsOnlyRestrictedRecords() async throws {
        try await withTestApp { app, demo in
            let db = app.db.sql
            let manager = try #require(try await User.query(on: app.db).filter(\.$username == "team.manager").first())
            let team = try #require(try await StaffMember.find(demo.account(.teamManager).staffID, on: app.db)?.$team.id)
            let scope = ChildScope(teamID: team, grantsOf: manager.id, today: app.clock.today)
            func list(_ filter: ChildFilter) -> SQLSelectBuilder {
                ChildDirectory.scoped(db.select().column(SQLColumn("id", table: "c"), as: "id"), filter, scope, names: false)
            }
            func allocated(to team: UUID) async throws -> Int {
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(StoredAllocation.schema)
                    .where("team_id", .equal, SQLBind(team)).where("end_date", .is, SQLLiteral.null).first(decodingColumn: "n", as: Int.self) ?? 0
            }
            var others: [UUID] = []
            for other in try await Team.query(on: app.db).all().compactMap(\.id) where other != team {
                if try await allocated(to: other) > 0 { others.append(other) }
            }
            let other = try #require(others.first)
            #expect(!db.serialize(list(ChildFilter(teamID: team)).query).sql.contains("UNION"))
            #expect(db.serialize(list(ChildFilter(teamID: other)).query).sql.contains("UNION"))
            #expect(try await list(ChildFilter(teamID: other)).all().isEmpty, "another team's children are not this manager's")

            let own = try await list(ChildFilter(teamID: team)).all(decodingColumn: "id", as: UUID.self)
            let allocatedToTeam = try await allocated(to: team)
            #expect(own.count == allocatedToTeam)
            let child = try #require(try await Child.find(own.first, on: app.db))
            child.restricted = true
            try await child.save(on: app.db)
            let after = try await list(ChildFilter(teamID: team)).all(decodingColumn: "id", as: UUID.self)
            #expect(!after.contains(try child.requireID()) && after.count == own.count - 1)
        }
    }

    @Test func searchFindsByNameAndIdentifiers() async throws {
        try await withTestApp { app, demo in
            let child = demo.children.first { $0.upn != nil && !$0.restricted }!
            var analyst = try await Visitor.signedIn(app, as: "analyst")
            for query in [child.firstName + " " + child.lastName, child.laChildID.lowercased(), child.upn!] {
                let page = try await analyst.get("/children?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("/children/\(child.id)"), "search for \(query) should find \(child.laChildID)")
            }
            let none = try await analyst.get("/children?q=zzzznotaname")
            #expect(none.body.string.contains("No children match"))
        }
    }

    @Test func anInvalidEditShowsMessagesNextToTheFieldsAndSavesNothing() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/\(child.id)/edit")
            var fields = Self.fields(of: child)
            fields["upn"] = "A12345678901Z"
            fields["date-of-birth-day"] = "31"
            fields["date-of-birth-month"] = "2"
            fields["nhs-number"] = "1234567890"
            fields["first-name"] = "Changed"
            let response = try await manager.post("/children/\(child.id)/edit", fields)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("<title>Error: "))
            #expect(html.contains("href=\"#upn\""))
            #expect(html.contains("id=\"upn-error\""))
            #expect(html.contains("Date of birth must be a real date"))
            #expect(html.contains("Enter a valid NHS number"))
            #expect(html.contains("value=\"A12345678901Z\""), "what was typed is shown back")
            let stored = try #require(try await Child.find(child.id, on: app.db))
            #expect(stored.firstName == child.firstName)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == .update).count() == 0)
        }
    }

    @Test func aValidEditIsSavedWithBeforeAndAfterInTheAuditTrail() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id)/edit")
            var fields = Self.fields(of: child)
            let upn = String(UPN.checkLetter(for: Array("999200126001"))) + "999200126001"
            fields["upn"] = upn
            let response = try await worker.post("/children/\(child.id)/edit", fields)
            #expect(response.status == .seeOther && response.location == "/children/\(child.id)")
            let page = try await worker.get("/children/\(child.id)")
            #expect(page.body.string.contains("Child’s details saved"))
            #expect(page.body.string.contains(upn))
            let change = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == .update).filter(\.$childID == child.id).first())
            #expect(change.username == "social.worker")
            #expect(change.before?.contains(child.laChildID) == true && change.before?.contains(upn) == false)
            #expect(change.after?.contains(upn) == true)
            let reads = try await AuditEvent.query(on: app.db).filter(\.$action == .read).filter(\.$childID == child.id).count()
            #expect(reads == 2, "opening the edit form and the summary are both reads")
        }
    }

    @Test func addingAChildValidatesAndRefusesADuplicateID() async throws {
        try await withTestApp { app, demo in
            var director = try await Visitor.signedIn(app, as: "director")
            _ = try await director.get("/children/new")
            let empty = try await director.post("/children/new", [:])
            #expect(empty.status == .unprocessableEntity)
            for message in ["Enter the child’s LA child ID", "Enter the child’s first name", "Enter the child’s date of birth", "Select the child’s sex"] {
                #expect(empty.body.string.contains(message))
            }
            var fields = Self.fields(of: demo.children[0])
            let duplicate = try await director.post("/children/new", fields)
            #expect(duplicate.body.string.contains("is already in use"))
            fields["la-child-id"] = "NEW-1"
            let created = try await director.post("/children/new", fields)
            #expect(created.status == .seeOther)
            #expect(try await Child.query(on: app.db).filter(\.$laChildID == "NEW-1").count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == .create).filter(\.$entity == "child").count() == 1)
        }
    }

    @Test func reallocatingClosesTheCurrentAllocationTheDayBefore() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            let team = demo.team(named: "Safeguarding Team 1")
            let other = demo.staff.first { $0.teamID == team.id && $0.jobRole.holdsCases && $0.id != demo.account(.socialWorker).staffID }!
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/\(child.id)/allocate")
            let wrongTeam = demo.staff.first { $0.teamID != team.id && $0.jobRole.holdsCases }!
            let refused = try await manager.post("/children/\(child.id)/allocate", ["team": team.id.uuidString, "worker": wrongTeam.id.uuidString,
                                                                                   "start-date-day": "31", "start-date-month": "3", "start-date-year": "2026"])
            #expect(refused.body.string.contains("Select a worker who is a member of the chosen team"))
            let saved = try await manager.post("/children/\(child.id)/allocate", ["team": team.id.uuidString, "worker": other.id.uuidString,
                                                                                 "start-date-day": "31", "start-date-month": "3", "start-date-year": "2026"])
            #expect(saved.status == .seeOther)
            let history = try await StoredAllocation.query(on: app.db).filter(\.$child.$id == child.id).sort(\.$startDate).all()
            let previous = history[history.count - 2], current = history[history.count - 1]
            #expect(previous.endDate == CivilDate(iso: "2026-03-30"))
            #expect(current.startDate == CivilDate(iso: "2026-03-31") && current.endDate == nil && current.$worker.id == other.id)
        }
    }

    static func fields(of child: DemoAuthority.ChildRecord) -> [String: String] {
        var fields = ["la-child-id": child.laChildID, "first-name": child.firstName, "last-name": child.lastName,
                      "sex": child.sex.rawValue, "ethnicity": child.ethnicity, "upn": child.upn ?? "", "nhs-number": child.nhsNumber ?? ""]
        if let birth = child.dateOfBirth {
            fields["date-of-birth-day"] = String(birth.day)
            fields["date-of-birth-month"] = String(birth.month)
            fields["date-of-birth-year"] = String(birth.year)
        }
        if let expected = child.expectedDateOfBirth {
            fields["expected-date-of-birth-day"] = String(expected.day)
            fields["expected-date-of-birth-month"] = String(expected.month)
            fields["expected-date-of-birth-year"] = String(expected.year)
        }
        return fields
    }
}

@Suite struct TeamsAdminTests {
    @Test func anAdministratorAddsAndRenamesATeamWithValidation() async throws {
        try await withTestApp { app, demo in
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/teams/new")
            let invalid = try await admin.post("/admin/teams/new", ["name": demo.teams[0].name, "service": "nonsense"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("already exists"))
            #expect(invalid.body.string.contains("Select the team’s service"))
            let head = demo.teams[0].headOfServiceID
            let created = try await admin.post("/admin/teams/new", ["name": "Fostering Support", "service": "children_in_care", "head-of-service": head.uuidString])
            #expect(created.status == .seeOther)
            let team = try #require(try await Team.query(on: app.db).filter(\.$name == "Fostering Support").first())
            #expect(team.$headOfService.id == head)
            _ = try await admin.get("/admin/teams/\(try team.requireID())/edit")
            var again = admin
            let renamed = try await admin.post("/admin/teams/\(try team.requireID())/edit", ["name": "Fostering Support Team", "service": "children_in_care"])
            #expect(renamed.status == .seeOther)
            #expect(try await Team.find(team.requireID(), on: app.db)?.name == "Fostering Support Team")
            // The back button, then the same form saved again with another name: it was saved once, so nothing changes.
            let resent = try await again.post("/admin/teams/\(try team.requireID())/edit", ["name": "Fostering Support Unit", "service": "children_in_care"])
            #expect(resent.status == .seeOther && resent.location == renamed.location)
            #expect(try await Team.find(team.requireID(), on: app.db)?.name == "Fostering Support Team")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "team").count() == 2)
        }
    }
}

@Suite struct UsersAdminTests {
    @Test func anAdministratorChangesARoleAndResetsAPasswordWithoutAuditingTheSecret() async throws {
        try await withTestApp { app, demo in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let analyst = try #require(try await User.query(on: app.db).filter(\.$username == "analyst").first())
            let id = try analyst.requireID()
            _ = try await admin.get("/admin/users/\(id)")
            let unlinked = try await admin.post("/admin/users/\(id)/role", ["role": "team_manager", "staff": ""])
            #expect(unlinked.status == .unprocessableEntity)
            #expect(unlinked.body.string.contains("id=\"staff-error\""))
            let manager = demo.staff.first { $0.jobRole == .teamManager }!
            let changed = try await admin.post("/admin/users/\(id)/role", ["role": "team_manager", "staff": manager.id.uuidString])
            #expect(changed.status == .seeOther)
            #expect(try await User.find(id, on: app.db)?.role == .teamManager)

            _ = try await admin.get("/admin/users/\(id)")
            #expect(try await admin.post("/admin/users/\(id)/password", ["new-password": "short"]).status == .unprocessableEntity)
            #expect(try await admin.post("/admin/users/\(id)/password", ["new-password": "a-new-long-password"]).status == .seeOther)
            var person = Visitor(app)
            #expect(try await person.signIn("analyst", password: DemoAuthority.password).status == .unauthorized)
            #expect(try await person.signIn("analyst", password: "a-new-long-password").status == .seeOther)
            let rows = try await AuditEvent.query(on: app.db).filter(\.$entity == "user").filter(\.$action == .update).all()
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { !($0.after ?? "").contains("$2") && !$0.detail.contains("a-new-long-password") })
        }
    }
}
