import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The requests being answered, counted so that stopping the server waits for them before the
/// databases close. Vapor stops the HTTP server and closes the databases in no set order once its
/// lifecycle handlers have stopped, and a request whose client has gone (its connection closed
/// mid-request) is still answered to its end: one still running when the databases had closed
/// stopped the process (Fluent's database is not optional), losing the audit rows of every read
/// then in flight.
final class RequestsInFlight: LifecycleHandler, Sendable {
    private let count = NIOLockedValueBox(0)
    /// How long from the start of stopping it waits for the last of them (the HTTP server's own
    /// wait for its open connections included).
    static let patience = TimeAmount.seconds(10)

    func begin() { count.withLockedValue { $0 += 1 } }
    func end() { count.withLockedValue { $0 -= 1 } }
    var answering: Int { count.withLockedValue { $0 } }

    /// The HTTP server first, which stops taking requests and waits for those of its open
    /// connections; then any left whose client has gone.
    func shutdownAsync(_ application: Application) async {
        let deadline = NIODeadline.now() + Self.patience
        await application.server.shutdown()
        while answering > 0, NIODeadline.now() < deadline, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
        if answering > 0 { application.logger.warning("Stopping with \(answering) requests still being answered") }
    }
}

extension Application {
    private struct RequestsInFlightKey: StorageKey { typealias Value = RequestsInFlight }

    /// Every request's, counted by the middleware (`MiddlewarePipeline`).
    var requestsInFlight: RequestsInFlight {
        if let counted = storage[RequestsInFlightKey.self] { return counted }
        let counted = RequestsInFlight()
        storage[RequestsInFlightKey.self] = counted
        return counted
    }
}
