import NIOConcurrencyHelpers
import NIOCore

/// An event loop as the executor a task prefers (SE-0417), so that whatever it awaits resumes it
/// on that loop.
///
/// The event loops are Swift's global executor here (`LineOfSightMain`), which resumes a task on
/// the loop it is woken from, and on any loop when it is woken from another thread. SQLite's
/// statements run on a thread pool of their own and wake the task that ran them from there: each
/// statement then resumed its request on either loop at random, and half the time the request went
/// back across to its own loop, where its database connections are, for the next. Under twenty
/// people reading My work at 15,000 children that kept a quarter of the two cores idle, waiting for
/// threads to be woken. A request (`MiddlewarePipeline`) prefers its own loop.
///
/// One for each loop, made once and kept (`of(_:)`), so that no task outlives its executor. A job
/// given to a loop that has shut down is dropped by NIO: the server's loops, the singleton group's,
/// stop only when the process ends.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    private init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    private static let executors = NIOLockedValueBox<[ObjectIdentifier: EventLoopTaskExecutor]>([:])

    /// The executor of `eventLoop`.
    static func of(_ eventLoop: any EventLoop) -> EventLoopTaskExecutor {
        executors.withLockedValue { executors in
            if let executor = executors[ObjectIdentifier(eventLoop)] { return executor }
            let executor = EventLoopTaskExecutor(eventLoop)
            executors[ObjectIdentifier(eventLoop)] = executor
            return executor
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension EventLoopPromise where Value: Sendable {
    /// Completes with what `body` returns, run as a task that prefers `executor`.
    func completeWithTask(on executor: EventLoopTaskExecutor, _ body: @escaping @Sendable () async throws -> Value) {
        Task(executorPreference: executor) {
            do { succeed(try await body()) } catch { fail(error) }
        }
    }
}
