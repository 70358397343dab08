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
            try self.init(Due(columns))
        }

        /// The rest of a row of `due`.
        init(_ due: Due) throws {
            child_id = try due.columns.uuid("child_id")
            first_name = try due.columns.text("first_name")
            last_name = try due.columns.text("last_name")
            id = try due.columns.text("id")
            rule = try due.columns.text("rule")
            self.due = due.due
            team_id = due.team_id
            worker_id = due.worker_id
        }

        var childName: String { first_name + " " + last_name }
        var dueDate: CivilDate? { CivilDate(iso: due) }
        var ruleID: RuleID { RuleID(rawValue: rule) }

        func status(_ bounds: StatusBounds) -> ObligationStatus { WorkQueries.openStatus(due: due, bounds) }
    }

    /// A row of `due`, decoded in two steps: what counting it needs (its due date, team and
    /// worker) at once, the rest (`Row(_:)`) only for the rows a page shows, a hundred of a team's
    /// few hundred.
    struct Due: Sendable {
        fileprivate let columns: Columns
        let due: String
        let team_id: UUID?
        let worker_id: UUID?

        init(_ columns: Columns) throws {
            self.columns = columns
            due = try columns.text("due")
            team_id = try columns.uuid(ifAny: "team_id")
            worker_id = try columns.uuid(ifAny: "worker_id")
        }

        func status(_ bounds: StatusBounds) -> ObligationStatus { WorkQueries.openStatus(due: due, bounds) }
    }

    /// An obligation's status by the core's rule, of a row read open: never met, nor no longer needed.
    static func openStatus(due: String, _ bounds: StatusBounds) -> ObligationStatus {
        bounds.status(due: CivilDate(iso: due) ?? bounds.asOf, met: nil, notApplicableSince: nil)
    }

    /// Every open obligation due on or before `until` (overdue ones included) of these children,
    /// most urgent first. They are a worker's or a team's few hundred (a service of five teams had
    /// about a thousand at 15,000 children), so My work counts and pages them itself rather than
    /// asking the database twice (once to count them, once for a page): both would find the same
    /// rows, and finding them is most of the work. They are read from the index of unmet
    /// obligations alone (`CoverOpenWork`), with the child and their open allocation.
    static func due(_ whose: ChildScope.WayIn, until: CivilDate, scope: ChildScope, bounds: StatusBounds, on db: any SQLDatabase) async throws -> [Due] {
        // No teams, no team's work (a manager not yet given a team); PostgreSQL refuses an empty IN list.
        if case let .teams(ids) = whose, ids.isEmpty { return [] }
        return try await dueQuery(whose, until: until, scope: scope, bounds: bounds, on: db)
            .orderBy(SQLColumn("due", table: "o")).orderBy(SQLColumn("last_name", table: "c")).orderBy(SQLColumn("id", table: "o"))
            .all(reading: Due.init)
    }

    /// A team's work for its manager: everything due (the rows `due` reads for a team) and what
    /// awaits the manager's authorisation, read in one statement (`teamWorkQuery`). A statement
    /// costs a page several times what the database spends running it (docs/performance.md), and
    /// a manager's My work reads both on every view.
    static func teamWork(_ teams: Set<UUID>, until: CivilDate, scope: ChildScope, bounds: StatusBounds,
                         on db: any SQLDatabase) async throws -> (due: [Due], awaiting: [Awaiting]) {
        guard !teams.isEmpty else { return ([], []) }
        enum Item { case due(Due), awaiting(Awaiting?) }
        let items = try await teamWorkQuery(teams, until: until, scope: scope, bounds: bounds, on: db).all { columns -> Item in
            try columns.text(ifAny: "step") == nil ? .due(try Due(columns)) : .awaiting(try awaiting(columns))
        }
        var read: (due: [Due], awaiting: [Awaiting]) = ([], [])
        for item in items {
            switch item {
            case let .due(row): read.due.append(row)
            case let .awaiting(row?): read.awaiting.append(row)
            case .awaiting(nil): break
            }
        }
        // Sorted here rather than by the database: PostgreSQL writes an event's id as text in lower
        // case and a transfer's is stored in upper case, so the two would not sort alike.
        read.awaiting.sort { ($0.since, $0.eventID) < ($1.since, $1.eventID) }
        return read
    }

    /// `teamWork`'s statement: the team's work (`dueQuery`) and what awaits its manager
    /// (`awaitingQueries`) in a union, most urgent first. The rows awaiting authorisation are
    /// shaped as the obligations' (their event as `id`, their journey list as `rule`, the day they
    /// started waiting as `due`) and told apart by their `step`, which an obligation's row does
    /// not have.
    static func teamWorkQuery(_ teams: Set<UUID>, until: CivilDate, scope: ChildScope, bounds: StatusBounds,
                              on db: any SQLDatabase) -> SQLSelectBuilder {
        let due = dueQuery(.teams(teams), until: until, scope: scope, bounds: bounds, on: db).column(SQLLiteral.null, as: "step")
        var union = SQLUnionBuilder(on: db, initialQuery: due.select)
        for query in awaitingQueries(teams: teams, scope: scope, on: db) { union = union.union(all: query.select) }
        // Ordered as a table of its own: SQLite orders a union's rows by merging each part's,
        // sorted apart (1.07 ms for a team of the 15,000-child demo, against 0.84 ms so).
        return db.select().column(SQLLiteral.all).from(SQLAlias(SQLGroupExpression(union.union), as: SQLIdentifier("work")))
            .orderBy("due").orderBy("last_name").orderBy("id")
    }

    /// `due`'s statement, in no order.
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
        childColumns(builder)
            .column(SQLColumn("id", table: "o")).column(SQLColumn("rule", table: "o")).column(SQLColumn("due", table: "o"))
            .column(SQLColumn("team_id", table: "a")).column(SQLColumn("worker_id", table: "a"))
    }

    /// The child's id and name, from `c`.
    private static func childColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder.column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
    }

    /// A recorded event waiting for a manager's authorisation.
    struct Awaiting: Sendable {
        let childID: UUID
        let childName: String
        let eventID: UUID
        let list: JourneyList
        let step: EventStep
        let since: CivilDate
    }

    /// What waits for these teams' manager, in `teamWork`'s shape: events of children allocated to
    /// the teams that await a manager's authorisation (a contact's next step, an assessment: the
    /// `awaiting` column the event's form sets when it is written), and transfers to the teams
    /// waiting for their decision (the receiving team decides, whoever holds the child now).
    private static func awaitingQueries(teams: Set<UUID>, scope: ChildScope, on db: any SQLDatabase) -> [SQLSelectBuilder] {
        guard let transferStep = TransferForm.form.steps.first else { return [] }
        let theirs = ChildScope.WayIn.teams(teams)
        let events = childColumns(db.select())
            // As text: a transfer's id and an obligation's are text, and every part of the union must agree.
            .column(SQLRaw(#"CAST("e"."id" AS TEXT)"#), as: "id").column(SQLColumn("list", table: "e"), as: "rule")
            .column(SQLColumn("awaiting_since", table: "e"), as: "due").column(SQLLiteral.null, as: "team_id").column(SQLLiteral.null, as: "worker_id")
            .column(SQLColumn("awaiting", table: "e"), as: "step")
            .from(SQLAlias(SQLIdentifier(StoredEvent.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "e"))
            .join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.inner, on: openAllocation)
            .where(SQLColumn("awaiting", table: "e"), .isNot, SQLLiteral.null)
            .where(SQLColumn("withdrawn_reason", table: "e"), .is, SQLLiteral.null)
            .where(theirs.keeps(openAllocation: "a"))
        let transfers = childColumns(db.select())
            .column(SQLColumn("transfer_id", table: "ts"), as: "id").column(SQLBind(JourneyList.transfers.rawValue), as: "rule")
            .column(SQLColumn("requested", table: "ts"), as: "due").column(SQLLiteral.null, as: "team_id").column(SQLLiteral.null, as: "worker_id")
            .column(SQLBind(transferStep.id), as: "step")
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
