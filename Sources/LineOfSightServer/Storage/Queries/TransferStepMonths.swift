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
/// it takes away the steps of the transfer rows it deletes (as the deletion returns them, so
/// whatever another transaction wrote in between is what is taken away) and adds those of the
/// rows it writes. Each change is a row of its own, added up when read: no two transactions ever
/// wait for each other over a month's count, however many children each derives, and the rows are
/// folded into one a cell from time to time (`TransferStepFolding`). Restricted records are counted
/// here too, and taken away again, in the same statement, for each reader who may not see them (few
/// children, counted live), so restricting a record changes nothing kept.
enum TransferStepMonths {
    static let table = "transfer_step_months"

    /// One counted cell: the first day of the month, the step, and whether it kept its standard
    /// (always false for a rejection, which has none).
    struct Key: Hashable {
        let month: CivilDate
        let step: TransferStepCount.Step
        let kept: Bool
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

    /// What to add to each cell when `deleted` steps are replaced by `written` ones (no zeros).
    static func change(from deleted: [Steps], to written: [Steps]) -> [Key: Int] {
        var change: [Key: Int] = [:]
        for key in deleted.flatMap(\.keys) { change[key, default: 0] -= 1 }
        for key in written.flatMap(\.keys) { change[key, default: 0] += 1 }
        return change.filter { $0.value != 0 }
    }

    /// Deletes these children's transfer rows, returning the steps of those it deleted.
    static func deleteTransfers(of children: [UUID], on sql: any SQLDatabase) async throws -> [Steps] {
        var steps: [Steps] = []
        for chunk in children.chunked(500) {
            steps += try await sql.delete(from: DerivedRows.transfers).where("child_id", .in, SQLBind.group(Array(chunk)))
                .returning(Steps.columns.map { SQLColumn($0) }).all(reading: Steps.init)
        }
        return steps
    }

    /// Adds `change` to the counts, a row a cell.
    static func add(_ change: [Key: Int], on sql: any SQLDatabase) async throws {
        try await sql.insert(change.map { key, transfers in [key.month.iso, key.step.stored, key.kept, transfers] },
                             into: table, columns: ["month", "step", "kept", "transfers"])
    }

    /// Folds the rows of each cell into one: those it deletes, added up and written back in the
    /// same transaction. Rows another transaction adds meanwhile are not among those deleted, so
    /// they stay and count, however many fold at once.
    static func fold(on db: any Database) async throws {
        try await db.transaction { db in
            let rows = try await db.sql.delete(from: table).returning("month", "step", "kept", "transfers").all(reading: Self.row)
            var sums: [Key: Int] = [:]
            for (key, transfers) in rows.compactMap({ $0 }) { sums[key, default: 0] += transfers }
            try await add(sums.filter { $0.value != 0 }, on: db.sql)
        }
    }

    /// How many rows hold the counts (one a cell once folded).
    static func rowCount(on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .all { try $0.int("n") }.first ?? 0
    }

    /// Counts every stored transfer afresh (the migration that made the table).
    static func recount(on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).run()
        let steps = try await sql.select().columns(Steps.columns.map { SQLColumn($0) }).from(DerivedRows.transfers).all(reading: Steps.init)
        try await add(change(from: [], to: steps), on: sql)
    }

    /// The counts of the months from `first` to `last` (first days of months), each cell's rows added
    /// up, as `TransferQueries.stepCounts` reads them: `day` (the month), `step`, `kept`, `transfers`.
    static func select(from first: CivilDate, to last: CivilDate, on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().column(SQLColumn("month"), as: "day").column("step").column("kept")
            // A whole number on both databases: PostgreSQL's SUM of integers is a decimal.
            .column(SQLRaw("CAST(SUM(\"transfers\") AS BIGINT)"), as: "transfers").from(table)
            .where("month", .greaterThanOrEqual, SQLBind(first.iso)).where("month", .lessThanOrEqual, SQLBind(last.iso))
            .groupBy("month").groupBy("step").groupBy("kept")
    }

    private static func row(_ columns: Columns) throws -> (Key, Int)? {
        guard let month = try columns.date(ifAny: "month"), let step = TransferStepCount.Step(stored: try columns.text("step")) else { return nil }
        return (Key(month: month, step: step, kept: try columns.bool("kept")), try columns.int("transfers"))
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
