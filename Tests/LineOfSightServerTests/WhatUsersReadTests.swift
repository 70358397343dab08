import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// What people read: no page, in any state, shows a code identifier; the main pages are snapshots.
@Suite struct WhatUsersReadTests {
    static func parameters(_ app: Application, _ demo: DemoAuthority) async throws -> [String: String] {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "analyst").first())
        return [
            "childID": demo.socialWorkersChild.id.uuidString,
            "teamID": demo.team(named: "Safeguarding Team 1").id.uuidString,
            "staffID": demo.account(.socialWorker).staffID!.uuidString,
            "userID": try user.requireID().uuidString, "tokenID": UUID().uuidString, "grantID": UUID().uuidString,
            "list": "visits", "eventID": UUID().uuidString, "step": "authorise", "nested": "placements",
            "uploadID": UUID().uuidString,
        ]
    }

    static func path(_ route: Route, _ parameters: [String: String]) -> String {
        "/" + route.path.map { component -> String in
            if case let .parameter(name) = component { return parameters[name] ?? name }
            return component.description
        }.joined(separator: "/")
    }

    @Test func noPageOrFormStateShowsACodeIdentifier() async throws {
        try await withTestApp { app, demo in
            let parameters = try await Self.parameters(app, demo)
            var problems: [String] = []
            var pages = 0
            func read(_ response: TestingHTTPResponse, _ label: String) {
                guard response.headers.contentType == .html else { return }
                pages += 1
                for (element, text) in PageText.readText(in: response.body.string) {
                    let words = PageText.codeLikeWords(in: text)
                    if !words.isEmpty { problems.append("\(label) <\(element)> “\(text)”: \(words)") }
                }
            }
            var anonymous = Visitor(app)
            for path in ["/sign-in", "/sign-in?timeout=1", "/sign-in?signedOut=1", "/no-such-page"] { read(try await anonymous.get(path), path) }
            read(try await anonymous.post("/sign-in", ["username": "nobody", "password": "wrong"]), "sign-in refused")
            for role in Role.allCases {
                var visitor = try await Visitor.signedIn(app, as: demo.account(role).username)
                for route in app.routes.all where !route.path.contains(where: { ["api", "assets", "metrics", "healthz", "sign-out"].contains($0.description) }) {
                    let key = RouteAccessTests.key(route)
                    guard RouteAccessTests.policy[key]?.contains(role) ?? RouteAccessTests.public_.contains(key) else { continue }
                    let path = Self.path(route, parameters)
                    if route.method == .GET {
                        read(try await visitor.get(path), "\(role.rawValue) GET \(path)")
                    } else {
                        // The form's error state: submitted empty.
                        _ = try await visitor.get("/")
                        read(try await visitor.post(path, [:]), "\(role.rawValue) POST \(path) empty")
                    }
                }
            }
            // Confirmation messages after the main changes.
            let child = demo.socialWorkersChild
            let team = demo.team(named: "Safeguarding Team 1")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/children/\(child.id)/allocate")
            let worker = demo.staff.first { $0.teamID == team.id && $0.jobRole.holdsCases && $0.id != demo.account(.socialWorker).staffID }!
            let allocated = try await manager.post("/children/\(child.id)/allocate", ["team": team.id.uuidString, "worker": worker.id.uuidString,
                                                                                       "start-date-day": "31", "start-date-month": "3", "start-date-year": "2026"])
            read(try await manager.get(allocated.location ?? "/"), "after allocating")
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/teams/new")
            let created = try await admin.post("/admin/teams/new", ["name": "Fostering Support", "service": "children_in_care"])
            read(try await admin.get(created.location ?? "/"), "after adding a team")
            var analyst = try await Visitor.signedIn(app, as: "analyst")
            _ = try await analyst.get("/account/tokens")
            let issued = try await analyst.post("/account/tokens", ["token-name": "Power BI", "token-scope": "read", "token-days": "90"])
            read(try await analyst.get(issued.location ?? "/"), "after issuing a token")
            #expect(problems.isEmpty, "text that looks like code:\n\(problems.joined(separator: "\n"))")
            #expect(pages > 100, "pages read: \(pages)")
        }
    }

    @Test func theCheckFindsCodeIdentifiers() {
        #expect(PageText.codeLikeWords(in: "StoredAllocation saved") == ["StoredAllocation"])
        #expect(PageText.codeLikeWords(in: "Role: social_worker") == ["social_worker"])
        #expect(PageText.codeLikeWords(in: "the laChildID field") == ["laChildID"])
        #expect(PageText.codeLikeWords(in: "Welcome to LineOfSight, Mr McDonald").isEmpty)
        let html = #"<h1 class="govuk-heading-l">StoredAllocation</h1><p>fooBar</p><code>fooBar</code><label for="x">last_seen</label>"#
        #expect(PageText.readText(in: html).map(\.text) == ["StoredAllocation", "last_seen"])
    }

    @Test func theMainPagesMatchTheirSnapshots() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            let team = demo.team(named: "Safeguarding Team 1")
            var anonymous = Visitor(app)
            try Snapshots.assertMatches(try await anonymous.get("/sign-in").body.string, named: "sign-in")
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            try Snapshots.assertMatches(try await worker.get("/").body.string, named: "home-social-worker")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            for (name, path) in [("home-team-manager", "/"), ("children", "/children"), ("child", "/children/\(child.id)"),
                                 ("child-edit", "/children/\(child.id)/edit"), ("child-allocate", "/children/\(child.id)/allocate"),
                                 ("team", "/teams/\(team.id)"), ("record-visit", "/children/\(child.id)/record/visits")] {
                try Snapshots.assertMatches(try await manager.get(path).body.string, named: name)
            }
            _ = try await manager.get("/children/new")
            try Snapshots.assertMatches(try await manager.post("/children/new", [:]).body.string, named: "child-new-errors")
            var board = try await Visitor.signedIn(app, as: "board")
            try Snapshots.assertMatches(try await board.get("/").body.string, named: "home-board")
            var admin = try await Visitor.signedIn(app, as: "admin")
            try Snapshots.assertMatches(try await admin.get("/admin/grants").body.string, named: "admin-grants")
            try Snapshots.assertMatches(try await admin.get("/admin/access-history?child=\(child.laChildID)").body.string
                .replacingOccurrences(of: #"\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}"#, with: "(time)", options: .regularExpression), named: "admin-access-history")
            var analyst = try await Visitor.signedIn(app, as: "analyst")
            _ = try await analyst.get("/returns/ssda903")
            try Snapshots.assertMatches(try await analyst.postMultipart("/returns/ssda903", fields: [:], files: []).body.string, named: "return-check-errors")
        }
    }
}
