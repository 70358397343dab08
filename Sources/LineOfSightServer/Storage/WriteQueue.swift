import Fluent
import Vapor

/// SQLite lets one writer in at a time and makes the others wait by polling the lock (sleeping 1, 2,
/// 5 … 100 ms between tries), so twenty people saving at once wait far longer than their saves take.
/// The busiest write transactions (recording a child's events, allocating, editing a child) queue
/// here instead, first come first served, each starting the moment the one before ends, and without
/// holding a database connection while they wait. PostgreSQL has no queue: its row locks order the
/// writers to one child and let every other write run at once.
actor WriteQueue {
    private var writing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        guard writing else { writing = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { writing = false } else { waiting.removeFirst().resume() }
    }
}

extension Application {
    private struct WriteQueueKey: StorageKey { typealias Value = WriteQueue }

    /// The queue of write transactions, on SQLite only.
    var writeQueue: WriteQueue? {
        get { storage[WriteQueueKey.self] }
        set { storage[WriteQueueKey.self] = newValue }
    }
}

extension Request {
    /// A write transaction, queued behind the others on SQLite (see `WriteQueue`).
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.writeTransaction(queuedOn: application.writeQueue, body)
    }
}

extension Database {
    /// A write transaction, queued behind the others when there is a `queue` (on SQLite).
    func writeTransaction<T: Sendable>(queuedOn queue: WriteQueue?, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let queue else { return try await transaction(body) }
        return try await queue.run { try await self.transaction(body) }
    }
}
