import Foundation

extension Array {
    /// The elements in runs of at most `size`: statements below a database's limit on bound
    /// values, batches of children.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Array where Element: Sendable {
    /// `transform` of each element, in order, with the elements split between the machine's cores:
    /// for work on a batch that is all computation and touches nothing shared (re-deriving
    /// everyone: decoding each child's events, deriving, checking their record against the return).
    func mapOnEveryCore<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) async throws -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count > 1 else { return try map(transform) }
        // Four slices a core rather than one: children's records differ in length, and other work
        // (a batch being written) takes a core now and then, so a core that is done takes another
        // slice rather than waiting for the slowest.
        let slices = chunked((count + cores * 4 - 1) / (cores * 4))
        return try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            for (number, slice) in slices.enumerated() {
                // On the shared pool: a task started on one of the server's event loops would
                // otherwise run its children on that one loop, one after another.
                group.addTask(executorPreference: globalConcurrentExecutor) { (number, try slice.map(transform)) }
            }
            var done: [Int: [T]] = [:]
            for try await (number, slice) in group { done[number] = slice }
            return slices.indices.flatMap { done[$0] ?? [] }
        }
    }
}
