import Foundation
import LineOfSightCore
import SQLKit

/// What is due for a set of children, read from the stored obligations: open (by the core's status
/// rule, in SQL) and due by a date the core's calendar gave, within the person's access.
enum WorkQueries {
    /// One open obligation of one child, with where the child is allocated now.
    struct Row: Sendable {
        let child_id: UUID
        let first_name: String
        let last_name: String
        let id: String
        let rule: String
        let due: String
        let team_id: UUID?
        let worker_id: UUID?

        /// Read column by column (`Columns`).
        init(_ columns: Columns) throws {
            child_id = try columns.uuid("child_id")
            first_name = try columns.text("first_name")
            last_name = try columns.text("last_name")
            id = try columns.text("id")
            rule = try columns.text("rule")
            due = try columns.text("due")
            team_id = try columns.uuid(ifAny: "team_id")
            worker_id = try columns.uuid(ifAny: "worker_id")
        }

        var childName: String { first_name + " " + last_name }
        var dueDate: CivilDate? { CivilDate(iso: due) }
        var ruleID: RuleID { RuleID(rawValue: rule) }

        func status(_ bounds: StatusBounds) -> ObligationStatus { WorkQueries.openStatus(due: due, bounds) }
    }

    /// An obligation's status by the core's rule, of a row read open: never met, nor no longer needed.
    static func openStatus(due: String, _ bounds: StatusBounds) -> ObligationStatus {
        bounds.status(due: CivilDate(iso: due) ?? bounds.asOf, met: nil, notApplicableSince: nil)
    }

    /// Which of the work due a page lists: one worker's, one team's, only what is overdue.
    struct Keep: Sendable, Equatable {
        var workerID: UUID?
        var teamID: UUID?
        var overdueOnly = false

        /// The condition over `due`'s columns (`workQuery`).
        var condition: any SQLExpression {
            var conditions: [any SQLExpression] = []
            if let workerID { conditions.append(SQLBinaryExpression(SQLColumn("worker_id"), .equal, SQLBind(workerID))) }
            if let teamID { conditions.append(SQLBinaryExpression(SQLColumn("team_id"), .equal, SQLBind(teamID))) }
            if overdueOnly { conditions.append(SQLBinaryExpression(SQLColumn("overdue"), .equal, SQLLiteral.numeric("1"))) }
            return conditions.dropFirst().reduce(conditions.first ?? SQLLiteral.boolean(true)) { SQLBinaryExpression($0, .and, $1) }
        }
    }

    /// How many of the work due fall in one group: one team's and worker's, overdue or not.
    struct Group: Sendable, Equatable {
        let team_id: UUID?
        let worker_id: UUID?
        let overdue: Bool
        /// Whether the page's `Keep` lists them.
        let kept: Bool
        let count: Int
    }

    /// One page of a person's work: the rows the page lists, most urgent first, how many of
    /// everything due fall in each group (counted by the database: the page lists a hundred of a
    /// team's few hundred, a service's thousand), and for a team's manager what awaits their
    /// authorisation, longest waiting first.
    struct Work: Sendable {
        var rows: [Row] = []
        var groups: [Group] = []
        var awaiting: [Awaiting] = []

        /// How many rows `Keep` lists in all.
        var kept: Int { groups.reduce(0) { $0 + ($1.kept ? $1.count : 0) } }
    }

    /// Every open obligation due on or before `until` (overdue ones included) of these children:
    /// page `page` (of `pageSize`, from 1) of those `keep` lists and the number in each group, and
    /// with `awaitingFor` what awaits those teams' manager, in one statement (`workQuery`). A
    /// statement costs a page several times what the database spends running it, and each row
    /// read costs more again (docs/performance.md): the page's rows and the groups' counts are all
    /// My work needs of the few hundred rows due. A page past the last is read again as the last.
    static func work(_ whose: ChildScope.WayIn, until: CivilDate, scope: ChildScope, bounds: StatusBounds, keep: Keep,
                     page: Int, pageSize: Int, awaitingFor: Set<UUID>? = nil, on db: any SQLDatabase) async throws -> (work: Work, page: Int) {
        // No teams, no team's work (a manager not yet given a team); PostgreSQL refuses an empty IN list.
        if case let .teams(ids) = whose, ids.isEmpty { return (Work(), 1) }
        // Any page number asked for is safe: an offset past every row reads none.
        let page = min(max(1, page), Int(Int32.max) / pageSize)
        let work = try await read(workQuery(whose, until: until, scope: scope, bounds: bounds, keep: keep, page: page, pageSize: pageSize,
                                            awaitingFor: awaitingFor, on: db))
        let last = max(1, (work.kept + pageSize - 1) / pageSize)
        guard page > last else { return (work, page) }
        return (try await read(workQuery(whose, until: until, scope: scope, bounds: bounds, keep: keep, page: last, pageSize: pageSize,
                                         awaitingFor: awaitingFor, on: db)), last)
    }

    private static func read(_ query: SQLSelectBuilder) async throws -> Work {
        enum Item { case row(Row), group(Group), awaiting(Awaiting?) }
        let items = try await query.all { columns -> Item in
            if let count = try columns.int(ifAny: "n") {
                return .group(Group(team_id: try columns.uuid(ifAny: "team_id"), worker_id: try columns.uuid(ifAny: "worker_id"),
                                    overdue: try columns.int("overdue") != 0, kept: try columns.int("kept") != 0, count: count))
            }
            return try columns.text(ifAny: "step") == nil ? .row(try Row(columns)) : .awaiting(try awaiting(columns))
        }
        var work = Work()
        for item in items {
            switch item {
            case let .row(row): work.rows.append(row)
            case let .group(group): work.groups.append(group)
            case let .awaiting(row?): work.awaiting.append(row)
            case .awaiting(nil): break
            }
        }
        // Sorted here rather than by the database: PostgreSQL writes an event's id as text in lower
        // case and a transfer's is stored in upper case, so the two would not sort alike.
        work.awaiting.sort { ($0.since, $0.eventID) < ($1.since, $1.eventID) }
        return work
    }

    /// `work`'s statement: the work due (`dueQuery`) as `due`, with whether each is overdue by the
    /// core's status rule; then in a union, each part selecting `workColumns`: the page of it
    /// `keep` lists, its count in each group (told apart by their count, `n`), and what awaits
    /// the teams' manager (`awaitingQueries`, told apart by their `step`), most urgent first (and
    /// then by child: every page in the same order, so that none repeats or misses a row). The
    /// database gathers `due` once for both its parts (a query named in a statement twice is
    /// worked out once, by SQLite and by PostgreSQL alike).
    static func workQuery(_ whose: ChildScope.WayIn, until: CivilDate, scope: ChildScope, bounds: StatusBounds, keep: Keep,
                          page: Int, pageSize: Int, awaitingFor: Set<UUID>?, on db: any SQLDatabase) -> SQLSelectBuilder {
        let overdue = StatusSQL.condition(.overdue, bounds: bounds, columns: columns)
        let due = dueQuery(whose, until: until, scope: scope, bounds: bounds, on: db)
            .column(SQLQueryString("CASE WHEN \(overdue) THEN 1 ELSE 0 END"), as: "overdue")
        let pageOfDue = db.select().column(SQLLiteral.all).from("due").where(keep.condition)
            .orderBy("due").orderBy("last_name").orderBy("id").orderBy("child_id").limit(pageSize).offset((page - 1) * pageSize)
        let rows = part(db.select(), ["child_id", "first_name", "last_name", "id", "rule", "due", "team_id", "worker_id", "overdue"])
            .from(SQLAlias(SQLGroupExpression(pageOfDue.select), as: SQLIdentifier("page")))
        let groups = part(db.select(), ["team_id", "worker_id", "overdue"], [
            "kept": SQLQueryString("CASE WHEN \(keep.condition) THEN 1 ELSE 0 END"), "n": SQLFunction("COUNT", args: SQLLiteral.all),
        ]).from("due").groupBy("team_id").groupBy("worker_id").groupBy("overdue")
        var union = SQLUnionBuilder(on: db, initialQuery: rows.select).union(all: groups.select)
        for query in awaitingFor.map({ awaitingQueries(teams: $0, scope: scope, on: db) }) ?? [] { union = union.union(all: query.select) }
        // Ordered as a table of its own: SQLite orders a union's rows by merging each part's,
        // sorted apart (1.07 ms for a team of the 15,000-child demo, against 0.84 ms so).
        return db.select().with("due", as: due.select).column(SQLLiteral.all)
            .from(SQLAlias(SQLGroupExpression(union.union), as: SQLIdentifier("work")))
            .orderBy("due").orderBy("last_name").orderBy("id").orderBy("child_id")
    }

    /// The columns of `workQuery`'s union, in order: each part selects every one, as null where it
    /// has none, so that the parts line up whatever each selects.
    private static let workColumns = ["child_id", "first_name", "last_name", "id", "rule", "due", "team_id", "worker_id", "overdue", "step", "kept", "n"]

    /// A part of `workQuery`'s union: `workColumns`, each the column of that name where `named`
    /// holds it, the expression `computed` gives for it, or null.
    private static func part(_ builder: SQLSelectBuilder, _ named: Set<String>, _ computed: [String: any SQLExpression] = [:]) -> SQLSelectBuilder {
        for name in workColumns {
            builder.column(computed[name] ?? (named.contains(name) ? SQLColumn(name) : SQLLiteral.null), as: name)
        }
        return builder
    }

    /// The work due: every open obligation due on or before `until` of these children, in no
    /// order. They are read from the index of unmet obligations alone (`CoverOpenWork`), with the
    /// child and their open allocation.
    static func dueQuery(_ whose: ChildScope.WayIn, until: CivilDate, scope: ChildScope, bounds: StatusBounds, on db: any SQLDatabase) -> SQLSelectBuilder {
        let builder = fromObligations(rowColumns(db.select()), allocation: .inner)
            .where(whose.keeps(openAllocation: "a"))
            .where(SQLColumn("due", table: "o"), .lessThanOrEqual, SQLBind(until.iso))
            .where(StatusSQL.openToday(bounds: bounds, columns: columns))
        return scope.apply(to: builder, keptTo: whose)
    }

    /// Every open action this member of staff owns, whoever's child it is for, soonest first.
    static func actions(ownedBy owner: UUID, scope: ChildScope, bounds: StatusBounds, on db: any SQLDatabase) async throws -> [Row] {
        let builder = fromObligations(rowColumns(db.select()), allocation: .left)
            .where(StatusSQL.openToday(bounds: bounds, columns: columns))
            .where(SQLColumn("rule", table: "o"), .equal, SQLBind(RuleID.action.rawValue))
            .where(SQLColumn("worker_id", table: "o"), .equal, SQLBind(owner.text))
        _ = scope.apply(to: builder)
        return try await builder.orderBy(SQLColumn("due", table: "o")).orderBy(SQLColumn("id", table: "o")).limit(500).all(reading: Row.init)
    }

    private static let columns = StatusSQL.Columns.obligations(table: "o")

    /// Obligations `o` with their child `c` and the child's open allocation `a`: the shape of every
    /// query here.
    private static func fromObligations(_ builder: SQLSelectBuilder, allocation: SQLJoinMethod) -> SQLSelectBuilder {
        builder.from(SQLAlias(SQLIdentifier(DerivedRows.obligations), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "o"))
            .join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: allocation, on: openAllocation)
    }

    private static let openAllocation = SQLBinaryExpression(
        SQLBinaryExpression(SQLColumn("child_id", table: "a"), .equal, SQLColumn("id", table: "c")),
        .and, SQLBinaryExpression(SQLColumn("end_date", table: "a"), .is, SQLLiteral.null))

    private static func rowColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        childColumns.reduce(builder) { $0.column($1.column, as: $1.name) }
            .column(SQLColumn("id", table: "o")).column(SQLColumn("rule", table: "o")).column(SQLColumn("due", table: "o"))
            .column(SQLColumn("team_id", table: "a")).column(SQLColumn("worker_id", table: "a"))
    }

    /// The child's id and name, from `c`, as every row names them.
    private static let childColumns = [("child_id", "id"), ("first_name", "first_name"), ("last_name", "last_name")]
        .map { (name: $0, column: SQLColumn($1, table: "c")) }

    /// A recorded event waiting for a manager's authorisation.
    struct Awaiting: Sendable {
        let childID: UUID
        let childName: String
        let eventID: UUID
        let list: JourneyList
        let step: EventStep
        let since: CivilDate
    }

    /// What waits for these teams' manager, as parts of `workQuery`'s union: events of children
    /// allocated to the teams that await a manager's authorisation (a contact's next step, an
    /// assessment: the `awaiting` column the event's form sets when it is written), and transfers
    /// to the teams waiting for their decision (the receiving team decides, whoever holds the
    /// child now). Each is shaped as the obligations' rows: its event as `id`, its journey list as
    /// `rule`, the day it started waiting as `due`.
    private static func awaitingQueries(teams: Set<UUID>, scope: ChildScope, on db: any SQLDatabase) -> [SQLSelectBuilder] {
        guard let transferStep = TransferForm.form.steps.first else { return [] }
        let theirs = ChildScope.WayIn.teams(teams)
        let child = Dictionary(uniqueKeysWithValues: childColumns.map { ($0.name, $0.column as any SQLExpression) })
        let events = part(db.select(), [], child.merging([
            // As text: a transfer's id and an obligation's are text, and every part of the union must agree.
            "id": SQLRaw(#"CAST("e"."id" AS TEXT)"#), "rule": SQLColumn("list", table: "e"),
            "due": SQLColumn("awaiting_since", table: "e"), "step": SQLColumn("awaiting", table: "e"),
        ]) { $1 })
            .from(SQLAlias(SQLIdentifier(StoredEvent.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "e"))
            .join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.inner, on: openAllocation)
            .where(SQLColumn("awaiting", table: "e"), .isNot, SQLLiteral.null)
            .where(SQLColumn("withdrawn_reason", table: "e"), .is, SQLLiteral.null)
            .where(theirs.keeps(openAllocation: "a"))
        let transfers = part(db.select(), [], child.merging([
            "id": SQLColumn("transfer_id", table: "ts"), "rule": SQLBind(JourneyList.transfers.rawValue),
            "due": SQLColumn("requested", table: "ts"), "step": SQLBind(transferStep.id),
        ]) { $1 })
            .from(SQLAlias(SQLIdentifier(DerivedRows.transfers), as: SQLIdentifier("ts")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "ts"))
            .where(SQLColumn("stage", table: "ts"), .equal, SQLBind(TransferProgress.Stage.awaitingDecision.rawValue))
            .where(SQLColumn("to_team_id", table: "ts"), .in, SQLBind.group(teams.sorted()))
        // Both are kept to the teams' children: those allocated to them, and those whose transfer
        // to them awaits their decision.
        return [scope.apply(to: events, keptTo: theirs), scope.apply(to: transfers, keptTo: theirs)]
    }

    /// A row of `awaitingQueries`; nil for a step no form has now.
    private static func awaiting(_ columns: Columns) throws -> Awaiting? {
        let stepID = try columns.text("step")
        guard let event = UUID(text: try columns.text("id")), let list = JourneyList(rawValue: try columns.text("rule")),
              let step = list.form.steps.first(where: { $0.id == stepID }), let since = try columns.date(ifAny: "due") else { return nil }
        return Awaiting(childID: try columns.uuid("child_id"), childName: try columns.text("first_name") + " " + columns.text("last_name"),
                        eventID: event, list: list, step: step, since: since)
    }
}
