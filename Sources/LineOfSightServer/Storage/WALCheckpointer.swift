import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// While the server serves, copies SQLite's write-ahead log back into the database file on a
/// connection and a thread of its own, so that no request waits for it.
///
/// Left to SQLite, every commit made while the log holds 1,000 pages or more first copies back
/// what no open read still needs (`wal_autocheckpoint`), and that commit is usually the batch of
/// read audit rows (`ReadAuditWriter`) that every page waits for. A CSV export of 4,000 children
/// named each child in the audit trail, a page of the index by child for each (now once for each
/// different set of children, `ChildSet`), so each export's commit also copied 4,000 pages: a
/// tenth of its time. When it starts, the checkpointer turns
/// SQLite's own checkpoints off on the serving connections; it copies the log after each batch of
/// audit rows (`wrote()`; batches written meanwhile are copied at once) and every second for the
/// other writes. Under load it copies at most ten times a second (`minimumGap`): each copy waits
/// for the disk twice (the log, then the file), and the same index pages written by one batch after
/// another are then copied once rather than once a batch (copying was 7 % of the child list's CPU
/// at twenty connections when it followed every batch, 3 % since).
///
/// A write starts the log again from its start only when all of it has been copied and no read
/// still looks into it, so copying soon after each write keeps the log as short as SQLite's own
/// checkpoints do (measured: 2.5 MB under twenty people reading lists, 29 MB under exports one
/// after another). Its checkpoints are `PASSIVE`, as SQLite's own: they never hold writes back, so
/// a transaction that read before it writes never finds the database locked because of them.
///
/// Commands (`migrate`, `import`, `obligations rederive`) keep SQLite's own checkpoints: nothing
/// else waits on them, and a long run of transactions, each reading before it writes, would keep
/// the log from starting again between them.
final class WALCheckpointer: LifecycleHandler, Sendable {
    static let interval: Duration = .seconds(1)
    static let minimumGap: Duration = .milliseconds(100)

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
        try await SQLiteTuning.set(["wal_autocheckpoint=0"], onEveryConnectionOf: app)
        let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: app.threadPool, logger: app.logger,
                                                         on: app.eventLoopGroup.any())
        let (wakes, wake, logger) = (wakes, wake, app.logger)
        let checkpoints = Task {
            for await _ in wakes {
                do {
                    _ = try await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
                } catch {
                    logger.warning("The write-ahead log was not copied into the database: \(String(describing: error))")
                }
                // What is written meanwhile waits for the next copy (one wake-up is kept).
                try? await Task.sleep(for: Self.minimumGap)
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
    /// close its connection). Vapor's `asyncShutdown` calls this; every way out of `LineOfSightMain` uses it.
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

    /// The checkpointer of an SQLite database file while serving; nil otherwise.
    var walCheckpointer: WALCheckpointer? {
        get { storage[WALCheckpointerKey.self] }
        set { storage[WALCheckpointerKey.self] = newValue }
    }
}
