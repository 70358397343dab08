import Fluent
import NIOConcurrencyHelpers
import Vapor

/// While the server serves, folds the rows of the trend's counts kept by month
/// (`TransferStepMonths`) into one a cell, once a minute when more have been added: each change to
/// a child's transfers adds rows of its own, which the review pack adds up when it reads them.
final class TransferStepFolding: LifecycleHandler, Sendable {
    static let interval: Duration = .seconds(60)

    private let running = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        let (db, queue, logger) = (app.db, app.writeQueue, app.logger)
        let task = Task {
            var folded = -1
            while !Task.isCancelled {
                do {
                    if try await TransferStepMonths.rowCount(on: db.sql) != folded {
                        // In turn with the requests' saves on SQLite, rather than polling for the lock.
                        try await db.writeTransaction(queuedOn: queue) { try await TransferStepMonths.fold(on: $0.sql) }
                        folded = try await TransferStepMonths.rowCount(on: db.sql)
                    }
                } catch is CancellationError {
                    break
                } catch {
                    // String(reflecting:): PostgreSQL's errors say what went wrong only that way.
                    logger.warning("The transfer counts kept by month were not folded: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
        running.withLockedValue { $0 = task }
    }

    /// Stops the task and waits for a fold in progress to finish.
    func shutdownAsync(_ app: Application) async {
        guard let task = running.withLockedValue({ running in defer { running = nil }; return running }) else { return }
        task.cancel()
        await task.value
    }
}
