import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// How many transfers took each step — accepted, first visit by the receiving team, rejected — in
/// each month, keeping the local standard or not, over every child's transfers: the review pack's
/// trend for the whole authority, read as a few dozen rows instead of counting a year of steps
/// (two index walks of 8,000 entries each for the 15,000-child demo, a fifth of the pack's time).
///
/// Kept by `DerivedRows.replace`, the only writer of the transfers' rows, in the same transaction:
/// it takes away the steps of the children's stored transfers and adds those of their transfers
/// as derived now, so a correction of an old event moves its month's counts as well. Restricted
/// records are counted here too, and taken away again by each reader that may not see them (few
/// children, counted live), so restricting a record needs nothing here.
enum TransferStepMonths {
    static let table = "transfer_step_months"

    /// One counted cell: the first day of the month, the step, and whether it kept its standard
    /// (always false for a rejection, which has none).
    struct Key: Hashable, Comparable {
        let month: CivilDate
        let step: TransferStepCount.Step
        let kept: Bool

        static func < (a: Key, b: Key) -> Bool {
            (a.month, a.step.stored, a.kept ? 1 : 0) < (b.month, b.step.stored, b.kept ? 1 : 0)
        }
    }

    /// The steps of one transfer that the trend counts, as stored or as derived.
    struct Steps {
        let accepted: CivilDate?
        let acceptedOnTime: Bool?
        let firstVisit: CivilDate?
        let visitedOnTime: Bool?
        let rejected: CivilDate?

        init(_ transfer: TransferProgress) {
            (accepted, acceptedOnTime, firstVisit, visitedOnTime, rejected) =
                (transfer.accepted, transfer.acceptedOnTime, transfer.firstVisit, transfer.visitedOnTime, transfer.rejected)
        }

        init(_ columns: Columns) throws {
            (accepted, acceptedOnTime) = (try columns.date(ifAny: "accepted"), try columns.bool(ifAny: "accepted_on_time"))
            (firstVisit, visitedOnTime) = (try columns.date(ifAny: "first_visit"), try columns.bool(ifAny: "visited_on_time"))
            rejected = try columns.date(ifAny: "rejected")
        }

        /// The stored columns `init(_: Columns)` reads.
        static let columns = ["accepted", "accepted_on_time", "first_visit", "visited_on_time", "rejected"]

        /// The cells this transfer counts in: an acceptance or a first visit once judged against
        /// its standard (a first visit with no standard to keep is not counted), every rejection.
        var keys: [Key] {
            var keys: [Key] = []
            if let accepted, let acceptedOnTime { keys.append(Key(month: accepted.firstOfMonth, step: .accepted, kept: acceptedOnTime)) }
            if let firstVisit, let visitedOnTime { keys.append(Key(month: firstVisit.firstOfMonth, step: .visited, kept: visitedOnTime)) }
            if let rejected { keys.append(Key(month: rejected.firstOfMonth, step: .rejected, kept: false)) }
            return keys
        }
    }

    /// What to add to each cell when `stored` steps are replaced by `derived` ones (no zeros).
    static func change(from stored: [Steps], to derived: [Steps]) -> [Key: Int] {
        var change: [Key: Int] = [:]
        for key in stored.flatMap(\.keys) { change[key, default: 0] -= 1 }
        for key in derived.flatMap(\.keys) { change[key, default: 0] += 1 }
        return change.filter { $0.value != 0 }
    }

    /// The stored steps of these children's transfers: read before they are replaced.
    static func stored(of children: [UUID], on sql: any SQLDatabase) async throws -> [Steps] {
        var steps: [Steps] = []
        for chunk in children.chunked(500) {
            steps += try await sql.select().columns(Steps.columns.map { SQLColumn($0) }).from(DerivedRows.transfers)
                .where("child_id", .in, SQLBind.group(Array(chunk))).all(reading: Steps.init)
        }
        return steps
    }

    /// Adds `change` to the counts, in the order of the cells: two transactions changing the same
    /// cells (on PostgreSQL) lock them in the same order, so neither waits for the other for ever.
    static func add(_ change: [Key: Int], on sql: any SQLDatabase) async throws {
        for chunk in change.sorted(by: { $0.key < $1.key }).chunked(200) {
            let insert = sql.insert(into: table).columns("month", "step", "kept", "transfers")
            for (key, transfers) in chunk {
                insert.values(SQLBind(key.month.iso), SQLBind(key.step.stored), SQLBind(key.kept), SQLBind(transfers))
            }
            try await insert.onConflict(with: ["month", "step", "kept"]) { update in
                update.set("transfers", to: SQLBinaryExpression(SQLColumn("transfers", table: table), .add, SQLExcludedColumn("transfers")))
            }.run()
        }
    }

    /// Counts every stored transfer afresh (the migration that made the table).
    static func recount(on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).run()
        let steps = try await sql.select().columns(Steps.columns.map { SQLColumn($0) }).from(DerivedRows.transfers).all(reading: Steps.init)
        try await add(change(from: [], to: steps), on: sql)
    }

    /// The counts of the months from `first`'s to `last`'s, both included, as the core's step counts
    /// (each dated the first day of its month).
    static func counts(from first: CivilDate, to last: CivilDate, on sql: any SQLDatabase) async throws -> [TransferStepCount] {
        try await sql.select().columns("month", "step", "kept", "transfers").from(table)
            .where("month", .greaterThanOrEqual, SQLBind(first.firstOfMonth.iso)).where("month", .lessThanOrEqual, SQLBind(last.firstOfMonth.iso))
            .all { columns in
                guard let month = try columns.date(ifAny: "month"), let step = TransferStepCount.Step(stored: try columns.text("step")) else { return nil }
                return TransferStepCount(step: step, day: month, keptStandard: step == .rejected ? nil : try columns.bool("kept"),
                                         transfers: try columns.int("transfers"))
            }.compactMap { $0 }
    }
}

extension TransferStepCount.Step {
    /// As the `step` column holds it.
    var stored: String {
        switch self {
        case .accepted: "accepted"
        case .visited: "visited"
        case .rejected: "rejected"
        }
    }

    init?(stored: String) {
        guard let step = [Self.accepted, .visited, .rejected].first(where: { $0.stored == stored }) else { return nil }
        self = step
    }
}
