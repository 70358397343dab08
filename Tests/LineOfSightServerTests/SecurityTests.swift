import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import NIOCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The defences found missing by a probe of the running server, each attacked as an attacker or a
/// hurried user would.
@Suite struct HostileInputTests {
    /// Values an attacker or a careless paste would send to any parameter.
    static let hostileValues = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999999", "-1", "0", "",
        "%FF%FE%00", "a\u{0}b", "<script>alert(1)</script>",
    ]
    /// A 100 KB paste, sent by fewer roles: every field of a form at once makes a 4 MB request.
    static let longValue = String(repeating: "x", count: 100_000)

    @Test func noRequestToAnyRouteByAnyRoleCanStopTheServer() async throws {
        try await withTestApp { app, demo in
            // Every field name any form uses, and every query parameter, read from the pages themselves.
            var names: Set<String> = ["page", "q", "team", "service", "unallocated", "child", "next", "timeout", "signedOut", "restricted", "active", "version", "current-allocation",
                                      "worker", "legalStatus", "placementType", "area", "age", "inCare", "chair", "format", "period", "status"]
            var admin = try await Visitor.signedIn(app, as: "admin")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let child = demo.socialWorkersChild.id
            for path in ["/children/new", "/children/\(child)/edit", "/children/\(child)/allocate", "/children", "/children-in-care", "/reviews-due", "/missing",
                         "/supervision/new"]
                + JourneyList.allCases.map({ "/children/\(child)/record/\($0.rawValue)" }) {
                names.formUnion(Self.fieldNames(in: try await manager.get(path).body.string))
            }
            let users = try await User.query(on: app.db).all()
            for path in ["/admin/users/new", "/admin/grants", "/admin/teams/new", "/admin/users/\(try users[0].requireID())", "/account/tokens", "/staff/new"] {
                names.formUnion(Self.fieldNames(in: try await admin.get(path).body.string))
            }
            #expect(names.contains("first-name") && names.contains("new-password") && names.contains("token-name"))

            let parameters: [String: String] = [
                "childID": child.uuidString, "teamID": demo.teams[0].id.uuidString, "staffID": demo.staff[0].id.uuidString,
                "userID": try users[0].requireID().uuidString, "tokenID": UUID().uuidString, "grantID": UUID().uuidString, "file": "app.css",
                "list": "visits", "eventID": UUID().uuidString, "step": "authorise", "nested": "placements", "sessionID": UUID().uuidString,
                "uploadID": UUID().uuidString,
            ]
            var sent = 0
            for role in [Role?.none] + Role.allCases.map(Optional.some) {
                for route in app.routes.all {
                    var visitor = Visitor(app)
                    let values = [Role?.none, .admin, .director].contains(role) ? Self.hostileValues + [Self.longValue] : Self.hostileValues
                    for value in values {
                        // Signed in afresh whenever a request ended the session (signing out, a password reset).
                        if let role, visitor.cookie == nil { visitor = try await Visitor.signedIn(app, as: demo.account(role).username) }
                        // Hostile values in path parameters too, half of the time.
                        let path = "/" + route.path.map { component -> String in
                            guard case let .parameter(name) = component else { return component.description }
                            return sent.isMultiple(of: 2) ? parameters[name]! : (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x")
                        }.joined(separator: "/")
                        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                        let raw = value == "%FF%FE%00" ? value : encoded
                        let response: TestingHTTPResponse
                        if route.method == .GET {
                            response = try await visitor.get(path + "?" + names.sorted().map { "\($0)=\(raw)" }.joined(separator: "&"))
                        } else {
                            let body = names.sorted().map { "\($0)=\(raw)" }.joined(separator: "&") + "&csrf-token=\(visitor.csrfToken ?? "")"
                            response = try await visitor.sendRaw(route.method, path, body: body)
                        }
                        #expect(response.status.code < 500, "\(route.method) \(path) as \(role?.rawValue ?? "anonymous") with \(value.prefix(30)): \(response.status)")
                        sent += 1
                    }
                }
            }
            #expect(sent > 1_000)
            var visitor = Visitor(app)
            #expect(try await visitor.get("/healthz").status == .ok, "the server is still serving")
        }
    }

    @Test func extremePageNumbersGiveTheFirstOrLastPage() async throws {
        try await withTestApp { app, _ in
            var director = try await Visitor.signedIn(app, as: "director")
            for path in ["/children", "/api/v1/children"] {
                for page in ["9223372036854775807", "-9223372036854775808", "abc", "99999999999999999999"] {
                    let response = try await director.get("\(path)?page=\(page)")
                    #expect(response.status == .ok, "\(path)?page=\(page): \(response.status)")
                }
            }
            let last = try await director.get("/api/v1/children?page=9223372036854775807").content.decode(APIPage<APIChildSummary>.self)
            #expect(last.page == (last.total + ChildDirectory.pageSize - 1) / ChildDirectory.pageSize && !last.items.isEmpty)
        }
    }

    @Test func invalidTextInAFormIsRefusedWithAMessageAndNothingIsStored() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/\(child.id)/edit")
            let version = manager.hiddenFields["/children/\(child.id)/edit"]?["version"] ?? ""
            for name in ["%FF%FEJo", "Jo%00hn", "Jo%1Bhn", "%ZZ"] {
                let response = try await manager.sendRaw(.POST, "/children/\(child.id)/edit",
                                                         body: "csrf-token=\(manager.csrfToken!)&version=\(version)&first-name=\(name)&last-name=X")
                #expect(response.status == .badRequest, "\(name): \(response.status)")
                #expect(response.body.string.contains("could not be read"))
            }
            #expect(try await Child.find(child.id, on: app.db)?.firstName == child.firstName)
        }
    }

    @Test func aFormOverTheLimitGets413WithAClearPage() async throws {
        try await withTestApp { app, demo in
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/new")
            let body = "csrf-token=\(manager.csrfToken!)&first-name=" + String(repeating: "a", count: FormInputMiddleware.maximumBytes + 10)
            let response = try await manager.sendRaw(.POST, "/children/new", body: body)
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("What you sent was too large"))
            #expect(!response.body.string.contains("This form has expired"))
            _ = demo
        }
    }

    static func fieldNames(in html: String) -> Set<String> {
        Set(html.components(separatedBy: " name=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
    }
}

/// Two or twenty people saving at once: the database keeps the record whole.
@Suite(.serialized) struct ConcurrentWriteTests {
    @Test func parallelAllocationsLeaveExactlyOneCurrentAllocation() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            let team = demo.team(named: "Safeguarding Team 1")
            let manager = try await Visitor.signedIn(app, as: "team.manager")
            let opened = try await manager.opening("/children/\(child.id)/allocate", 20)
            let workers = demo.staff.filter { $0.teamID == team.id && $0.jobRole.holdsCases }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (index, visitor) in opened.enumerated() {
                    group.addTask {
                        var copy = visitor
                        return try await copy.post("/children/\(child.id)/allocate", [
                            "team": team.id.uuidString, "worker": workers[index % workers.count].id.uuidString,
                            "start-date-day": "31", "start-date-month": "3", "start-date-year": "2026",
                        ]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let open = try await StoredAllocation.query(on: app.db).filter(\.$child.$id == child.id).filter(\.$endDate == nil).count()
            #expect(open == 1, "one current allocation, whatever the race: \(open)")
            #expect(statuses.filter { $0 == .seeOther }.count <= 1)
            #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .unprocessableEntity }, "\(statuses)")
            var director = try await Visitor.signedIn(app, as: "director")
            let listed = try await director.get("/api/v1/children?q=\(child.laChildID)").content.decode(APIPage<APIChildSummary>.self)
            #expect(listed.total == 1, "the child is listed once")
        }
    }

    @Test func parallelEditsFromOneVersionSaveOnceAndTellTheOthers() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            let manager = try await Visitor.signedIn(app, as: "team.manager")
            let opened = try await manager.opening("/children/\(child.id)/edit", 20)
            let base = try #require(try await Child.find(child.id, on: app.db))
            let responses = try await withThrowingTaskGroup(of: (String, TestingHTTPResponse).self) { group in
                for (index, visitor) in opened.enumerated() {
                    group.addTask {
                        var copy = visitor
                        let name = "Edited \(index)"
                        return (name, try await copy.post("/children/\(child.id)/edit", [
                            "first-name": name, "last-name": base.lastName, "sex": base.sex.rawValue, "ethnicity": base.ethnicity,
                            "date-of-birth-day": String(base.dateOfBirth!.day), "date-of-birth-month": String(base.dateOfBirth!.month),
                            "date-of-birth-year": String(base.dateOfBirth!.year), "upn": base.upn ?? "", "nhs-number": base.nhsNumber ?? "",
                        ]))
                    }
                }
                return try await group.reduce(into: [(String, TestingHTTPResponse)]()) { $0.append($1) }
            }
            let saved = responses.filter { $0.1.status == .seeOther }
            #expect(saved.count == 1, "exactly one save wins: \(responses.map(\.1.status))")
            for (name, response) in responses where response.status != .seeOther {
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("Someone else changed this child’s details"))
                #expect(response.body.string.contains("value=\"\(name)\""), "the refused person's input is kept")
            }
            let stored = try #require(try await Child.find(child.id, on: app.db))
            #expect(stored.firstName == saved.first?.0 && stored.version == base.version + 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$childID == child.id).filter(\.$action == .update).count() == 1)
        }
    }

    /// Reads are audited in batches (`ReadAuditWriter`): whatever arrives at once, each request
    /// has its own row naming the children it showed, committed before it is answered.
    @Test func readsAtOnceEachHaveTheirOwnAuditRow() async throws {
        try await withTestApp { app, demo in
            let manager = try await Visitor.signedIn(app, as: "team.manager")
            let child = demo.socialWorkersChild
            func rows(_ action: AuditAction) async throws -> [AuditEvent] {
                try await AuditEvent.query(on: app.db).filter(\.$username == "team.manager").filter(\.$action == action).all()
            }
            let before = Set(try await rows(.list).compactMap(\.id)), reads = try await rows(.read).count
            let listed = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        var copy = manager
                        let page = try await copy.get(index.isMultiple(of: 2) ? "/children" : "/children/\(child.id)")
                        #expect(page.status == .ok)
                        // The children a list page shows: its links to a child's page.
                        return index.isMultiple(of: 2) ? page.body.string.matches(of: /href="\/children\/[0-9A-F]{8}-[0-9A-F-]{27}"/).count : nil
                    }
                }
                return try await group.reduce(into: [Int]()) { if let count = $1 { $0.append(count) } }
            }
            let lists = try await rows(.list).filter { !before.contains($0.id!) }
            let readsAfter = try await rows(.read).count
            #expect(lists.count == 12 && readsAfter == reads + 12)
            for list in lists {
                let named = try await TestDatabase.shownChildren(.byAuditRow(list.id!), on: app.db)
                #expect(named > 1 && named == listed.first, "each list's row names the children it showed")
            }
        }
    }

    /// A child, a social worker who has opened the form to record a visit to them, its address and what they type in it.
    static func visitFormOpened(_ app: Application, _ demo: DemoAuthority) async throws -> (Child, Visitor, String, [String: String]) {
        let child = try await JourneyTests.child(app, demo)
        var worker = try await Visitor.signedIn(app, as: "social.worker")
        let path = "/children/\(child.id!)/record/visits"
        _ = try await worker.get(path)
        return (child, worker, path, JourneyTests.date("date", "2026-02-20").merging(["kind": "planned", "location": "home", "seen": "yes"]) { $1 })
    }

    @Test func aFormSentAgainAfterItWasSavedIsNotSavedTwice() async throws {
        try await withTestApp { app, demo in
            let (child, worker, path, fields) = try await Self.visitFormOpened(app, demo)
            let (first, again) = (worker, worker)
            var sender = first
            let saved = try await sender.post(path, fields)
            #expect(saved.status == .seeOther)
            // The back button, then save again: the same form, so nothing more is saved.
            sender = again
            let resent = try await sender.post(path, fields.merging(["seenAlone": "yes"]) { $1 })
            #expect(resent.status == .seeOther && resent.location == saved.location)
            #expect(try await sender.get(try #require(resent.location)).body.string.contains("This form had already been saved"))
            #expect(try await LookedAfterTests.events(app, child) == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$childID == child.requireID()).filter(\.$action == .create).count() == 1)
            // A form opened afresh is a new record.
            _ = try await sender.get(path)
            #expect(try await sender.post(path, fields).status == .seeOther)
            #expect(try await LookedAfterTests.events(app, child) == 2)
        }
    }

    @Test func oneFormSentTwentyTimesAtOnceIsSavedOnce() async throws {
        try await withTestApp { app, demo in
            let (child, base, path, fields) = try await Self.visitFormOpened(app, demo)
            let locations = try await withThrowingTaskGroup(of: (HTTPStatus, String?).self) { group in
                for _ in 0..<20 {
                    group.addTask { var copy = base; let response = try await copy.post(path, fields); return (response.status, response.location) }
                }
                return try await group.reduce(into: [(HTTPStatus, String?)]()) { $0.append($1) }
            }
            #expect(locations.allSatisfy { $0.0 == .seeOther }, "\(locations)")
            #expect(Set(locations.compactMap(\.1)).count == 1, "every one is sent to the one record: \(locations)")
            #expect(try await LookedAfterTests.events(app, child) == 1)

            // The same for adding a child: one child, both sent to them.
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/new")
            let newChild = ChildrenTests.fields(of: demo.children[0]).merging(["la-child-id": "TWICE1"]) { $1 }
            let opened = manager
            let added = try await withThrowingTaskGroup(of: TestingHTTPResponse.self) { group in
                for _ in 0..<2 { group.addTask { var copy = opened; return try await copy.post("/children/new", newChild) } }
                return try await group.reduce(into: [TestingHTTPResponse]()) { $0.append($1) }
            }
            #expect(added.allSatisfy { $0.status == .seeOther } && added[0].location == added[1].location, "\(added.map(\.status))")
            #expect(try await Child.query(on: app.db).filter(\.$laChildID == "TWICE1").count() == 1)
        }
    }

    @Test func restrictingIsExplicitSoADoubleClickDoesNotUndoIt() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/access-history?child=\(child.laChildID)")
            let form = try #require(admin.hiddenFields["/admin/access-history/restricted"])
            #expect(form["restricted"] == "yes")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    let visitor = admin
                    group.addTask { var copy = visitor; _ = try await copy.post("/admin/access-history/restricted", form) }
                }
                try await group.waitForAll()
            }
            #expect(try await Child.find(child.id, on: app.db)?.restricted == true)
            _ = try await admin.post("/admin/access-history/restricted", form)
            #expect(try await Child.find(child.id, on: app.db)?.restricted == true, "a stale page's button does not toggle it back")
        }
    }

    @Test func parallelWrongPasswordsAreCountedAtOnce() async throws {
        try await withTestApp { app, _ in
            var visitor = Visitor(app)
            _ = try await visitor.get("/sign-in")
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<30 {
                    let copy = visitor
                    group.addTask { var v = copy; return try await v.post("/sign-in", ["username": "director", "password": "wrong guess"]).body.string }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let checked = bodies.filter { $0.contains("Enter a correct username and password") }.count
            #expect(checked <= LoginThrottle.maximumFailures, "\(checked) passwords were checked against a limit of \(LoginThrottle.maximumFailures)")
            #expect(bodies.count - checked >= 30 - LoginThrottle.maximumFailures)
            let kept = try await LoginAttempt.query(on: app.db).filter(\.$username == "director").count()
            #expect(kept == checked, "refused attempts checked no password and do not count towards the lock: \(kept) kept")
        }
    }
}

/// Nobody can make themselves a reader of children, and every token is its owner's, in the API only.
@Suite struct PrivilegeTests {
    @Test func anAdministratorCannotChangeTheirOwnRoleOrGrantThemselvesAccess() async throws {
        try await withTestApp { app, demo in
            let adminUser = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/users/\(try adminUser.requireID())")
            let refused = try await admin.post("/admin/users/\(try adminUser.requireID())/role", ["role": "director", "staff": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await User.find(adminUser.id, on: app.db)?.role == .admin)
            _ = try await admin.get("/admin/grants")
            let grant = try await admin.post("/admin/grants", ["user": try adminUser.requireID().uuidString, "la-child-id": demo.children[0].laChildID,
                                                                "reason": "Curious", "expires-day": "1", "expires-month": "4", "expires-year": "2026"])
            #expect(grant.status == .unprocessableEntity)
            #expect(grant.body.string.contains("You cannot give yourself access"))
            #expect(try await AccessGrant.query(on: app.db).count() == 0)
            // No route issues a token for someone else.
            #expect(app.routes.all.allSatisfy { !($0.path.map(\.description).joined(separator: "/").hasPrefix("admin/users") && $0.path.last?.description == "tokens") })
        }
    }

    @Test func aGrantToARestrictedRecordOpensItOnlyAfterASecondAdministratorApproves() async throws {
        try await withTestApp { app, demo in
            let restricted = try #require(demo.children.first { $0.restricted })
            let director = try #require(try await User.query(on: app.db).filter(\.$username == "director").first())
            let second = User(username: "second.admin", displayName: "Second Admin", passwordHash: try Bcrypt.hash(DemoAuthority.password, cost: 4), role: .admin, staffID: nil)
            try await second.create(on: app.db)
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/grants")
            let given = try await admin.post("/admin/grants", ["user": try director.requireID().uuidString, "la-child-id": restricted.laChildID,
                                                                "reason": "Serious case review", "expires-day": "30", "expires-month": "4", "expires-year": "2026"])
            #expect(given.status == .seeOther)
            var reader = try await Visitor.signedIn(app, as: "director")
            #expect(try await reader.get("/children/\(restricted.id)").status == .notFound)
            let grant = try #require(try await AccessGrant.query(on: app.db).first())
            _ = try await admin.get("/admin/grants")
            #expect(try await admin.post("/admin/grants/\(try grant.requireID())/approve").status == .forbidden, "not by the one who gave it")
            var other = try await Visitor.signedIn(app, as: "second.admin")
            _ = try await other.get("/admin/grants")
            #expect(try await other.post("/admin/grants/\(try grant.requireID())/approve").status == .seeOther)
            #expect(try await reader.get("/children/\(restricted.id)").status == .ok)
        }
    }

    @Test func tokensWorkOnlyInTheAPIWithinTheirScopeUntilTheyExpireAndAreNamedInTheAuditTrail() async throws {
        try await withTestApp { app, demo in
            app.post("api", "v1", "test-change") { _ in "changed" }.allow(Role.all)
            let director = try #require(try await User.query(on: app.db).filter(\.$username == "director").first())
            let (readToken, readRecord) = try await BearerTokens.issue(for: director.requireID(), name: "reader", scope: .read, lifetimeDays: 30, now: Date(), on: app.db)
            let (writeToken, _) = try await BearerTokens.issue(for: director.requireID(), name: "writer", scope: .readWrite, lifetimeDays: 30, now: Date(), on: app.db)
            let child = demo.socialWorkersChild
            var api = Visitor(app)
            // A token cannot drive the HTML forms (where no CSRF token would guard it).
            let form = try await api.send(.POST, "/children/\(child.id)/edit", headers: ["Authorization": "Bearer \(writeToken)"], body: ["first-name": "Token"])
            #expect(form.status == .unauthorized)
            #expect(try await api.send(.GET, "/children/\(child.id)", headers: ["Authorization": "Bearer \(writeToken)"], body: nil).status == .unauthorized)
            #expect(try await Child.find(child.id, on: app.db)?.firstName == child.firstName)
            // Scope.
            #expect(try await api.send(.POST, "/api/v1/test-change", headers: ["Authorization": "Bearer \(readToken)"], body: nil).status == .forbidden)
            #expect(try await api.send(.POST, "/api/v1/test-change", headers: ["Authorization": "Bearer \(writeToken)"], body: nil).status == .ok)
            // Audit names the token.
            #expect(try await api.send(.GET, "/api/v1/children/\(child.id)", headers: ["Authorization": "Bearer \(readToken)"], body: nil).status == .ok)
            let row = try #require(try await AuditEvent.query(on: app.db).filter(\.$childID == child.id).filter(\.$action == .read).first())
            #expect(row.username == "director" && row.tokenID == readRecord.id)
            // Expiry and revocation.
            readRecord.expiresAt = Date().addingTimeInterval(-1)
            try await readRecord.save(on: app.db)
            #expect(try await api.send(.GET, "/api/v1/teams", headers: ["Authorization": "Bearer \(readToken)"], body: nil).status == .unauthorized)
        }
    }

    @Test func someoneElsesTokenCannotBeRevokedAndASecondRevokeOfAGrantChangesNothing() async throws {
        try await withTestApp { app, demo in
            let director = try #require(try await User.query(on: app.db).filter(\.$username == "director").first())
            let (_, record) = try await BearerTokens.issue(for: director.requireID(), name: "theirs", scope: .read, lifetimeDays: 30, now: Date(), on: app.db)
            var analyst = try await Visitor.signedIn(app, as: "analyst")
            _ = try await analyst.get("/account/tokens")
            #expect(try await analyst.post("/account/tokens/\(try record.requireID())/revoke").status == .notFound)
            #expect(try await APIToken.find(record.id, on: app.db)?.revokedAt == nil)

            let adminUser = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            let grant = AccessGrant(userID: try director.requireID(), childID: demo.children[0].id, teamID: nil, reason: "Cover", expiresOn: testToday, grantedBy: try adminUser.requireID())
            try await grant.create(on: app.db)
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/grants")
            #expect(try await admin.post("/admin/grants/\(try grant.requireID())/revoke").status == .seeOther)
            let again = try await admin.post("/admin/grants/\(try grant.requireID())/revoke")
            #expect(again.status == .seeOther, "a double click is not an error page")
            #expect(try await admin.get(again.location ?? "/").body.string.contains("already revoked"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Revoked an access grant").count() == 1)
        }
    }

    @Test func aPasswordResetEndsThatPersonsSessionsAndRevokesTheirTokens() async throws {
        try await withTestApp { app, _ in
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "social.worker").first())
            let (token, _) = try await BearerTokens.issue(for: user.requireID(), name: "script", scope: .read, lifetimeDays: 30, now: Date(), on: app.db)
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/users/\(try user.requireID())")
            #expect(try await admin.post("/admin/users/\(try user.requireID())/password", ["new-password": "a-new-long-password"]).status == .seeOther)
            #expect(try await worker.get("/children").status == .seeOther, "signed out")
            #expect(try await admin.get("/admin/users").status == .ok, "the administrator stays signed in")
            var api = Visitor(app)
            #expect(try await api.send(.GET, "/api/v1/teams", headers: ["Authorization": "Bearer \(token)"], body: nil).status == .unauthorized,
                    "a token issued under the old password no longer works")
        }
    }
}

/// Every read of children is audited, and no secret is ever stored.
@Suite struct ReadAuditAndSecretsTests {
    /// The children a page links to (by their ids as they are written there).
    static func childrenLinked(_ page: TestingHTTPResponse) -> Set<String> {
        Set(page.body.string.matches(of: /href="\/children\/([0-9A-F-]{36})"/).map { String($0.1) })
    }

    /// The audit rows of the social worker's views of the child list, oldest first.
    static func listViews(_ app: Application) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).filter(\.$username == "social.worker").filter(\.$action == .list).sort(\.$at).sort(\.$id).all()
            .filter { $0.detail.hasPrefix("Listed children") }
    }

    @Test func listsSearchesAndTheHomePageNameEveryChildShownInTheirAccessHistory() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/")
            _ = try await worker.get("/children?q=\(child.lastName)")
            var director = try await Visitor.signedIn(app, as: "director")
            _ = try await director.get("/api/v1/children?page=1")
            let history = try await AccessHistoryController.events(about: child.id, on: app.db.sql)
            let details = history.map(\.detail)
            #expect(details.contains { $0.contains("home page") })
            #expect(details.contains { $0.contains("Searched children for “\(child.lastName)”") })
            let apiPage = try #require(history.first { $0.detail.hasSuffix("through the API") })
            #expect(try await TestDatabase.shownChildren(.byAuditRow(apiPage.requireID()), on: app.db) == ChildDirectory.pageSize)
            var admin = try await Visitor.signedIn(app, as: "admin")
            let page = try await admin.get("/admin/access-history?child=\(child.laChildID)")
            #expect(page.body.string.contains("Listed the children allocated to them on the home page"))
        }
    }

    /// Undoing the sets (the migration's revert) names each child a read showed in a row of its own
    /// again, as before sets: no read loses the children it named.
    @Test func undoingTheSetsNamesEveryChildShownAsBefore() async throws {
        try await withTestApp { app, _ in
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let shown = Self.childrenLinked(try await worker.get("/children"))
            let read = try #require(try await Self.listViews(app).first)
            try await NameShownChildrenBySet().revert(on: app.db)
            let named = try await app.db.sql.select().column("child_id").from(Audit.shownChildren).where("audit_event_id", .equal, SQLBind(read.requireID()))
                .all(decodingColumn: "child_id", as: UUID.self)
            try await NameShownChildrenBySet().prepare(on: app.db)
            #expect(shown.count > 1 && Set(named.map(\.uuidString)) == shown && named.count == shown.count)
        }
    }

    /// A set of children is the same set whatever order a page showed them in and however often
    /// it showed one, and any other children are another set.
    @Test func aSetOfChildrenIsTheSameWhateverTheOrderAndRepeats() throws {
        let children = (0..<50).map { _ in UUID() }
        let set = try #require(ChildSet(children))
        #expect(Set(set.children) == Set(children) && set.children.count == children.count)
        #expect(ChildSet(children.shuffled() + children.prefix(3))?.id == set.id)
        #expect(ChildSet(Array(children.dropLast()))?.id != set.id)
        #expect(ChildSet(Array(children.dropLast()) + [UUID()])?.id != set.id)
        #expect(ChildSet([]) == nil)
    }

    /// The same children shown again are named by the set kept the first time (`ChildSet`): a list
    /// opened again writes its audit row alone, and the child's access history has every read,
    /// those that named children one by one before sets included.
    @Test func childrenShownAgainAreNamedOnceAndEveryReadStaysInTheirHistory() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            func kept() async throws -> (sets: Int, members: Int) {
                (try await TestDatabase.rows(in: Audit.childSets, on: app.db), try await TestDatabase.rows(in: Audit.childSetMembers, on: app.db))
            }
            let shown = Self.childrenLinked(try await worker.get("/children"))
            #expect(shown.contains(child.id.uuidString) && shown.count > 1)
            let first = try await kept()
            #expect(try await worker.get("/children").status == .ok)
            let second = try await kept()
            #expect(second.sets == first.sets && second.members == first.members, "the second view names no child again")
            let lists = try await Self.listViews(app)
            let set = try #require(lists.first?.childSet)
            #expect(lists.count == 2 && lists[1].childSet == set)
            let named = try await app.db.sql.select().column("child_id").from(Audit.childSetMembers).where("set_id", .equal, SQLBind(set))
                .all(decodingColumn: "child_id", as: UUID.self)
            #expect(Set(named.map(\.uuidString)) == shown && named.count == shown.count, "the set names exactly the children shown")
            // A set the server has written is not offered to the database again: were it, this
            // trigger would refuse the audit row and the page with it.
            if app.db.sql.dialect.name == "sqlite" {
                try await app.db.sql.raw("CREATE TRIGGER refuse_sets BEFORE INSERT ON \(ident: Audit.childSets) BEGIN SELECT RAISE(ABORT, 'written again'); END").run()
                #expect(try await worker.get("/children").status == .ok)
                #expect(try await worker.get("/children?q=\(child.lastName)").status != .ok, "a new set is written, and the trigger refuses it")
                try await app.db.sql.raw("DROP TRIGGER refuse_sets").run()
            }
            // A different set of children is a set of its own.
            _ = try await worker.get("/children?q=\(child.lastName)")
            #expect(try await kept().sets == second.sets + 1)

            // A list read before sets, its row naming the child in the table of those days.
            let earlier = AuditEvent(at: Date(timeIntervalSince1970: 1_780_000_000), userID: nil, username: "social.worker", tokenID: nil,
                                     action: .list, entity: "child", entityID: nil, childID: nil, detail: "Listed before sets")
            try await earlier.create(on: app.db)
            try await app.db.sql.insert(into: Audit.shownChildren).columns("child_id", "audit_event_id")
                .values(SQLBind(child.id), SQLBind(earlier.requireID())).run()

            let history = try await AccessHistoryController.events(about: child.id, on: app.db.sql)
            #expect(Set(lists.map(\.id)).isSubset(of: history.map(\.id)))
            #expect(history.contains { $0.detail.hasPrefix("Searched children") })
            #expect(history.contains { $0.detail == "Listed before sets" })
            let other = try #require(demo.children.first { !shown.contains($0.id.uuidString) && $0.id != child.id })
            #expect(try await AccessHistoryController.events(about: other.id, on: app.db.sql).allSatisfy { $0.childSet != set },
                    "a child the list did not show is not in its history")
        }
    }

    @Test func passwordsAreNeverKeptAfterATimeoutAndFormsWithoutAPageAreNotKept() async throws {
        try await withTestApp { app, _ in
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "social.worker").first())
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/users/new")
            let newForm = admin
            _ = try await admin.get("/admin/users/\(try user.requireID())")
            try await idleEverySession(app)
            _ = try await admin.post("/admin/users/\(try user.requireID())/password", ["new-password": "secret-reset-password"])
            var again = newForm
            _ = try await again.post("/admin/users/new", ["username": "kept.user", "display-name": "Kept", "role": "analyst", "password": "secret-new-password"])
            let saved = try await SavedForm.query(on: app.db).all()
            #expect(saved.count == 1 && saved[0].path == "/admin/users/new", "the reset has no page to restore it on: \(saved.map(\.path))")
            #expect(saved.allSatisfy { !$0.fields.contains("secret") }, "no password is ever kept")
            #expect(saved.first?.fields.contains("kept.user") == true)
        }
    }

    @Test func pagesCarryTheProtectiveHeadersAndSignInsNameTheirAccount() async throws {
        try await withTestApp { app, _ in
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let page = try await worker.get("/children")
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            let signIn = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == .signIn).first())
            #expect(signIn.username == "social.worker" && signIn.userID != nil)
        }
    }
}
