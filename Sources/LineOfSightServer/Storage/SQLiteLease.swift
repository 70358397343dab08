import NIOCore
import SQLiteNIO

extension SQLiteDatabase {
    /// One of the pool's connections, held for `body`, which runs in the calling task.
    ///
    /// SQLiteNIO's own `withConnection(_:) async` runs its closure as a new task, which does not
    /// inherit the request's preferred executor (`EventLoopTaskExecutor`): each statement's
    /// result would resume it on either event loop at random. Here the connection is leased
    /// through the pool's future and handed back when `body` returns or throws.
    func leasingConnection<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let leased = eventLoop.makePromise(of: SQLiteConnection.self)
        let released = eventLoop.makePromise(of: Void.self)
        withConnection { connection in
            leased.succeed(connection)
            return released.futureResult
        }
        // Only a connection the pool could not give fails it (none free in time, the pool shut
        // down); once given, it is held until released.
        .whenFailure { error in
            leased.fail(error)
            released.succeed(())
        }
        let connection = try await leased.futureResult.get()
        defer { released.succeed(()) }
        return try await body(connection)
    }
}
