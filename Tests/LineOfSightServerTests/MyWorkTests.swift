import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
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
            var head = try await Visitor.signedIn(app, as: "head.of.service")
            #expect(try await head.get("/my-work").body.string.contains("By team"))
            var board = try await Visitor.signedIn(app, as: "board")
            #expect(try await board.get("/my-work").status == .forbidden)
        }
    }

    struct APIWorkCheck: Decodable {
        struct Count: Decodable { let id: UUID?; let overdue: Int }
        let counts: [Count]
    }
}
