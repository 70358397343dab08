import FluentPostgresDriver
import NIOCore
import SQLiteNIO

/// One of a pool's connections, held for `body`, which runs in the calling task.
///
/// The drivers' own `withConnection(_:) async` runs its closure as a new task for every statement,
/// which does not inherit the request's preferred executor (`EventLoopTaskExecutor`): on SQLite,
/// whose statements wake their task from its thread pool, each result resumed it on either event
/// loop at random. Here the connection is leased through the pool's future and handed back when
/// `body` returns or throws.
private func leasing<Connection: Sendable, T: Sendable>(
    on eventLoop: any EventLoop, _ withConnection: (@escaping @Sendable (Connection) -> EventLoopFuture<Void>) -> EventLoopFuture<Void>,
    _ body: (Connection) async throws -> T
) async throws -> T {
    let leased = eventLoop.makePromise(of: Connection.self)
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

extension SQLiteDatabase {
    func leasingConnection<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        try await leasing(on: eventLoop, { withConnection($0) }, body)
    }
}

extension PostgresDatabase {
    func leasingConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await leasing(on: eventLoop, { withConnection($0) }, body)
    }
}
