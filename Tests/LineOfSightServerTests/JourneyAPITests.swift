import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// The journey API's fixed contract: record, read, correct and withdraw events in the journey
/// format; 422 with JSON paths; 404 for an unknown list; obligations exactly as the CLI prints them.
@Suite(.serialized) struct JourneyAPITests {
    static func token(_ app: Application, _ username: String, scope: TokenScope = .readWrite) async throws -> String {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        return try await BearerTokens.issue(for: user.requireID(), name: "case system", scope: scope, lifetimeDays: 30, now: Date(), on: app.db).token
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(method, path, beforeRequest: { req in
            req.headers.bearerAuthorization = BearerAuthorization(token: token)
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: json)
            }
        }, afterResponse: { res in result = (res.status, res.body.string) })
        return result
    }

    @Test func recordReadCorrectAndWithdrawThroughTheAPI() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            let token = try await Self.token(app, "social.worker")
            let base = "/api/v1/children/\(child.id!)/journey"
            let (created, body) = try await Self.send(app, .POST, base + "/strategyDiscussions", token: token,
                                                      json: #"{"date": "2026-03-20", "agencies": ["police"], "s47Initiated": true, "rationale": "Disclosure at school"}"#)
            #expect(created == .created, "\(body)")
            let stored = try JSONDecoder().decode([String: JSONValue].self, from: Data(body.utf8))
            guard case let .string(id)? = stored["id"] else { Issue.record("no id in \(body)"); return }
            #expect(stored["version"] == .number(1) && stored["rationale"] == .string("Disclosure at school"))

            let (read, document) = try await Self.send(app, .GET, base, token: token)
            #expect(read == .ok)
            let journey = try JourneyDocument.decode(Data(document.utf8))
            #expect(journey.strategyDiscussions.map(\.id) == [id])

            // Stale, then a proper correction, then a withdrawal: each needs a reason.
            let (stale, _) = try await Self.send(app, .PUT, base + "/strategyDiscussions/\(id)", token: token,
                                                 json: #"{"date": "2026-03-19", "agencies": ["police"], "s47Initiated": true, "reason": "typo", "version": 7}"#)
            #expect(stale == .conflict)
            let (noReason, problems) = try await Self.send(app, .PUT, base + "/strategyDiscussions/\(id)", token: token,
                                                           json: #"{"date": "2026-03-19", "agencies": ["police"], "s47Initiated": true}"#)
            #expect(noReason == .unprocessableEntity && problems.contains("$.reason"))
            let (corrected, after) = try await Self.send(app, .PUT, base + "/strategyDiscussions/\(id)", token: token,
                                                         json: #"{"date": "2026-03-19", "agencies": ["police"], "s47Initiated": true, "reason": "typo", "version": 1}"#)
            #expect(corrected == .ok && after.contains("2026-03-19") && after.contains(#""version":2"#))
            #expect(try await Self.send(app, .DELETE, base + "/strategyDiscussions/\(id)?reason=wrong%20child", token: token).0 == .noContent)
            #expect(try JourneyDocument.decode(Data(try await Self.send(app, .GET, base, token: token).1.utf8)).strategyDiscussions.isEmpty)
            #expect(try await Self.send(app, .DELETE, base + "/strategyDiscussions/\(id)?reason=again", token: token).0 == .notFound)
        }
    }

    @Test func badBodiesGet422WithTheJSONPathAndUnknownListsGet404() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            let token = try await Self.token(app, "social.worker")
            let base = "/api/v1/children/\(child.id!)/journey"
            let cases: [(String, String)] = [
                (#"{"date": "2026-02-30", "kind": "planned", "location": "home", "seen": true}"#, "$.date"),
                (#"{"kind": "planned", "location": "home", "seen": true}"#, "$.date"),
                (#"{"date": "2026-05-01", "kind": "planned", "location": "home", "seen": true}"#, "$.date"),
                (#"{"date": "2026-03-01", "kind": "planned", "location": "home", "seen": false, "seenAlone": true}"#, "$.seenAlone"),
                (#"{"date": "2026-03-01", "kind": "planned", "location": "moon", "seen": true}"#, "$.location"),
                (#"[1, 2]"#, "$"),
                ("not json", "$"),
            ]
            for (json, path) in cases {
                let (status, body) = try await Self.send(app, .POST, base + "/visits", token: token, json: json)
                #expect(status == .unprocessableEntity, "\(json): \(status)")
                let problems = try? JSONDecoder().decode(APIError.self, from: Data(body.utf8)).problems
                #expect(problems?.contains { $0.path == path } == true, "\(json) should name \(path): \(body)")
            }
            let (owner, body) = try await Self.send(app, .POST, base + "/actions", token: token,
                                                    json: #"{"description": "Call school", "ownerID": "\#(UUID())", "raised": "2026-03-01", "due": "2026-04-01"}"#)
            #expect(owner == .unprocessableEntity && body.contains("$.ownerID"))
            #expect(try await Self.send(app, .POST, base + "/nonsense", token: token, json: "{}").0 == .notFound)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).count() == 0, "nothing saved")
            let reader = try await Self.token(app, "social.worker", scope: .read)
            #expect(try await Self.send(app, .POST, base + "/visits", token: reader,
                                        json: #"{"date": "2026-03-01", "kind": "planned", "location": "home", "seen": true}"#).0 == .forbidden)
        }
    }

    @Test func theAPIsObligationsAreExactlyWhatTheCommandLinePrintsForTheSameJourney() async throws {
        try await withTestApp { app, demo in
            let token = try await Self.token(app, "team.manager")
            let child = demo.socialWorkersChild
            let (status, document) = try await Self.send(app, .GET, "/api/v1/children/\(child.id)/journey", token: token)
            #expect(status == .ok)
            #expect(try JourneyDocument.decode(Data(document.utf8)).visits.isEmpty == false, "the demo child has a history")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("journey-\(UUID().uuidString).json")
            try document.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let cli = try DomainCommandTests().run(["obligations", "--journey", file.path, "--as-of", "2026-03-15"])
            #expect(cli.status == 0, "\(cli.error)")
            let (_, api) = try await Self.send(app, .GET, "/api/v1/children/\(child.id)/obligations?asOf=2026-03-15", token: token)
            #expect(api == cli.output.trimmingCharacters(in: .newlines))
            #expect(try await Self.send(app, .GET, "/api/v1/children/\(child.id)/obligations?asOf=2026-02-30", token: token).0 == .badRequest)
        }
    }
}
