import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Re-deriving every child: after a change to the council's standards, a rule, or a bulk load. The
/// stored rows remember the basis they were derived on, so a start-up with a different basis
/// re-derives everyone before serving anything.
enum Rederivation {
    /// Children per transaction: a batch's events and allocations are read in two queries.
    static let batchSize = 500

    /// Re-derives every child, in batches; `progress(done, total)` after each batch.
    /// `today` (the application clock's) decides the collection year whose return errors are stored.
    static func all(setup: StandardsFile, today: CivilDate? = nil, on db: any Database, progress: (Int, Int) -> Void = { _, _ in }) async throws {
        let children = try await db.sql.select().column("id").column("date_of_birth").from(Child.schema).orderBy("id")
            .all(decoding: ChildRow.self)
        var done = 0
        for start in stride(from: 0, to: children.count, by: batchSize) {
            let batch = children[start..<min(start + batchSize, children.count)].map { ($0.id, $0.dateOfBirth.flatMap(CivilDate.init(iso:))) }
            try await db.transaction { db in try await rederive(batch, setup: setup, today: today, on: db) }
            done += batch.count
            progress(done, children.count)
        }
        try await TransferStepMonths.recount(on: db)
        try await db.sql.delete(from: DerivedRows.basis).run()
        try await db.sql.insert(into: DerivedRows.basis).columns("id", "fingerprint").values(SQLBind(1), SQLBind(fingerprint(setup))).run()
    }

    /// Re-derives a batch of children (id and date of birth), reading their events and
    /// allocations in two queries. Call it inside the transaction that changed them.
    static func rederive(_ batch: [(id: UUID, dateOfBirth: CivilDate?)], setup: StandardsFile, today: CivilDate? = nil,
                         on db: any Database) async throws {
        guard !batch.isEmpty else { return }
        let ids = batch.map(\.id)
        let eventsByChild = Dictionary(grouping: try await JourneyRows.events(of: ids, on: db.sql), by: \.child_id)
        let allocationsByChild = Dictionary(grouping: try await JourneyRows.allocations(of: ids, on: db.sql), by: \.child_id)
        let derivation = ChildDerivation(setup: setup)
        // Decoding each child's events and deriving from them is most of the work.
        let derived = try await batch.mapOnEveryCore { child in
            (child.id, try derivation.derived(childID: child.id, dateOfBirth: child.dateOfBirth,
                                              events: eventsByChild[child.id] ?? [], allocations: allocationsByChild[child.id] ?? []))
        }
        // The return check runs on every core while the obligations and summaries are written.
        let checking = try await ReturnFindingRows.begin(derived.map { ($0.0, $0.1.recorded) }, today: today, on: db.sql)
        try await DerivedRows.replace(derived, on: db.sql)
        try await checking.store(on: db.sql)
    }

    /// At start-up: re-derives everyone if the standards or the rules changed since the stored rows
    /// were derived (or they never were). Says so in the log, with progress.
    static func ifBasisChanged(setup: StandardsFile, today: CivilDate? = nil, on db: any Database, logger: Logger) async throws {
        let stored = try await db.sql.select().column("fingerprint").from(DerivedRows.basis).first(decoding: BasisRow.self)
        let current = fingerprint(setup)
        guard stored?.fingerprint != current else { return }
        logger.notice("The local standards or the timescale rules have changed: re-deriving every child’s obligations…")
        try await all(setup: setup, today: today, on: db) { done, total in
            logger.notice("Re-derived \(done) of \(total) children")
        }
    }

    /// Raised with every change to how the summaries stored beside the obligations (care,
    /// permanence, legal) are computed, so that every child's are derived again at start-up.
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

    private struct ChildRow: Decodable {
        let id: UUID
        let date_of_birth: String?
        var dateOfBirth: String? { date_of_birth }
    }

    private struct BasisRow: Decodable {
        let fingerprint: String
    }
}
