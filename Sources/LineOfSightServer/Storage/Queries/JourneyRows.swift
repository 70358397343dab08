import Foundation
import LineOfSightCore
import SQLKit

/// What a derivation reads, as plain rows: the hot path of every save and of re-deriving everyone,
/// so no model objects are built for it.
enum JourneyRows {
    struct Event: Sendable {
        let id: UUID
        let child_id: UUID
        let list: String
        let record: String
        /// Read only where a list shows it.
        var date: String? = nil
        /// Read only where withdrawn events are read too (an import, which never brings one back).
        var withdrawn_reason: String? = nil

        /// Read column by column (`Columns`): re-deriving everyone reads every event.
        init(_ columns: Columns) throws {
            id = try columns.uuid("id")
            child_id = try columns.uuid("child_id")
            list = try columns.text("list")
            record = try columns.text("record")
            date = try columns.text(ifSelected: "date")
            withdrawn_reason = try columns.text(ifSelected: "withdrawn_reason")
        }

        // Never inlined: the release compiler (Swift 6.3.1) crashes ("splitting coroutine") when
        // this decode is inlined into the async functions that read a journey.
        @inline(never)
        func decodedRecord() throws -> any JourneyRecord {
            guard let list = JourneyList(rawValue: list) else { throw JourneyDocumentError(path: "$", message: "unknown list \(list)") }
            return try list.decode(stored: record)
        }

        /// The event as the core reads it.
        func recorded() throws -> RecordedEvent {
            RecordedEvent(id: id.text, record: try decodedRecord())
        }
    }

    struct Allocation: Decodable, Sendable {
        let child_id: UUID
        let team_id: UUID
        let worker_id: UUID?
        let start_date: String
        let end_date: String?

        var core: LineOfSightCore.Allocation {
            LineOfSightCore.Allocation(teamID: team_id.text, workerID: worker_id?.text,
                                       start: CivilDate(iso: start_date) ?? CivilDate(dayNumber: 0), end: end_date.flatMap(CivilDate.init(iso:)))
        }
    }

    /// The children's events that are in their journeys (not withdrawn), in date order; only
    /// those of `lists` when given.
    static func events(of children: [UUID], excluding: UUID? = nil, lists: [JourneyList]? = nil, on sql: any SQLDatabase) async throws -> [Event] {
        // PostgreSQL refuses an empty IN list.
        guard !children.isEmpty else { return [] }
        let query = eventsQuery(of: children, lists: lists, on: sql)
        if let excluding { query.where("id", .notEqual, SQLBind(excluding)) }
        return try await query.orderBy("date").orderBy("recorded_at").orderBy("id").all(reading: Event.init)
    }

    /// The same, by child, each child's in date order: read child by child, as the index of
    /// events holds them (by child and date), so that the database sorts only a child's events
    /// of one day rather than every event of a batch of children (a tenth of reading a batch of
    /// 500 to re-derive them).
    static func eventsByChild(of children: [UUID], lists: [JourneyList]? = nil, on sql: any SQLDatabase) async throws -> [UUID: [Event]] {
        guard !children.isEmpty else { return [:] }
        let events = try await eventsQuery(of: children, lists: lists, on: sql)
            .orderBy("child_id").orderBy("date").orderBy("recorded_at").orderBy("id").all(reading: Event.init)
        return Dictionary(grouping: events, by: \.child_id)
    }

    private static func eventsQuery(of children: [UUID], lists: [JourneyList]?, on sql: any SQLDatabase) -> SQLSelectBuilder {
        let query = sql.select().columns("id", "child_id", "list", "record").from(StoredEvent.schema)
            .where("child_id", .in, SQLBind.group(children))
            .where("withdrawn_reason", .is, SQLLiteral.null)
        if let lists { query.where("list", .in, SQLBind.group(lists.map(\.rawValue))) }
        return query
    }

    /// The child's events in their journey that record the child's views (the key is written only
    /// when there is something in it), newest first.
    static func withChildsViews(of child: UUID, on sql: any SQLDatabase) async throws -> [Event] {
        try await childsViews(of: child, on: sql).all(reading: Event.init)
    }

    /// The newest `limit` of them, and how many there are in all: the child's page shows a few and
    /// links to the rest (a child long in care has a hundred or more).
    static func latestWithChildsViews(of child: UUID, limit: Int, on sql: any SQLDatabase) async throws -> (latest: [Event], total: Int) {
        let rows = try await childsViews(of: child, on: sql).column(SQLRaw("COUNT(*) OVER ()"), as: "total").limit(limit)
            .all { columns in (event: try Event(columns), total: try columns.int("total")) }
        return (rows.map(\.event), rows.first?.total ?? 0)
    }

    private static func childsViews(of child: UUID, on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns("id", "child_id", "list", "record", "date").from(StoredEvent.schema)
            .where("child_id", .equal, SQLBind(child))
            .where("withdrawn_reason", .is, SQLLiteral.null)
            // Written into the statement rather than bound: PostgreSQL plans a bound pattern afresh
            // at every run (it cannot know it has no leading literal), a written one once.
            .where("record", .like, SQLLiteral.string("%\"childsViews\"%"))
            .orderBy("date", .descending).orderBy("recorded_at", .descending).orderBy("id", .descending)
    }

    /// A recorded event as a list of them shows it: when, what, whether withdrawn, and who recorded it.
    struct Recent: Decodable, Sendable {
        let id: UUID
        let list: String
        let date: String
        let withdrawn: Bool
        let recorded_by: String
    }

    /// The child's latest recorded events, withdrawn ones included, newest first.
    static func recent(of child: UUID, limit: Int, on sql: any SQLDatabase) async throws -> [Recent] {
        try await sql.select()
            .column(SQLColumn("id", table: "e")).column(SQLColumn("list", table: "e")).column(SQLColumn("date", table: "e"))
            .column(SQLBinaryExpression(SQLColumn("withdrawn_reason", table: "e"), .isNot, SQLLiteral.null), as: "withdrawn")
            .column(SQLColumn("display_name", table: "u"), as: "recorded_by")
            .from(SQLAlias(SQLIdentifier(StoredEvent.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("recorded_by", table: "e"))
            .where(SQLColumn("child_id", table: "e"), .equal, SQLBind(child))
            .orderBy(SQLOrderBy(expression: SQLColumn("date", table: "e"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("recorded_at", table: "e"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "e"), direction: SQLDirection.descending))
            .limit(limit)
            .all(decoding: Recent.self)
    }

    static func allocations(of children: [UUID], on sql: any SQLDatabase) async throws -> [Allocation] {
        guard !children.isEmpty else { return [] }
        return try await sql.select().columns("child_id", "team_id", "worker_id", "start_date", "end_date").from(StoredAllocation.schema)
            .where("child_id", .in, SQLBind.group(children))
            .orderBy("start_date")
            .all(decoding: Allocation.self)
    }
}
