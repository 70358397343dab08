import Fluent
import NIOConcurrencyHelpers
@testable import LineOfSightServer
import Testing
import Vapor

/// Stopping the server waits for the requests still being answered before the databases close,
/// even one whose client has gone: one left running once they had closed stopped the process.
@Suite struct ServerStopTests {
    @Test func stoppingWaitsForARequestStillBeingAnswered() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let answered = NIOLockedValueBox(false)
            app.get("slow-for-this-test") { req async throws -> String in
                try await Task.sleep(for: .milliseconds(300))
                let children = try await Child.query(on: req.db).count()
                answered.withLockedValue { $0 = true }
                return "\(children)"
            }.access(.anyone)
            // Asked for and left: no one waits for its answer.
            let request = Request(application: app, method: .GET, url: URI(path: "/slow-for-this-test"), on: app.eventLoopGroup.next())
            let response = app.responder.current.respond(to: request)
            try await Task.sleep(for: .milliseconds(50))
            #expect(app.requestsInFlight.answering == 1)
            await app.requestsInFlight.shutdownAsync(app)
            #expect(answered.withLockedValue { $0 } && app.requestsInFlight.answering == 0)
            #expect(try await response.get().status == .ok)
        }
    }
}
