import Foundation
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// Every route the application registers, for every role: allowed or refused as the access policy of
/// issue 2 says. The routes come from `app.routes.all`, not from a list kept here; the policy table is
/// written out independently of the routes' own declarations, so a route that declares the wrong
/// roles fails, and a new route without a policy entry fails until someone decides who may use it.
@Suite(.serialized) struct RouteAccessTests {
    /// Who may use each route: the policy, by method and path pattern.
    static let policy: [String: Set<Role>] = {
        let readers: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director, .iro, .qaLead, .analyst, .lado]
        let editors: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director]
        let allocators: Set<Role> = [.teamManager, .headOfService, .director]
        // An IRO records the reviews they chair; each kind of event then admits only its own roles.
        let recorders = editors.union([.iro])
        let organisation: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director, .iro, .qaLead, .analyst, .admin]
        // Those who sit on, chair or prepare for permanence panels and legal gateway meetings.
        let panels: Set<Role> = [.teamManager, .headOfService, .director, .iro, .qaLead]
        // Staff records: administrators and heads of service; the caseload page: heads of service and directors.
        let staffEditors: Set<Role> = [.admin, .headOfService]
        let leaders: Set<Role> = [.headOfService, .director]
        // Supervision: those supervised and those who supervise; only managers record sessions.
        let supervised: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director]
        let supervisors: Set<Role> = [.teamManager, .headOfService]
        var table: [String: Set<Role>] = [
            "GET /": Set(Role.allCases),
            "GET /children": readers, "GET /children/:childID": readers,
            "GET /children-in-care": readers, "GET /permanence": readers, "GET /adoption": readers, "GET /pre-proceedings": readers, "GET /proceedings": readers, "GET /reviews-due": readers, "GET /care-leavers": readers, "GET /missing": readers,
            "GET /transfers": readers, "GET /transfers/review": [.headOfService, .director],
            // Checking and importing the authority's return: performance analysts and administrators.
            "GET /returns/ssda903": [.analyst, .admin], "POST /returns/ssda903": [.analyst, .admin],
            "GET /returns/ssda903/:uploadID": [.analyst, .admin], "GET /returns/ssda903/:uploadID/findings.csv": [.analyst, .admin],
            "POST /returns/ssda903/:uploadID/import": [.analyst, .admin], "GET /returns/ssda903/:uploadID/import": [.analyst, .admin],
            "GET /permanence/panel": panels, "GET /permanence/panel/pack": panels,
            "GET /permanence/panel/decisions": allocators, "POST /permanence/panel/decisions": allocators,
            "GET /children/new": editors, "POST /children/new": editors,
            "GET /children/:childID/edit": editors, "POST /children/:childID/edit": editors,
            "GET /children/:childID/allocate": allocators, "POST /children/:childID/allocate": allocators,
            "GET /children/:childID/record/:list": recorders, "POST /children/:childID/record/:list": recorders,
            "GET /children/:childID/events/:eventID": readers, "POST /children/:childID/events/:eventID/significant": editors,
            // Each step names its own roles too: a worker records that the referrer was told; only a manager authorises.
            "GET /children/:childID/events/:eventID/steps/:step": recorders, "POST /children/:childID/events/:eventID/steps/:step": recorders,
            "GET /children/:childID/chronology": readers, "GET /children/:childID/chronology/print": readers,
            "GET /children/:childID/voice": readers,
            "GET /children/:childID/events/:eventID/correct": recorders, "POST /children/:childID/events/:eventID/correct": recorders,
            "GET /children/:childID/events/:eventID/withdraw": recorders, "POST /children/:childID/events/:eventID/withdraw": recorders,
            "GET /teams": organisation, "GET /teams/:teamID": organisation,
            "GET /staff": organisation, "GET /staff/:staffID": organisation,
            "GET /staff/new": staffEditors, "POST /staff/new": staffEditors,
            "GET /staff/:staffID/edit": staffEditors, "POST /staff/:staffID/edit": staffEditors,
            "GET /workforce": leaders,
            "GET /supervision": supervised, "GET /supervision/:sessionID": supervised,
            "GET /supervision/new": supervisors, "POST /supervision/new": supervisors,
            "GET /supervision/:sessionID/discuss": supervisors, "POST /supervision/:sessionID/discuss": supervisors,
            "GET /api/v1/children": readers, "GET /api/v1/children/:childID": readers,
            "GET /api/v1/children/:childID/journey": readers, "POST /api/v1/children/:childID/journey/:list": recorders,
            "POST /api/v1/children/:childID/journey/:list/:eventID/:nested": recorders,
            "PUT /api/v1/children/:childID/journey/:list/:eventID": recorders, "DELETE /api/v1/children/:childID/journey/:list/:eventID": recorders,
            "GET /api/v1/children/:childID/obligations": readers,
            "GET /my-work": [.socialWorker, .teamManager, .headOfService], "GET /api/v1/me/work": [.socialWorker, .teamManager, .headOfService],
            "GET /api/v1/teams": organisation, "GET /api/v1/teams/:teamID": organisation,
            "GET /api/v1/staff": organisation, "GET /api/v1/staff/:staffID": organisation,
            "GET /account/tokens": readers.union(organisation), "POST /account/tokens": readers.union(organisation),
            "POST /account/tokens/:tokenID/revoke": readers.union(organisation),
        ]
        for route in ["GET /admin/users", "GET /admin/users/new", "POST /admin/users/new", "GET /admin/users/:userID",
                      "POST /admin/users/:userID/tokens/:tokenID/revoke", "POST /admin/users/:userID/active",
                      "POST /admin/users/:userID/role", "POST /admin/users/:userID/password", "POST /admin/users/:userID/unlock",
                      "GET /admin/grants", "POST /admin/grants", "POST /admin/grants/:grantID/revoke", "POST /admin/grants/:grantID/approve",
                      "GET /admin/access-history", "POST /admin/access-history/restricted",
                      "GET /admin/teams/new", "POST /admin/teams/new", "GET /admin/teams/:teamID/edit", "POST /admin/teams/:teamID/edit"] {
            table[route] = [.admin]
        }
        return table
    }()

    /// Routes anyone may use, signed in or not: nothing on them is about a child.
    static let public_: Set<String> = ["GET /sign-in", "POST /sign-in", "POST /sign-out", "GET /healthz", "GET /metrics",
                                       "GET /assets/:file", "GET /api/v1/openapi.json"]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRegisteredRouteIsInThePolicyAndDeclaresItsAccess() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let registered = app.routes.all.map(Self.key)
            #expect(!registered.isEmpty)
            for route in app.routes.all {
                let key = Self.key(route)
                if Self.public_.contains(key) {
                    #expect(route.declaredAccess == .anyone, "\(key) should be open to anyone")
                } else {
                    #expect(Self.policy[key] != nil, "\(key) has no entry in the access policy: decide which roles may use it")
                    #expect(route.declaredAccess != nil && route.declaredAccess != .anyone, "\(key) must declare its roles")
                }
            }
            let stale = Set(Self.policy.keys).subtracting(registered)
            #expect(stale.isEmpty, "policy entries for routes that no longer exist: \(stale.sorted())")
        }
    }

    @Test func everyRoleIsAllowedOrRefusedOnEveryRoute() async throws {
        try await withTestApp { app, demo in
            let spare = User(username: "spare", displayName: "Spare Account", passwordHash: "x", role: .analyst, staffID: nil)
            try await spare.create(on: app.db)
            let parameters: [String: String] = [
                "childID": demo.socialWorkersChild.id.uuidString,
                "teamID": demo.team(named: "Safeguarding Team 1").id.uuidString,
                "staffID": demo.account(.socialWorker).staffID!.uuidString,
                "userID": try spare.requireID().uuidString,
                "tokenID": UUID().uuidString,
                "grantID": UUID().uuidString,
                "sessionID": UUID().uuidString,
                "uploadID": UUID().uuidString,
                // Recorded by every role the recording routes admit (an IRO records reviews, not visits).
                "list": "lacReviews",
                "eventID": UUID().uuidString,
                "step": "authorise",
                "nested": "placements",
                "file": String(Assets.stylesheetPath.dropFirst("/assets/".count)),
            ]
            var checked = 0
            for role in Role.allCases {
                var visitor = try await Visitor.signedIn(app, as: demo.account(role).username)
                for route in app.routes.all where !Self.public_.contains(Self.key(route)) {
                    let path = "/" + route.path.map { component -> String in
                        if case let .parameter(name) = component { return parameters[name]! }
                        return component.description
                    }.joined(separator: "/")
                    // The API reads JSON, so a session's CSRF token goes in its header there.
                    let response = switch route.method {
                    case .GET: try await visitor.get(path)
                    case .POST where !path.hasPrefix("/api/"): try await visitor.post(path)
                    default: try await visitor.send(route.method, path, headers: ["X-CSRF-Token": visitor.csrfToken ?? ""], body: [:])
                    }
                    let allowed = Self.policy[Self.key(route)]?.contains(role) ?? false
                    if allowed {
                        #expect(response.status != .forbidden && response.status != .unauthorized,
                                "\(role.rawValue) should be allowed \(Self.key(route)), got \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(role.rawValue) should be refused \(Self.key(route)), got \(response.status)")
                    }
                    checked += 1
                }
            }
            #expect(checked == Role.allCases.count * (app.routes.all.count - Self.public_.count))
        }
    }

    @Test func signedOutVisitorsAreSentToSignInOrRefusedByTheAPI() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            var visitor = Visitor(app)
            for route in app.routes.all where route.method == .GET && !Self.public_.contains(Self.key(route)) {
                let path = "/" + route.path.map { if case .parameter = $0 { return UUID().uuidString } else { return $0.description } }.joined(separator: "/")
                let response = try await visitor.get(path)
                if path.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(path): \(response.status)")
                } else {
                    #expect(response.status == .seeOther && response.location?.hasPrefix("/sign-in?next=") == true, "\(path): \(response.status)")
                }
            }
        }
    }
}
