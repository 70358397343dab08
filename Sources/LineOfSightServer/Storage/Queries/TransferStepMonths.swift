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

    /// What the trend counts of a transfer, written once for the counts kept here and those counted
    /// live: each step, the column holding its day, and the column saying whether it kept its
    /// standard (a step with such a column counts only once judged; a rejection has none).
    static let counted: [(step: TransferStepCount.Step, day: String, kept: String?)] = [
        (.accepted, "accepted", "accepted_on_time"), (.visited, "first_visit", "visited_on_time"), (.rejected, "rejected", nil),
    ]

    /// The steps of one transfer that the trend counts, as stored or as derived: for each of
    /// `counted`, its day and whether it kept its standard.
    struct Steps {
        let taken: [(day: CivilDate?, kept: Bool?)]

        init(_ transfer: TransferProgress) {
            taken = counted.map { counted in
                switch counted.step {
                case .accepted: (transfer.accepted, transfer.acceptedOnTime)
                case .visited: (transfer.firstVisit, transfer.visitedOnTime)
                case .rejected: (transfer.rejected, nil)
                }
            }
        }

        init(_ columns: Columns) throws {
            taken = try counted.map { counted in (try columns.date(ifAny: counted.day), try counted.kept.flatMap { try columns.bool(ifAny: $0) }) }
        }

        /// The stored columns `init(_: Columns)` reads.
        static let columns = counted.flatMap { [$0.day] + ($0.kept.map { [$0] } ?? []) }

        /// The cells this transfer counts in.
        var keys: [Key] {
            zip(counted, taken).compactMap { counted, taken in
                guard let day = taken.day else { return nil }
                guard counted.kept != nil else { return Key(month: day.firstOfMonth, step: counted.step, kept: false) }
                return taken.kept.map { Key(month: day.firstOfMonth, step: counted.step, kept: $0) }
            }
        }
    }

    /// What to add to each cell when `deleted` steps are replaced by `written` ones (no zeros).
    static func change(from deleted: [Steps], to written: [Steps]) -> [Key: Int] {
        var change: [Key: Int] = [:]
        for key in deleted.flatMap(\.keys) { change[key, default: 0] -= 1 }
        for key in written.flatMap(\.keys) { change[key, default: 0] += 1 }
        return change.filter { $0.value != 0 }
    }

    /// Adds `change` to the counts, a row a cell.
    static func add(_ change: [Key: Int], on sql: any SQLDatabase) async throws {
        try await sql.insert(change.map { key, transfers in [key.month.iso, key.step.stored, key.kept, transfers] },
                             into: table, columns: ["month", "step", "kept", "transfers"])
    }

    /// Folds the rows of each cell into one: those it deletes, added up and written back. Call it
    /// in a transaction: rows another transaction adds meanwhile are not among those deleted, so
    /// they stay and count, however many fold at once.
    static func fold(on sql: any SQLDatabase) async throws {
        let rows = try await sql.delete(from: table).returning("month", "step", "kept", "transfers").all(reading: Self.row)
        var sums: [Key: Int] = [:]
        for (key, transfers) in rows { sums[key, default: 0] += transfers }
        try await add(sums.filter { $0.value != 0 }, on: sql)
    }

    /// How many rows hold the counts (one a cell once folded).
    static func rowCount(on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .all { try $0.int("n") }.first ?? 0
    }

    /// Counts every stored transfer afresh: when the table is made, and each time everyone is
    /// re-derived, as every other derived row is written afresh then (so counts that had drifted,
    /// say from an older build that saved transfers without them, are mended). In one transaction,
    /// with the transfers' rows held still on PostgreSQL until it commits (SQLite has one writer).
    static func recount(on db: any Database) async throws {
        try await db.transaction { db in
            if db.sql.dialect.name == "postgresql" {
                try await db.sql.raw("LOCK TABLE \(ident: DerivedRows.transfers) IN SHARE MODE").run()
            }
            try await db.sql.delete(from: table).run()
            let steps = try await db.sql.select().columns(Steps.columns.map { SQLColumn($0) }).from(DerivedRows.transfers).all(reading: Steps.init)
            try await add(change(from: [], to: steps), on: db.sql)
        }
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

    /// A stored cell, or an error: folding a row it cannot read would lose its count.
    private static func row(_ columns: Columns) throws -> (Key, Int) {
        let (month, stored) = (try columns.date(ifAny: "month"), try columns.text("step"))
        guard let month, let step = TransferStepCount.Step(stored: stored) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a transfer count of an unknown month or step: \(stored)"))
        }
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
        guard let step = Self.allCases.first(where: { $0.stored == stored }) else { return nil }
        self = step
    }
}
