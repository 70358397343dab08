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

    /// Which of the work due a page lists: one worker's, that of children with no allocated
    /// worker, one team's, only what is overdue.
    struct Keep: Sendable, Hashable {
        var workerID: UUID?
        var withoutWorker = false
        var teamID: UUID?
        var overdueOnly = false

        /// Whether every row is kept (no worker, team or overdue filter).
        var keepsEverything: Bool { self == Keep() }

        /// The condition over `due`'s columns (`workQuery`).
        var condition: any SQLExpression {
            var conditions: [any SQLExpression] = []
            if let workerID { conditions.append(SQLBinaryExpression(SQLColumn("worker_id"), .equal, SQLBind(workerID))) }
            if withoutWorker { conditions.append(SQLBinaryExpression(SQLColumn("worker_id"), .is, SQLLiteral.null)) }
            if let teamID { conditions.append(SQLBinaryExpression(SQLColumn("team_id"), .equal, SQLBind(teamID))) }
            if overdueOnly { conditions.append(SQLBinaryExpression(SQLColumn("overdue"), .equal, SQLLiteral.numeric("1"))) }
            return allOf(conditions)
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
    /// authorisation, longest waiting first, and the first page of the team's children without a
    /// worker, with how many there are.
    struct Work: Sendable {
        var rows: [Row] = []
        var groups: [Group] = []
        var awaiting: [Awaiting] = []
        var unallocated: [ChildListRow] = []
        var unallocatedTotal = 0

        /// How many rows `Keep` lists in all.
        var kept: Int { groups.reduce(0) { $0 + ($1.kept ? $1.count : 0) } }
    }

    /// Every open obligation due on or before `until` (overdue ones included) of these children:
    /// page `page` (of `pageSize`, from 1) of those `keep` lists and the number in each group, and
    /// for the manager of a team (`managerOf`) what awaits them and the team's children without a
    /// worker, in one statement (`workQuery`). A statement costs a page several times what the
    /// database spends running it, and each row read costs more again (docs/performance.md): the
    /// page's rows and the groups' counts are all My work needs of the few hundred rows due. A
    /// page past the last is read again as the last.
    static func work(_ whose: ChildScope.WayIn, until: CivilDate, scope: ChildScope, bounds: StatusBounds, keep: Keep,
                     page: Int, pageSize: Int, managerOf team: UUID? = nil, on db: any SQLDatabase) async throws -> (work: Work, page: Int) {
        // No teams, no team's work (a manager not yet given a team); PostgreSQL refuses an empty IN list.
        if case let .teams(ids) = whose, ids.isEmpty { return (Work(), 1) }
        func read(page: Int) async throws -> Work {
            let statement = Statement(whose: whose, until: until, scope: scope, bounds: bounds, keep: keep, page: page, pageSize: pageSize,
                                      managerOf: team)
            return try await WorkQueries.read(db.raw("\(written.statement(statement, on: db, build: workQuery))"))
        }
        let asked = Paged<Row>.asked(page, size: pageSize)
        let work = try await read(page: asked)
        let last = Paged<Row>.pageCount(total: work.kept, size: pageSize)
        return asked > last ? (try await read(page: last), last) : (work, asked)
    }

    /// What each row of `workQuery` is, in its column `part`.
    private enum Part: String {
        case due, count, awaiting, unallocated
    }

    private static func read(_ query: SQLRawBuilder) async throws -> Work {
        enum Item { case row(Row), group(Group), awaiting(Awaiting?), unallocated(ChildListRow, total: Int) }
        let items = try await query.all { columns -> Item in
            switch try columns.code("part", as: Part.self) {
            case .due: return .row(try Row(columns))
            case .count:
                return .group(Group(team_id: try columns.uuid(ifAny: "team_id"), worker_id: try columns.uuid(ifAny: "worker_id"),
                                    overdue: try columns.int("overdue") != 0, kept: try columns.int("kept") != 0, count: try columns.int("n")))
            case .awaiting: return .awaiting(try awaiting(columns))
            case .unallocated: return .unallocated(try ChildListRow(columns, id: "child_id"), total: try columns.int("n"))
            }
        }
        var work = Work()
        for item in items {
            switch item {
            case let .row(row): work.rows.append(row)
            case let .group(group): work.groups.append(group)
            case let .awaiting(row?): work.awaiting.append(row)
            case .awaiting(nil): break
            case let .unallocated(child, total):
                work.unallocated.append(child)
                work.unallocatedTotal = total
            }
        }
        // Sorted here rather than by the database: PostgreSQL writes an event's id as text in lower
        // case and a transfer's is stored in upper case, so the two would not sort alike.
        work.awaiting.sort { ($0.since, $0.eventID) < ($1.since, $1.eventID) }
        return work
    }

    /// What `workQuery` builds its statement from: `work`'s arguments, for one page. The
    /// statement is kept by it (`written`), so `workQuery` reads nothing else: a reader's scope
    /// left out would give one person's statement to another.
    struct Statement: Hashable, Sendable {
        let whose: ChildScope.WayIn
        let until: CivilDate
        let scope: ChildScope
        let bounds: StatusBounds
        let keep: Keep
        let page: Int
        let pageSize: Int
        let managerOf: UUID?
    }

    /// `workQuery`'s statements, written once for each page asked for (`WrittenStatements`): a
    /// thousand, at about 6 KB each.
    private static let written = WrittenStatements<Statement>(capacity: 1_000)

    /// `work`'s statement: the work due (`dueQuery`) as `due`, with whether each is overdue by the
    /// core's status rule; then in a union, each part selecting `workColumns` and naming itself
    /// in `part`: the page of `due` that `keep` lists, most urgent first (and then by child: every
    /// page in the same order, so that none repeats or misses a row), its count in each group,
    /// and for a team's manager what awaits them (`awaitingQueries`) and the first page of the
    /// team's children without a worker, by name as every list of children is. The database
    /// gathers `due` once for both its parts (a query named in a statement twice is worked out
    /// once, by SQLite and by PostgreSQL alike).
    static func workQuery(_ statement: Statement, on db: any SQLDatabase) -> any SQLExpression {
        /// 1 where the condition holds, else 0: a flag both databases count and compare alike.
        func flag(_ condition: any SQLExpression) -> SQLQueryString { "CASE WHEN \(condition) THEN 1 ELSE 0 END" }
        let due = dueQuery(statement.whose, until: statement.until, scope: statement.scope, bounds: statement.bounds, on: db)
            .column(flag(StatusSQL.condition(.overdue, bounds: statement.bounds, columns: columns)), as: "overdue")
        // `due` has no local id (only the children without a worker do).
        let ordered = db.select().column(SQLLiteral.all).from("due").where(statement.keep.condition)
        for column in order where column != "la_child_id" { ordered.orderBy(column) }
        let page = Paged<Row>.page(statement.page, size: statement.pageSize, of: ordered.select, on: db)
        let rows = part(.due, db.select(), ["child_id", "first_name", "last_name", "id", "rule", "due", "team_id", "worker_id", "overdue"])
            .from(SQLAlias(SQLGroupExpression(page), as: SQLIdentifier("page")))
        let groups = part(.count, db.select(), ["team_id", "worker_id", "overdue"], [
            "kept": flag(statement.keep.condition), "n": SQLFunction("COUNT", args: SQLLiteral.all),
        ]).from("due").groupBy("team_id").groupBy("worker_id").groupBy("overdue")
        var union = SQLUnionBuilder(on: db, initialQuery: rows.select).union(all: groups.select)
        if let team = statement.managerOf {
            for query in awaitingQueries(teams: [team], scope: statement.scope, on: db) { union = union.union(all: query.select) }
            // A team's few children without a worker: counted as they are sorted.
            let children = ChildDirectory.pageOfChildren(ChildFilter(teamID: team, unallocatedOnly: true), scope: statement.scope, page: 1, total: .window, on: db)
            let unallocated = part(.unallocated, db.select(), ["first_name", "last_name", "la_child_id", "date_of_birth", "expected_date_of_birth"],
                                   ["child_id": SQLColumn("id"), "n": SQLColumn("total")])
                .from(SQLAlias(SQLGroupExpression(children.select), as: SQLIdentifier("unallocated")))
            union = union.union(all: unallocated.select)
        }
        // A union's rows come in no set order, whatever each part's. Ordered as a table of its own:
        // SQLite orders a union's rows by merging each part's, sorted apart (1.07 ms for the
        // twenty-fourth session's two-part union, against 0.84 ms so).
        let work = db.select().with("due", as: due.select).column(SQLLiteral.all)
            .from(SQLAlias(SQLGroupExpression(union.union), as: SQLIdentifier("work")))
        for column in order { work.orderBy(column) }
        return work.query
    }

    /// The order of `workQuery`'s rows: the work due most urgent first, then by child; the
    /// children without a worker (who have no due date nor obligation) by name and local id, as
    /// `ChildDirectory` sorts every list of children.
    private static let order = ["due", "last_name", "id", "first_name", "la_child_id", "child_id"]

    /// The columns of `workQuery`'s union, in order: each part selects every one, as null where it
    /// has none, so that the parts line up whatever each selects. PostgreSQL settles a union's
    /// column types two parts at a time, and a column null in both of the first two is text: those
    /// (`step` and the children's columns) are text in every part.
    private static let workColumns = [
        "part", "child_id", "first_name", "last_name", "id", "rule", "due", "team_id", "worker_id", "overdue", "step", "kept", "n",
        "la_child_id", "date_of_birth", "expected_date_of_birth",
    ]

    /// A part of `workQuery`'s union, named `part`: `workColumns`, each the column of that name
    /// where `named` holds it, the expression `computed` gives for it, or null.
    private static func part(_ part: Part, _ builder: SQLSelectBuilder, _ named: Set<String>,
                             _ computed: [String: any SQLExpression] = [:]) -> SQLSelectBuilder {
        for name in workColumns {
            let value = name == "part" ? SQLLiteral.string(part.rawValue) : computed[name] ?? (named.contains(name) ? SQLColumn(name) : SQLLiteral.null)
            builder.column(value, as: name)
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
        try await actionsQuery(ownedBy: owner, scope: scope, bounds: bounds, on: db).all(reading: Row.init)
    }

    /// `actions`' statement: the owner's actions found by owner and rule (`IndexActionsByOwner`).
    static func actionsQuery(ownedBy owner: UUID, scope: ChildScope, bounds: StatusBounds, on db: any SQLDatabase) -> SQLSelectBuilder {
        let builder = fromObligations(rowColumns(db.select()), allocation: .left)
            .where(StatusSQL.openToday(bounds: bounds, columns: columns))
            .where(SQLColumn("rule", table: "o"), .equal, SQLBind(RuleID.action.rawValue))
            .where(SQLColumn("worker_id", table: "o"), .equal, SQLBind(owner.text))
        _ = scope.apply(to: builder)
        return builder.orderBy(SQLColumn("due", table: "o")).orderBy(SQLColumn("id", table: "o")).limit(500)
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
        let events = part(.awaiting, db.select(), [], child.merging([
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
        let transfers = part(.awaiting, db.select(), [], child.merging([
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
