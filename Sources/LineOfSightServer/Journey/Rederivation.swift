import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Re-deriving every child: after a change to the council's standards, a rule, or a bulk load. The
/// stored rows remember the basis they were derived on, so a start-up with a different basis
/// re-derives everyone before serving anything.
enum Rederivation {
    /// Children per transaction: a batch's events and allocations are read in two queries. Small
    /// batches, several read ahead, keep the memory held at once low (docs/performance.md,
    /// seventeenth session).
    static let batchSize = 200
    /// Batches read while one is written, given a second connection to read them on.
    static let readAhead = 4

    /// Re-derives every child, in batches; `progress(done, total)` after each batch.
    /// `today` (the application clock's) decides the collection year whose return errors are stored.
    ///
    /// With `reader`, a second connection (`Application.databaseBeside`), the next batches
    /// (`readAhead`) are read and derived (on every core) while one is written: writing is one
    /// statement after another, and left a core idle. A batch read before a user changed one of
    /// its children (a change takes the child's journey lock, `ChildDerivation.lock`) is not
    /// written from what was read: that child is read and derived again inside the transaction
    /// that writes the batch, after taking the locks of the whole batch, so nothing derived from a
    /// superseded record is stored. Without one, each batch is read once the one before is written (an SQLite
    /// connection holds one transaction at a time).
    static func all(setup: StandardsFile, today: CivilDate? = nil, on db: any Database, reading reader: (any Database)? = nil,
                    batchSize: Int = batchSize, progress: (Int, Int) -> Void = { _, _ in }) async throws {
        let children = try await db.sql.select().column("id").from(Child.schema).orderBy("id").all(decodingColumn: "id", as: UUID.self)
        let batches = children.chunked(batchSize).map(Array.init)
        let derivation = ChildDerivation(setup: setup)
        func reading(_ index: Int) -> Task<[Read], any Error>? {
            guard batches.indices.contains(index) else { return nil }
            return Task { [batch = batches[index]] in try await read(batch, derivation: derivation, on: reader ?? db) }
        }
        // The batches being read, in order: the next one to write and, with a reader, `readAhead`
        // more, read while it is written; while one batch's rows are read (on one thread) another's
        // are derived (on every core).
        let inFlight = reader == nil ? 1 : 1 + readAhead
        var ahead: [Task<[Read], any Error>] = []
        var unread = 0
        var done = 0
        do {
            for _ in batches.indices {
                while ahead.count < inFlight, let task = reading(unread) { ahead.append(task); unread += 1 }
                let batch = try await ahead.removeFirst().value
                try await writeRetryingDeadlock(on: db) { db in try await write(batch, derivation: derivation, today: today, on: db) }
                done += batch.count
                progress(done, children.count)
            }
        } catch {
            // Not left reading once the run has failed.
            for task in ahead { task.cancel() }
            for task in ahead { _ = await task.result }
            throw error
        }
        try await TransferStepMonths.recount(on: db)
        try await db.sql.delete(from: DerivedRows.basis).run()
        try await db.sql.insert(into: DerivedRows.basis).columns("id", "fingerprint").values(SQLBind(1), SQLBind(fingerprint(setup))).run()
        // Every child's obligations and summaries were just written again.
        await TableStatistics.refreshAfterBulkLoad(on: db)
    }

    /// `write` in a transaction, again if PostgreSQL ended it to break a deadlock: a batch locks
    /// 500 children in one statement, in an order of the database's choosing, while a save or an
    /// import may hold some of them and wait for another. The second time it finds that one
    /// committed (or rolled back) and reads again whoever it changed.
    private static func writeRetryingDeadlock(on db: any Database, _ write: @escaping @Sendable (any Database) async throws -> Void) async throws {
        for attempt in 1... {
            do {
                return try await db.transaction { db in try await write(db) }
            } catch where error.isDeadlock && attempt < 3 {
                continue
            }
        }
    }

    /// A child of a batch as read: the version of their journey it was derived from.
    struct Read: Sendable {
        let id: UUID
        let journeyVersion: Int
        let derived: ChildDerivation.Derived
    }

    /// Reads these children (a child no longer there is left out), their events and allocations,
    /// and derives each on every core.
    static func read(_ ids: [UUID], derivation: ChildDerivation, on db: any Database) async throws -> [Read] {
        guard !ids.isEmpty else { return [] }
        // The versions first: a change committed after this read moves them on (see `write`).
        let children = try await db.sql.select().columns("id", "date_of_birth", "journey_version").from(Child.schema)
            .where("id", .in, SQLBind.group(ids)).all(reading: { columns in
                (id: try columns.uuid("id"), dateOfBirth: try columns.date(ifAny: "date_of_birth"), version: try columns.int("journey_version"))
            })
        let derived = try await Self.derived(children.map { ($0.id, $0.dateOfBirth) }, derivation: derivation, on: db)
        return zip(children, derived).map { Read(id: $0.id, journeyVersion: $0.version, derived: $1.1) }
    }

    /// Writes a batch read and derived beforehand, in the transaction `db`: first the journey locks
    /// of all its children, then again from the record any child changed since it was read.
    static func write(_ batch: [Read], derivation: ChildDerivation, today: CivilDate?, on db: any Database) async throws {
        guard !batch.isEmpty else { return }
        let locked = try await ChildDerivation.lock(batch.map(\.id), on: db)
        let current = batch.filter { locked[$0.id] == $0.journeyVersion + 1 }
        let changed = batch.filter { locked[$0.id] != $0.journeyVersion + 1 }.map(\.id)
        var derived = current.map { ($0.id, $0.derived) }
        if !changed.isEmpty {
            let children = try await db.sql.select().columns("id", "date_of_birth").from(Child.schema)
                .where("id", .in, SQLBind.group(changed))
                .all(reading: { columns in (id: try columns.uuid("id"), dateOfBirth: try columns.date(ifAny: "date_of_birth")) })
            derived += try await Self.derived(children, derivation: derivation, on: db)
        }
        try await store(derived, today: today, on: db)
    }

    /// Re-derives a batch of children (id and date of birth), reading their events and
    /// allocations in two queries. Call it inside the transaction that changed them.
    static func rederive(_ batch: [(id: UUID, dateOfBirth: CivilDate?)], setup: StandardsFile, today: CivilDate? = nil,
                         on db: any Database) async throws {
        guard !batch.isEmpty else { return }
        try await store(try await derived(batch, derivation: ChildDerivation(setup: setup), on: db), today: today, on: db)
    }

    /// Reads the children's events and allocations in two queries and derives each, on every core
    /// (decoding each child's events and deriving from them is most of the work), in their order.
    private static func derived(_ batch: [(id: UUID, dateOfBirth: CivilDate?)], derivation: ChildDerivation,
                               on db: any Database) async throws -> [(UUID, ChildDerivation.Derived)] {
        guard !batch.isEmpty else { return [] }
        let ids = batch.map(\.id)
        let eventsByChild = try await JourneyRows.eventsByChild(of: ids, on: db.sql)
        let allocationsByChild = Dictionary(grouping: try await JourneyRows.allocations(of: ids, on: db.sql), by: \.child_id)
        return try await batch.mapOnEveryCore { child in
            (child.id, try derivation.derived(childID: child.id, dateOfBirth: child.dateOfBirth,
                                              events: eventsByChild[child.id] ?? [], allocations: allocationsByChild[child.id] ?? []))
        }
    }

    /// Stores what was derived; the return check runs on every core while the obligations and
    /// summaries are written.
    private static func store(_ derived: [(UUID, ChildDerivation.Derived)], today: CivilDate?, on db: any Database) async throws {
        let checking = try await ReturnFindingRows.begin(derived.map { $0.1.subject($0.0) }, today: today, on: db.sql)
        try await DerivedRows.replace(derived, on: db.sql)
        try await checking.store(on: db.sql)
    }

    /// At start-up: re-derives everyone if the standards or the rules changed since the stored rows
    /// were derived (or they never were). Says so in the log, with progress.
    static func ifBasisChanged(setup: StandardsFile, today: CivilDate? = nil, on db: any Database, reading reader: (any Database)? = nil,
                               logger: Logger) async throws {
        let stored = try await db.sql.select().column("fingerprint").from(DerivedRows.basis).first(decoding: BasisRow.self)
        let current = fingerprint(setup)
        guard stored?.fingerprint != current else { return }
        logger.notice("The local standards or the timescale rules have changed: re-deriving every child’s obligations…")
        try await all(setup: setup, today: today, on: db, reading: reader) { done, total in
            logger.notice("Re-derived \(done) of \(total) children")
        }
    }

    /// Raised with every change to how the summaries stored beside the obligations (care,
    /// permanence, legal) or the return errors are computed, so that every child's are derived
    /// again at start-up: a child's return check runs again only when this, or what it reads,
    /// changed (`ReturnFindingRows.inputsDigest`).
    /// 2: a legal planning meeting is the permanence tracker's last decision when it is the latest.
    /// 3: the return errors each child's record would raise (`ReturnFindingRows`).
    /// 4: the legal summary carries the next pre-proceedings review.
    /// 5: the return writes OC2's development checks and substance misuse, UN1 for a young child
    ///    without a UPN, and the SDQ and OC3 only for the children the return asks them of.
    /// 6: a wait for a transfer keeps the team holding the case.
    /// 7: the return errors read motherhood, convictions, previous permanence, UASC status and
    ///    deprivation of liberty (Header's MOTHER, OC2's CONVICTED, PrevPerm, UASC, DoLo).
    /// 8: the return writes a move to a placement with the current foster carers (A3, A5) as a
    ///    change of placement but not of carers (RNE T or U), so rule 217 no longer finds it.
    /// 9: each transfer keeps its working days from request to acceptance (`AddTransferAcceptanceDays`).
    static let summariesVersion = 9

    /// What the stored obligations depend on besides the record: every standard's value, the
    /// calendar, and the rules themselves — taken as the obligations they give for a set of
    /// complete synthetic journeys, so a change to how any rule computes changes the fingerprint —
    /// and the version of the summaries.
    static func fingerprint(_ setup: StandardsFile) -> String {
        var text = "summaries \(summariesVersion)\n"
        text += setup.standards.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        text += "\n" + setup.calendar.bankHolidays.map(\.date.iso).joined(separator: ",")
        text += "\n" + setup.calendar.localClosures.map(\.iso).joined(separator: ",")
        let today = CivilDate(year: 2026, month: 1, day: 1)!
        for seed in UInt64(1)...5 {
            let journey = SyntheticJourneys.complete(seed: seed, today: today)
            let report = ObligationsReport(childID: journey.childID, derivation: derive(journey, standards: setup.standards, calendar: setup.calendar),
                                           asOf: today, dueSoonDays: setup.standards.dueSoonDays)
            text += "\n" + report.json()
        }
        return Secrets.sha256Hex(text)
    }

    private struct BasisRow: Decodable {
        let fingerprint: String
    }
}
