import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Copies SQLite's write-ahead log back into the database file on a connection and a thread of its
/// own, so that no request waits for it.
///
/// Left to SQLite, the commit that takes the log past 1,000 pages copies them all before it returns
/// (`wal_autocheckpoint`), and that commit is usually the batch of read audit rows
/// (`ReadAuditWriter`) that every page waits for. A CSV export of 4,000 children names each child
/// in the audit trail, a page of the index by child for each, so each export's commit also copied
/// 4,000 pages: a tenth of its time. The serving connections have automatic checkpoints off
/// (`SQLiteTuning`); here the log is copied after each batch of audit rows (`wrote()`, several
/// batches written meanwhile copied at once) and every second for the other writes.
///
/// A write starts the log again from its start only when the whole log has been copied and no read
/// still looks into it, so copying soon after each write keeps it short. Should it still pass
/// `restartAbove` pages, the checkpoint waits for those reads to end (new reads go to the file),
/// holding writes back meanwhile, so that the next write starts it again.
final class WALCheckpointer: LifecycleHandler, Sendable {
    static let interval: Duration = .seconds(1)
    /// 10,000 pages of 4 KB: 40 MB.
    static let restartAbove = 10_000

    private let path: String
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let running = NIOLockedValueBox<(checkpoints: Task<Void, Never>, ticks: Task<Void, Never>)?>(nil)

    init(path: String) {
        self.path = path
        // One wake-up waiting is enough: the checkpoint after it copies everything written before.
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Something was committed: copy it soon.
    func wrote() {
        wake.yield()
    }

    func didBootAsync(_ app: Application) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: app.threadPool, logger: app.logger,
                                                         on: app.eventLoopGroup.any())
        // How long a restart may hold writes back waiting for reads; if they take longer, it tries again next time.
        _ = try await connection.query("PRAGMA busy_timeout=100")
        let (wakes, wake, logger) = (wakes, wake, app.logger)
        let checkpoints = Task {
            for await _ in wakes {
                do {
                    // PASSIVE copies what no read still needs, and never waits for a read or a write.
                    let copied = try await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
                    if let pages = copied.first?.column("log")?.integer, pages > Self.restartAbove {
                        _ = try await connection.query("PRAGMA wal_checkpoint(RESTART)")
                    }
                } catch {
                    logger.warning("The write-ahead log was not copied into the database: \(String(describing: error))")
                }
            }
            try? await connection.close()
        }
        let ticks = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                wake.yield()
            }
        }
        running.withLockedValue { $0 = (checkpoints, ticks) }
    }

    /// Stops the ticks, then lets the checkpoints finish (not cancelled: a cancelled task could not
    /// close its connection).
    func shutdownAsync(_ app: Application) async {
        guard let (checkpoints, ticks) = running.withLockedValue({ running in defer { running = nil }; return running }) else { return }
        ticks.cancel()
        await ticks.value
        wake.finish()
        await checkpoints.value
    }
}

extension Application {
    private struct WALCheckpointerKey: StorageKey { typealias Value = WALCheckpointer }

    /// The checkpointer of an SQLite database file; nil on PostgreSQL and in memory.
    var walCheckpointer: WALCheckpointer? {
        get { storage[WALCheckpointerKey.self] }
        set { storage[WALCheckpointerKey.self] = newValue }
    }
}
