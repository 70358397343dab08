import Fluent
import Foundation
import Vapor

/// Writes the audit rows of reads (a child's page, a list, a search) together: every page that
/// shows a child writes one, so under load most of a server's write transactions would be these,
/// each waiting its turn for the database's one writer (SQLite) and each paying for its own
/// commit. Here the rows of all the requests that arrive while one batch is being written go in the
/// next batch, in one transaction (group commit). Each request still waits until its own row is
/// committed before it answers, so a read is never shown without its audit row; with one request
/// at a time a batch holds one row and nothing waits longer than before.
///
/// Changes are not written here: their audit row is written in the change's own transaction.
actor ReadAuditWriter {
    struct Read: Sendable {
        let action: AuditAction
        let entity: String
        let entityID: UUID?
        let childID: UUID?
        let shown: [UUID]
        let detail: String
        let actor: Audit.Actor
        let at: Date
    }

    private let database: @Sendable () -> any Database
    /// Told after each batch is committed (`WALCheckpointer`).
    private let wrote: @Sendable () -> Void
    private var pending: [(read: Read, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    /// The sets of children already in the database (`ChildSet`), not written again: a page read
    /// again shows the same children, and its batch is then one statement rather than a
    /// transaction of four. The sets are append-only (`NameShownChildrenBySet`), so one kept stays
    /// kept; this forgets them all when it holds `keptSetsLimit`, to bound its memory.
    private var keptSets: Set<UUID> = []
    static let keptSetsLimit = 50_000

    init(database: @escaping @Sendable () -> any Database, wrote: @escaping @Sendable () -> Void = {}) {
        self.database = database
        self.wrote = wrote
    }

    /// Returns once the row is committed; throws if its batch could not be written.
    func record(_ read: Read) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append((read, done))
            guard !writing else { return }
            writing = true
            Task { await writeBatches() }
        }
    }

    /// Writes batches until nothing is pending; rows recorded while a batch is written wait for
    /// the next one.
    private func writeBatches() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                let sets = try await Audit.recordReads(batch.map(\.read), kept: keptSets, on: database())
                if keptSets.count + sets.count > Self.keptSetsLimit { keptSets = [] }
                keptSets.formUnion(sets)
                wrote()
                for item in batch { item.done.resume() }
            } catch {
                // Should a set it remembers be missing (a database restored from a backup), the
                // next batch writes every set again.
                keptSets = []
                for item in batch { item.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct ReadAuditWriterKey: StorageKey { typealias Value = ReadAuditWriter }

    /// The writer of read audit rows (made when the database is configured).
    var readAuditWriter: ReadAuditWriter {
        get {
            guard let writer = storage[ReadAuditWriterKey.self] else { fatalError("the database has not been configured") }
            return writer
        }
        set { storage[ReadAuditWriterKey.self] = newValue }
    }
}
