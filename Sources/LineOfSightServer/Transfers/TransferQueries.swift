import Foundation
import LineOfSightCore
import SQLKit

/// A child on the transfer tracker: who they are, and one of their transfers.
struct TransferRow: Sendable {
    let childID: UUID
    let laChildID: String
    let childName: String
    let progress: TransferProgress
}

/// A child waiting in a front door or duty team for a transfer nobody has requested.
struct WaitingRow: Sendable {
    let child: ChildListRow
    let wait: TransferWait
}

/// What the tracker is asked for: a team pair (either side may be any team), a stage, and the
/// month the transfers were requested in (none: the last 12 months, and every one still in flight).
struct TransferFilter: Sendable, Equatable {
    var from: UUID?
    var to: UUID?
    var stages: [TransferProgress.Stage] = []
    /// The month requested in.
    var month: TrendMonth?
}

/// The transfer tracker's and the review pack's reads of the derived transfer rows, always inside
/// the reader's `ChildScope`; no timescale is worked out here (the rows hold the core's due dates).
enum TransferQueries {
    /// The most transfers a page lists, and the most a download holds.
    static let pageLimit = 100
    static let downloadLimit = 20_000

    private static let columns = ["transfer_id", "from_team_id", "to_team_id", "reason", "prompted", "requested", "acceptance_due",
                                  "accepted", "rejected", "rejection_reason", "delay_reason", "allocated", "first_visit_due", "first_visit"]

    /// A transfer row and its child's name; nil when a stored date does not read back. (Not
    /// private: the tests read transfers whole with it, to check what the database counts.)
    static func row(_ columns: Columns) throws -> TransferRow? {
        guard let requested = try columns.date(ifAny: "requested"), let due = try columns.date(ifAny: "acceptance_due") else { return nil }
        return TransferRow(
            childID: try columns.uuid("child_id"), laChildID: try columns.text("la_child_id"),
            childName: try columns.text("first_name") + " " + columns.text("last_name"),
            progress: TransferProgress(
                id: try columns.text("transfer_id"), fromTeam: try columns.uuid(ifAny: "from_team_id")?.text ?? "",
                toTeam: try columns.uuid(ifAny: "to_team_id")?.text ?? "", reason: try columns.text(ifAny: "reason"),
                prompted: try columns.date(ifAny: "prompted"), requested: requested, acceptanceDue: due,
                accepted: try columns.date(ifAny: "accepted"), rejected: try columns.date(ifAny: "rejected"),
                rejectionReason: try columns.text(ifAny: "rejection_reason"), delayReason: try columns.text(ifAny: "delay_reason"),
                allocated: try columns.date(ifAny: "allocated"), firstVisitDue: try columns.date(ifAny: "first_visit_due"),
                firstVisit: try columns.date(ifAny: "first_visit")))
    }

    /// `children c` joined with their transfers `ts`, in scope. (Not private, as `row`.)
    static func select(scope: ChildScope, on db: any SQLDatabase) -> SQLSelectBuilder {
        let builder = db.select()
            .column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("la_child_id", table: "c"))
            .column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
        for column in columns { builder.column(SQLColumn(column, table: "ts")) }
        return joined(builder, scope: scope)
    }

    private static func joined(_ builder: SQLSelectBuilder, scope: ChildScope) -> SQLSelectBuilder {
        ChildDirectory.scoped(builder, ChildFilter(), scope, names: false)
            .join(SQLAlias(SQLIdentifier(DerivedRows.transfers), as: SQLIdentifier("ts")), method: SQLJoinMethod.inner,
                  on: SQLColumn("child_id", table: "ts"), .equal, SQLColumn("id", table: "c"))
    }

    /// `builder` over the transfers' own rows `ts`, the reader's scope applied to their child ids:
    /// chosen or counted without reading the children.
    private static func ownRows(_ builder: SQLSelectBuilder, scope: ChildScope) -> SQLSelectBuilder {
        scope.apply(to: builder.from(SQLAlias(SQLIdentifier(DerivedRows.transfers), as: SQLIdentifier("ts"))),
                    childColumn: SQLColumn("child_id", table: "ts"))
    }

    /// Transfers whose `day` column falls from `first` to `last`, both included.
    @discardableResult
    private static func within(_ builder: SQLSelectBuilder, _ day: String, from first: CivilDate, to last: CivilDate) -> SQLSelectBuilder {
        builder.where(SQLColumn(day, table: "ts"), .greaterThanOrEqual, SQLBind(first.iso))
            .where(SQLColumn(day, table: "ts"), .lessThanOrEqual, SQLBind(last.iso))
    }

    /// The tracker's transfers, newest request first: at most `limit`.
    static func tracker(_ filter: TransferFilter, today: CivilDate, limit: Int, scope: ChildScope, on db: any SQLDatabase) async throws -> [TransferRow] {
        let requested = SQLColumn("requested", table: "ts")
        var rows: [TransferRow] = []
        // The parts are in order of request date, none overlapping, so each one's newest come after the last's oldest.
        for part in Part.of(filter) where rows.count < limit {
            rows += try await matching(filter, part, today: today, select(scope: scope, on: db))
                .orderBy(SQLOrderBy(expression: requested, direction: SQLDirection.descending)).orderBy(SQLColumn("transfer_id", table: "ts"))
                .limit(limit - rows.count).all(reading: Self.row).compactMap { $0 }
        }
        return rows
    }

    /// How many of the tracker's transfers there are by team pair and stage, however many it lists.
    /// Counted from the transfers' own index (`IndexTransferPairs`), the reader's scope applied to
    /// their child ids, without reading the children.
    static func pairs(_ filter: TransferFilter, today: CivilDate, scope: ChildScope, on db: any SQLDatabase) async throws -> [PairCount] {
        let columns = ["from_team_id", "to_team_id", "stage"].map { SQLColumn($0, table: "ts") }
        var counts: [PairCount.Key: Int] = [:]
        for part in Part.of(filter) {
            let builder = ownRows(db.select().columns(columns).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "transfers"), scope: scope)
            for count in try await matching(filter, part, today: today, builder)
                .groupBy(columns[0]).groupBy(columns[1]).groupBy(columns[2]).all(reading: PairCount.init) {
                counts[count.key, default: 0] += count.transfers
            }
        }
        return counts.map { PairCount(from: $0.key.from, to: $0.key.to, stage: $0.key.stage, transfers: $0.value) }
    }

    struct PairCount: Sendable {
        let from: UUID?
        let to: UUID?
        let stage: String
        let transfers: Int

        struct Key: Hashable { let from: UUID?; let to: UUID?; let stage: String }
        var key: Key { Key(from: from, to: to, stage: stage) }

        init(from: UUID?, to: UUID?, stage: String, transfers: Int) {
            self.from = from; self.to = to; self.stage = stage; self.transfers = transfers
        }

        init(_ c: Columns) throws {
            self.init(from: try c.uuid(ifAny: "from_team_id"), to: try c.uuid(ifAny: "to_team_id"), stage: try c.text("stage"),
                      transfers: try c.int("transfers"))
        }
    }

    /// Which transfers the tracker shows, by when they were requested: those of the chosen month, or
    /// else those of the last 12 months and, from before then, those still in flight. Asked as one
    /// condition (`requested >= … OR stage IN …`) the database reads and sorts a year of transfers to
    /// list the newest 100; asked in two parts, each walks an index and stops.
    private enum Part {
        case month(TrendMonth)
        case lastYear
        case olderInFlight

        static func of(_ filter: TransferFilter) -> [Part] {
            filter.month.map { [.month($0)] } ?? [.lastYear, .olderInFlight]
        }
    }

    /// The tracker's filters: a team pair, stages, and which requests (`Part`).
    private static func matching(_ filter: TransferFilter, _ part: Part, today: CivilDate, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        if let from = filter.from { builder.where(SQLColumn("from_team_id", table: "ts"), .equal, SQLBind(from)) }
        if let to = filter.to { builder.where(SQLColumn("to_team_id", table: "ts"), .equal, SQLBind(to)) }
        if !filter.stages.isEmpty { builder.where(SQLColumn("stage", table: "ts"), .in, SQLBind.group(filter.stages.map(\.rawValue))) }
        let requested = SQLColumn("requested", table: "ts")
        switch part {
        case .month(let month):
            builder.where(requested, .greaterThanOrEqual, SQLBind(month.first.iso)).where(requested, .lessThanOrEqual, SQLBind(month.last.iso))
        case .lastYear:
            builder.where(requested, .greaterThanOrEqual, SQLBind(TrendMonth.yearBefore(today).iso))
        case .olderInFlight:
            builder.where(requested, .lessThan, SQLBind(TrendMonth.yearBefore(today).iso))
                .where(SQLColumn("stage", table: "ts"), .in, SQLBind.group(TransferProgress.Stage.inFlight.map(\.rawValue)))
        }
        return builder
    }

    /// Which of a month's transfers the review pack reads.
    enum InMonth {
        /// With a first visit by the receiving team in the month.
        case visited
        /// Rejected by the receiving team in the month.
        case rejected
        /// Late in the month or overdue at its end: the core's rule (`TransferProgress.breachPredicate`).
        case breached
    }

    /// Transfers in scope of one kind in the days `first` to `last`, oldest request first, with
    /// their children's names: at most `limit`, and how many there are in all. They are chosen,
    /// counted and sorted from their own rows (the reader's scope applied to their child ids), and
    /// only those listed joined to their children: joining all 1,800 of a month's breaches to their
    /// children before listing 100 doubled the statement's time.
    static func inMonth(_ kind: InMonth, first: CivilDate, last: CivilDate, limit: Int, scope: ChildScope,
                        on db: any SQLDatabase) async throws -> (rows: [TransferRow], total: Int) {
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: "ts") }
        let chosen = ownRows(db.select().column(column("transfer_id")).column(column("requested"))
            .column(SQLRaw("COUNT(*) OVER ()"), as: "total"), scope: scope)
        switch kind {
        case .visited: within(chosen, "first_visit", from: first, to: last)
        case .rejected: within(chosen, "rejected", from: first, to: last)
        case .breached:
            // Only a transfer still in flight, or with a step taken since the month began, can have
            // been late in it or overdue at its end: asked first, so that each part walks its own
            // index and the core's rule is judged on those alone.
            chosen.where { $0.where(column("first_visit"), .greaterThanOrEqual, SQLBind(first.iso))
                .orWhere(column("rejected"), .greaterThanOrEqual, SQLBind(first.iso))
                .orWhere(column("stage"), .in, SQLBind.group(TransferProgress.Stage.inFlight.map(\.rawValue))) }
            chosen.where(DatePredicateSQL.expression(TransferProgress.breachPredicate(from: first, to: last)) { column(Self.stored($0)) })
        }
        // Ordered and cut outside the statement that counts them: with the order inside, PostgreSQL
        // walked every transfer by the index of request dates to avoid a sort, as if the limit let it
        // stop early, when the count (`OVER ()`) needs them all (the breaches of the demo's
        // November: 11–17 ms instead of 7–10).
        func chosenColumn(_ name: String) -> SQLColumn { SQLColumn(name, table: "w") }
        let keys = db.select().column(chosenColumn("transfer_id")).column(chosenColumn("total"))
            .from(SQLAlias(SQLGroupExpression(chosen.select), as: SQLIdentifier("w")))
            .orderBy(chosenColumn("requested")).orderBy(chosenColumn("transfer_id")).limit(limit)
        // The listed rows are read through the children's scope as well (`select`): the same
        // children, asked a second time of the few listed, as every list of children is read.
        let found = try await select(scope: scope, on: db).column(SQLColumn("total", table: "k"))
            .join(SQLAlias(SQLGroupExpression(keys.select), as: SQLIdentifier("k")), method: SQLJoinMethod.inner,
                  on: SQLColumn("transfer_id", table: "k"), .equal, column("transfer_id"))
            .orderBy(column("requested")).orderBy(column("transfer_id"))
            .all { columns in (row: try Self.row(columns), total: try columns.int("total")) }
        return (found.compactMap(\.row), found.first?.total ?? 0)
    }

    /// The transfers in scope completed (first visit by the receiving team) from `first` to
    /// `last`, counted by team pair, standards kept and days to acceptance: the review pack's
    /// timeliness by team pair, from the index of first visits alone (`AddTransferAcceptanceDays`).
    /// A first visit is never before its transfer's acceptance (the core's rule), so every transfer
    /// visited in the month had been accepted by its end.
    static func completedByPair(first: CivilDate, last: CivilDate, scope: ChildScope, on db: any SQLDatabase) async throws -> [TransferPairTimeliness] {
        let grouped = ["from_team_id", "to_team_id", "accepted_on_time", "visited_on_time", "acceptance_days"].map { SQLColumn($0, table: "ts") }
        let builder = within(ownRows(db.select().columns(grouped).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "transfers"), scope: scope),
                             "first_visit", from: first, to: last)
        for column in grouped { builder.groupBy(column) }
        return TransferPairTimeliness.byPair(try await builder.all { columns in
            TransferPairTimeliness.Count(fromTeam: try columns.uuid(ifAny: "from_team_id")?.text ?? "", toTeam: try columns.uuid(ifAny: "to_team_id")?.text ?? "",
                                         acceptedOnTime: try columns.bool(ifAny: "accepted_on_time"), visitedOnTime: try columns.bool(ifAny: "visited_on_time"),
                                         acceptanceDays: try columns.int(ifAny: "acceptance_days"), transfers: try columns.int("transfers"))
        })
    }

    /// The column each of the core's transfer dates is stored in.
    private static func stored(_ date: TransferProgress.DateColumn) -> String {
        switch date {
        case .acceptanceDue: "acceptance_due"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .firstVisitDue: "first_visit_due"
        case .firstVisit: "first_visit"
        }
    }

    /// The steps transfers in scope took in the months from `first`'s to `last`'s, whole, counted
    /// by standard kept: the monthly trend, in one statement. For a reader of everyone, the counts
    /// kept by month over every child (`TransferStepMonths`) and, as negative counts, the steps of
    /// the restricted records they may not see, counted live; for any other reader, counted live
    /// from the steps' own indexes, reading no transfer.
    static func stepCounts(months first: CivilDate, to last: CivilDate, scope: ChildScope, on db: any SQLDatabase) async throws -> [TransferStepCount] {
        let (since, until) = (first.firstOfMonth, last.lastOfMonth)
        let steps: SQLUnionBuilder
        if scope.everyone {
            steps = SQLUnionBuilder(on: db, initialQuery: TransferStepMonths.select(from: since, to: until.firstOfMonth, on: db).select)
            for select in liveStepCounts(since: since, until: until, negated: true, on: db, rows: { builder in
                builder.from(SQLAlias(SQLIdentifier(DerivedRows.transfers), as: SQLIdentifier("ts")))
                    .where(SQLColumn("child_id", table: "ts"), .in, SQLGroupExpression(scope.restrictedWithoutGrant))
            }) { _ = steps.union(all: select) }
        } else {
            let selects = liveStepCounts(since: since, until: until, negated: false, on: db) { ownRows($0, scope: scope) }
            steps = SQLUnionBuilder(on: db, initialQuery: selects[0])
            for select in selects.dropFirst() { _ = steps.union(all: select) }
        }
        return try await steps.all { columns in
            guard let day = try columns.date(ifAny: "day"), let step = TransferStepCount.Step(stored: try columns.text("step")) else { return nil }
            return TransferStepCount(step: step, day: day, keptStandard: step == .rejected ? nil : try columns.bool(ifAny: "kept"),
                                     transfers: try columns.int("transfers"))
        }.compactMap { $0 }
    }

    /// For each step, the select counting the steps of the transfers `rows` chooses (given a
    /// select, it adds their table) from `since` to `until`, by day and standard kept (`negated`:
    /// as negative counts), in the columns `TransferStepMonths.select` selects. Counted by day, as
    /// the indexes hold them, rather than by month: grouping by a part of the day sorted a year's
    /// steps first (5 ms instead of 3).
    private static func liveStepCounts(since: CivilDate, until: CivilDate, negated: Bool, on db: any SQLDatabase,
                                       rows: (SQLSelectBuilder) -> SQLSelectBuilder) -> [SQLSelect] {
        let count: any SQLExpression = SQLFunction("COUNT", args: SQLLiteral.all)
        return TransferStepMonths.counted.map { step, day, kept in
            let builder = within(rows(db.select().column(SQLColumn(day, table: "ts"), as: "day")
                .column(SQLLiteral.string(step.stored), as: "step")
                .column(kept.map { SQLColumn($0, table: "ts") as any SQLExpression } ?? SQLLiteral.null, as: "kept")
                .column(negated ? SQLBinaryExpression(SQLLiteral.numeric("0"), .subtract, count) : count, as: "transfers")), day, from: since, to: until)
                .groupBy(SQLColumn(day, table: "ts"))
            if let kept { builder.where(SQLColumn(kept, table: "ts"), .isNot, SQLLiteral.null).groupBy(SQLColumn(kept, table: "ts")) }
            return builder.select
        }
    }

    /// Children in scope still allocated to a front door or duty team whose record says their case
    /// should have moved, longest waiting first (in the `from` team, if given).
    static func waiting(from team: UUID?, limit: Int, scope: ChildScope, on db: any SQLDatabase) async throws -> [WaitingRow] {
        struct Wait: Decodable { let since: String; let event_id: String }
        // Most children with a reason to move have already moved (105 of the 15,000-child demo's 5,582
        // waits are in duty): the waits of children held by those teams, by their own index.
        let handingOn = Subquery.select("id", from: Team.schema, where: [
            SQLBinaryExpression(SQLColumn("service", table: Team.schema), .in, SQLBind.group(Service.handingOn.map(\.rawValue).sorted())),
        ])
        let builder = ChildDirectory.scoped(ChildDirectory.selectColumns(db.select())
            .column(SQLColumn("since", table: "w")).column(SQLColumn("event_id", table: "w")), ChildFilter(teamID: team), scope)
            .join(SQLAlias(SQLIdentifier(DerivedRows.transferWaits), as: SQLIdentifier("w")), method: SQLJoinMethod.inner,
                  on: SQLColumn("child_id", table: "w"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("team_id", table: "w"), .in, handingOn)
            .orderBy(SQLColumn("since", table: "w")).orderBy(SQLColumn("id", table: "c"))
            .limit(limit)
        return try await builder.all(decoding: ChildListRow.With<Wait>.self).compactMap { row in
            CivilDate(iso: row.extra.since).map { WaitingRow(child: row.child, wait: TransferWait(since: $0, eventID: row.extra.event_id)) }
        }
    }
}
