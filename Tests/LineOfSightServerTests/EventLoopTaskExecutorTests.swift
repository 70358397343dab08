import Foundation
@testable import LineOfSightServer
import NIOCore
import NIOPosix
import SQLiteNIO
import Testing

/// A request's task resumes on its own event loop whatever thread wakes it (`EventLoopTaskExecutor`),
/// and a leased SQLite connection goes back to the pool however its work ends (`leasingConnection`).
@Suite struct EventLoopTaskExecutorTests {
    @Test func aTaskWokenFromAnotherThreadResumesOnTheLoopItPrefers() async throws {
        let pool = NIOThreadPool.singleton
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            let promise = loop.makePromise(of: [Bool].self)
            promise.completeWithTask(on: .of(loop)) {
                var onTheLoop = [loop.inEventLoop]
                for _ in 0..<20 {
                    // Woken from the pool's thread, as SQLite's statements wake the task that ran them.
                    try await pool.runIfActive { }
                    onTheLoop.append(loop.inEventLoop)
                }
                return onTheLoop
            }
            #expect(try await promise.futureResult.get().allSatisfy { $0 })
        }
    }

    /// Every request's task prefers its own loop (`MiddlewarePipeline`).
    @Test func aRequestResumesOnItsOwnEventLoop() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            app.get("resumes") { req async throws -> String in
                var onTheLoop = [req.eventLoop.inEventLoop]
                for _ in 0..<10 {
                    try await NIOThreadPool.singleton.runIfActive { }
                    onTheLoop.append(req.eventLoop.inEventLoop)
                }
                return onTheLoop.allSatisfy { $0 } ? "on its loop" : "moved: \(onTheLoop)"
            }.access(.anyone)
            var visitor = Visitor(app)
            let answer = try await visitor.get("/resumes").body.string
            #expect(answer == "on its loop")
        }
    }

    @Test func aLeasedConnectionGoesBackToThePoolWhenItsWorkFails() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            guard let sqlite = (app.db.sql as? QuotedSQL)?.base as? any SQLiteDatabase else { return } // SQLite only
            struct Refused: Error {}
            // The pool has one connection an event loop: were the first lease kept, the second would wait for ever.
            await #expect(throws: Refused.self) {
                try await sqlite.leasingConnection { _ in throw Refused() }
            }
            let answer = try await sqlite.leasingConnection { connection in try await connection.query("SELECT 1 AS n", []) }
            #expect(answer.first?.column("n")?.integer == 1)
        }
    }
}
