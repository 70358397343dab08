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
        let (db, logger) = (app.db, app.logger)
        let task = Task {
            var folded = -1
            while !Task.isCancelled {
                do {
                    if try await TransferStepMonths.rowCount(on: db.sql) != folded {
                        try await TransferStepMonths.fold(on: db)
                        folded = try await TransferStepMonths.rowCount(on: db.sql)
                    }
                } catch {
                    logger.warning("The transfer counts kept by month were not folded: \(String(describing: error))")
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
