import Foundation
import LineOfSightCore
import SQLKit

/// What is due for a set of children, read from the stored obligations: open (by the core's status
/// rule, in SQL) and due by a date the core's calendar gave, within the person's access.
enum WorkQueries {
    /// One open obligation of one child, with where the child is allocated now.
    struct Row: Sendable {
        let child_id: UUID
        let la_child_id: String
        let first_name: String
        let last_name: String
        let id: String
        let rule: String
        let due: String
        let started_kind: String
        let started_event: String
        let started_date: String
        let responsible_worker: String?
        let team_id: UUID?
        let worker_id: UUID?

        /// Read column by column (`Columns`): a page reads a hundred.
        init(_ columns: Columns) throws {
            child_id = try columns.uuid("child_id")
            la_child_id = try columns.text("la_child_id")
            first_name = try columns.text("first_name")
            last_name = try columns.text("last_name")
            id = try columns.text("id")
            rule = try columns.text("rule")
            due = try columns.text("due")
            started_kind = try columns.text("started_kind")
            started_event = try columns.text("started_event")
            started_date = try columns.text("started_date")
            responsible_worker = try columns.text(ifAny: "responsible_worker")
            team_id = try columns.uuid(ifAny: "team_id")
            worker_id = try columns.uuid(ifAny: "worker_id")
        }

        var childName: String { first_name + " " + last_name }
        var dueDate: CivilDate? { CivilDate(iso: due) }
        var ruleID: RuleID { RuleID(rawValue: rule) }

        /// Its status by the core's rule; rows are read open, so never met or no longer needed.
        func status(_ bounds: StatusBounds) -> ObligationStatus {
            bounds.status(due: dueDate ?? bounds.asOf, met: nil, notApplicableSince: nil)
        }
    }

    /// Whose work: the children allocated to a worker, or to any of some teams.
    enum Whose: Sendable {
        case worker(UUID)
        case teams(Set<UUID>)
    }

    /// How many open obligations one worker's children (or a team's unallocated ones) have overdue
    /// and due but not yet overdue, by the open allocation.
    struct Tally: Decodable, Sendable {
        let team_id: UUID
        let worker_id: UUID?
        let overdue: Int
        let total: Int

        var notOverdue: Int { total - overdue }
    }

    /// The open obligations due on or before `until` (overdue ones included) of these children,
    /// counted per open allocation in the database: what the page's counts are made of.
    static func tally(_ whose: Whose, until: CivilDate, scope: ChildScope, bounds: StatusBounds, on db: any SQLDatabase) async throws -> [Tally] {
        let overdue = StatusSQL.condition(.overdue, bounds: bounds, columns: columns)
        return try await dueFor(whose, until: until, scope: scope, bounds: bounds,
                                db.select().column(SQLColumn("team_id", table: "a")).column(SQLColumn("worker_id", table: "a"))
                                    .column(SQLCountWhen(overdue), as: "overdue").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total"))
            .groupBy(SQLColumn("team_id", table: "a")).groupBy(SQLColumn("worker_id", table: "a"))
            .all(decoding: Tally.self)
    }

    /// One page of those obligations, narrowed to a worker or team and to overdue ones if asked,
    /// most urgent first. The page's keys are found in the index of open obligations
    /// (`IndexOpenWork`) without reading the table; then only the page's rows are read, joined to
    /// those keys in the same statement.
    static func due(_ whose: Whose, narrowedTo worker: UUID?, team: UUID?, overdueOnly: Bool, until: CivilDate, scope: ChildScope,
                    bounds: StatusBounds, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> [Row] {
        let keys = dueFor(whose, until: until, scope: scope, bounds: bounds,
                          db.select().column(SQLColumn("child_id", table: "o")).column(SQLColumn("id", table: "o")))
        if let worker { keys.where(SQLColumn("worker_id", table: "a"), .equal, SQLBind(worker)) }
        if let team { keys.where(SQLColumn("team_id", table: "a"), .equal, SQLBind(team)) }
        if overdueOnly { keys.where(StatusSQL.condition(.overdue, bounds: bounds, columns: columns)) }
        let page = mostUrgentFirst(keys).limit(limit).offset(offset)
        let rows = rowColumns(db.select())
            .from(SQLAlias(SQLGroupExpression(page.select), as: SQLIdentifier("k")))
            .join(SQLAlias(SQLIdentifier(DerivedRows.obligations), as: SQLIdentifier("o")), method: SQLJoinMethod.inner, on: SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("child_id", table: "o"), .equal, SQLColumn("child_id", table: "k")),
                .and, SQLBinaryExpression(SQLColumn("id", table: "o"), .equal, SQLColumn("id", table: "k"))))
        return try await mostUrgentFirst(joinChildAndAllocation(rows, allocation: .left)).all(reading: Row.init)
    }

    private static func mostUrgentFirst(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder.orderBy(SQLColumn("due", table: "o")).orderBy(SQLColumn("last_name", table: "c")).orderBy(SQLColumn("id", table: "o"))
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
        joinChildAndAllocation(builder.from(SQLAlias(SQLIdentifier(DerivedRows.obligations), as: SQLIdentifier("o"))), allocation: allocation)
    }

    private static func joinChildAndAllocation(_ builder: SQLSelectBuilder, allocation: SQLJoinMethod) -> SQLSelectBuilder {
        builder
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "o"))
            .join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: allocation, on: openAllocation)
    }

    private static let openAllocation = SQLBinaryExpression(
        SQLBinaryExpression(SQLColumn("child_id", table: "a"), .equal, SQLColumn("id", table: "c")),
        .and, SQLBinaryExpression(SQLColumn("end_date", table: "a"), .is, SQLLiteral.null))

    private static func rowColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder
            .column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("la_child_id", table: "c"))
            .column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
            .column(SQLColumn("id", table: "o")).column(SQLColumn("rule", table: "o")).column(SQLColumn("due", table: "o"))
            .column(SQLColumn("started_kind", table: "o")).column(SQLColumn("started_event", table: "o")).column(SQLColumn("started_date", table: "o"))
            .column(SQLColumn("worker_id", table: "o"), as: "responsible_worker")
            .column(SQLColumn("team_id", table: "a")).column(SQLColumn("worker_id", table: "a"))
    }

    /// The open obligations due by `until` of the children allocated to this worker or these teams.
    private static func dueFor(_ whose: Whose, until: CivilDate, scope: ChildScope, bounds: StatusBounds, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        let theirs: any SQLExpression = switch whose {
        case let .worker(id): SQLBinaryExpression(SQLColumn("worker_id", table: "a"), .equal, SQLBind(id))
        case let .teams(ids): SQLBinaryExpression(SQLColumn("team_id", table: "a"), .in, SQLBind.group(ids.sorted()))
        }
        fromObligations(builder, allocation: .inner)
            .where(theirs)
            .where(SQLColumn("due", table: "o"), .lessThanOrEqual, SQLBind(until.iso))
            .where(StatusSQL.openToday(bounds: bounds, columns: columns))
        _ = scope.apply(to: builder)
        return builder
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

    /// Events of children allocated to these teams that await a manager's authorisation (a
    /// contact's next step, an assessment), longest waiting first: the `awaiting` column the
    /// event's form sets when it is written.
    static func awaitingAuthorisation(teams: Set<UUID>, scope: ChildScope, on db: any SQLDatabase) async throws -> [Awaiting] {
        guard !teams.isEmpty else { return [] }
        struct EventRow: Decodable {
            let child_id: UUID; let first_name: String; let last_name: String; let event_id: UUID; let list: String
            let awaiting: String; let awaiting_since: String
        }
        let builder = db.select()
            .column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
            .column(SQLColumn("id", table: "e"), as: "event_id").column(SQLColumn("list", table: "e"))
            .column(SQLColumn("awaiting", table: "e")).column(SQLColumn("awaiting_since", table: "e"))
            .from(SQLAlias(SQLIdentifier(StoredEvent.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "e"))
            .join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(SQLBinaryExpression(SQLColumn("child_id", table: "a"), .equal, SQLColumn("id", table: "c")),
                                          .and, SQLBinaryExpression(SQLColumn("end_date", table: "a"), .is, SQLLiteral.null)))
            .where(SQLColumn("awaiting", table: "e"), .isNot, SQLLiteral.null)
            .where(SQLColumn("withdrawn_reason", table: "e"), .is, SQLLiteral.null)
            .where(SQLColumn("team_id", table: "a"), .in, SQLBind.group(teams.sorted()))
            .orderBy(SQLColumn("awaiting_since", table: "e")).orderBy(SQLColumn("id", table: "e"))
        _ = scope.apply(to: builder)
        return try await builder.all(decoding: EventRow.self).compactMap { row in
            guard let list = JourneyList(rawValue: row.list), let step = list.form.steps.first(where: { $0.id == row.awaiting }),
                  let since = CivilDate(iso: row.awaiting_since) else { return nil }
            return Awaiting(childID: row.child_id, childName: row.first_name + " " + row.last_name, eventID: row.event_id, list: list,
                            step: step, since: since)
        }
    }
}

extension WorkQueries {
    /// Transfers to these teams waiting for their manager's decision, longest waiting first: the
    /// receiving team decides, whoever holds the child now.
    static func transfersAwaiting(teams: Set<UUID>, scope: ChildScope, on db: any SQLDatabase) async throws -> [Awaiting] {
        guard !teams.isEmpty, let step = TransferForm.form.steps.first else { return [] }
        struct Row: Decodable { let child_id: UUID; let first_name: String; let last_name: String; let transfer_id: String; let requested: String }
        let builder = db.select()
            .column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
            .column(SQLColumn("transfer_id", table: "ts")).column(SQLColumn("requested", table: "ts"))
            .from(SQLAlias(SQLIdentifier(DerivedRows.transfers), as: SQLIdentifier("ts")))
            .join(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("child_id", table: "ts"))
            .where(SQLColumn("stage", table: "ts"), .equal, SQLBind(TransferProgress.Stage.awaitingDecision.rawValue))
            .where(SQLColumn("to_team_id", table: "ts"), .in, SQLBind.group(teams.sorted()))
            .orderBy(SQLColumn("requested", table: "ts")).orderBy(SQLColumn("transfer_id", table: "ts"))
        _ = scope.apply(to: builder)
        return try await builder.all(decoding: Row.self).compactMap { row in
            guard let event = UUID(text: row.transfer_id), let since = CivilDate(iso: row.requested) else { return nil }
            return Awaiting(childID: row.child_id, childName: row.first_name + " " + row.last_name, eventID: event, list: .transfers,
                            step: step, since: since)
        }
    }
}

/// `SUM(CASE WHEN condition THEN 1 ELSE 0 END)`: how many rows of a group meet a condition.
struct SQLCountWhen: SQLExpression {
    let condition: any SQLExpression

    init(_ condition: any SQLExpression) { self.condition = condition }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("SUM(CASE WHEN ")
        condition.serialize(to: &serializer)
        serializer.write(" THEN 1 ELSE 0 END)")
    }
}
