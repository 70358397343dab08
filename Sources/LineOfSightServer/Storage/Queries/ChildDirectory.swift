import Fluent
import FluentSQL
import Foundation
import LineOfSightCore
import SQLKit

/// A child as listed: identity plus the current allocation.
struct ChildListRow: Decodable, Sendable {
    let id: UUID
    let laChildID: String
    let firstName: String
    let lastName: String
    let dateOfBirth: CivilDate?
    let expectedDateOfBirth: CivilDate?
    let teamID: UUID?
    let teamName: String?
    let workerID: UUID?
    let workerFirstName: String?
    let workerLastName: String?

    var fullName: String { firstName + " " + lastName }
    var workerName: String? { workerFirstName.map { $0 + " " + (workerLastName ?? "") } }

    enum CodingKeys: String, CodingKey {
        case id, laChildID = "la_child_id", firstName = "first_name", lastName = "last_name",
             dateOfBirth = "date_of_birth", expectedDateOfBirth = "expected_date_of_birth",
             teamID = "team_id", teamName = "team_name", workerID = "worker_id",
             workerFirstName = "worker_first_name", workerLastName = "worker_last_name"
    }
}

extension ChildListRow {
    /// Read column by column (`Columns`): every list of children reads fifty of these a page, and
    /// `SQLRowDecoder` cost a tenth of the list's time. The child's id is in `id`, unless a
    /// statement that reads other rows too names it otherwise; the team and worker are read if
    /// selected.
    init(_ columns: Columns, id idColumn: String = "id") throws {
        id = try columns.uuid(idColumn)
        laChildID = try columns.text("la_child_id")
        firstName = try columns.text("first_name")
        lastName = try columns.text("last_name")
        dateOfBirth = try columns.date(ifAny: "date_of_birth")
        expectedDateOfBirth = try columns.date(ifAny: "expected_date_of_birth")
        teamID = try columns.uuid(ifAny: "team_id")
        teamName = try columns.text(ifAny: "team_name")
        workerID = try columns.uuid(ifAny: "worker_id")
        workerFirstName = try columns.text(ifAny: "worker_first_name")
        workerLastName = try columns.text(ifAny: "worker_last_name")
    }

    /// A listed child and more columns of the same row (an event, a date …), decoded as `Extra`.
    struct With<Extra: Decodable>: Decodable {
        let child: ChildListRow
        let extra: Extra

        init(from decoder: any Decoder) throws {
            child = try ChildListRow(from: decoder)
            extra = try Extra(from: decoder)
        }
    }
}

struct ChildFilter: Sendable, Equatable {
    var text = ""
    var teamID: UUID?
    var workerID: UUID?
    var service: Service?
    var unallocatedOnly = false

    /// The way in the filter keeps its children to, if any: a worker's caseload, or a team's.
    var wayIn: ChildScope.WayIn? {
        workerID.map { .worker($0) } ?? teamID.map { .teams([$0]) }
    }
}

/// Children queries over `children c` with its open allocation `a`, team `t` and worker `s`, always
/// inside a `ChildScope`.
enum ChildDirectory {
    static let pageSize = 50

    typealias Page = Paged<ChildListRow>

    /// One page of the children in scope matching the filter (see `Paged` for the page number).
    static func page(_ filter: ChildFilter, scope: ChildScope, page requested: Int, on db: any SQLDatabase) async throws -> Page {
        try await Paged.read(page: requested, size: pageSize, on: db, rows: { page, total in
            let pageOfChildren = pageOfChildren(filter, scope: scope, page: page, total: total, on: db)
            return try await sorted(named(pageOfChildren, on: db)).all { columns in (try ChildListRow(columns), try columns.int("total")) }
        }, count: {
            scoped(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), filter, scope, names: false)
        })
    }

    /// One page of the children in scope matching the filter, each with their own columns and the
    /// number of matching children (`pageColumns`), sorted; without their team and worker (`named`).
    static func pageOfChildren(_ filter: ChildFilter, scope: ChildScope, page: Int, total: PageTotal, on db: any SQLDatabase) -> SQLSelectBuilder {
        sorted(scoped(pageColumns(db.select(), total: total), filter, scope, names: false)).limit(pageSize).offset((page - 1) * pageSize)
    }

    /// The columns a page of children is chosen with (`named`): the child's own, and the number of
    /// matching children, as `total` (`PageTotal`).
    static func pageColumns(_ builder: SQLSelectBuilder, total: PageTotal) -> SQLSelectBuilder {
        let builder = childColumns(builder)
        return switch total {
        case .window: builder.column(SQLRaw("COUNT(*) OVER ()"), as: "total")
        case let .counted(count): builder.column(SQLGroupExpression(count), as: "total")
        }
    }

    /// The page's children (`pageOfChildren`, chosen, counted and sorted with `pageColumns`) as `c`,
    /// and only those fifty joined to their team and worker: joining the names of every child in
    /// scope before sorting them cost a list twice as much in the database. Sort it again: the
    /// order of the page inside is not kept.
    static func named(_ pageOfChildren: SQLSelectBuilder, on db: any SQLDatabase) -> SQLSelectBuilder {
        let named = db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("c")))
            .from(SQLAlias(SQLGroupExpression(pageOfChildren.select), as: SQLIdentifier("c")))
        return nameColumns(joinNames(named))
    }

    private static func sorted(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder.orderBy(SQLColumn("last_name", table: "c")).orderBy(SQLColumn("first_name", table: "c")).orderBy(SQLColumn("la_child_id", table: "c"))
    }

    /// The child, if this scope may open it (the same predicate as the lists), and what `alongside`
    /// reads beside the record in the same statement.
    static func visibleChild<Value>(_ childID: UUID, scope: ChildScope, alongside: ChildAlongside<Value>,
                                    on db: any SQLDatabase) async throws -> (child: Child, alongside: Value)? {
        let builder = visible(scope, on: db).where(SQLColumn("id", table: "c"), .equal, SQLBind(childID))
        guard let row = try await alongside.add(builder).first() else { return nil }
        return (try row.decode(fluentModel: Child.self), try alongside.read(Columns(row, of: db)))
    }

    /// Those of these children this scope may open, in the order given; the others are left out,
    /// as if they did not exist.
    static func visibleChildren(_ childIDs: [UUID], scope: ChildScope, on db: any SQLDatabase) async throws -> [Child] {
        // PostgreSQL refuses an empty IN list.
        guard !childIDs.isEmpty else { return [] }
        let children = try await visible(scope, on: db).where(SQLColumn("id", table: "c"), .in, SQLBind.group(childIDs))
            .all()
            .map { try $0.decode(fluentModel: Child.self) }
        let byID = Dictionary(children.compactMap { child in child.id.map { ($0, child) } }) { first, _ in first }
        return childIDs.compactMap { byID[$0] }
    }

    /// Every child's record (`c.*`) this scope may open: the statement the two above narrow by id.
    private static func visible(_ scope: ChildScope, on db: any SQLDatabase) -> SQLSelectBuilder {
        scoped(db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("c"))), ChildFilter(), scope, names: false)
    }

    static func selectColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        nameColumns(childColumns(builder))
    }

    private static func childColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder
            .column(SQLColumn("id", table: "c")).column(SQLColumn("la_child_id", table: "c"))
            .column(SQLColumn("first_name", table: "c")).column(SQLColumn("last_name", table: "c"))
            .column(SQLColumn("date_of_birth", table: "c")).column(SQLColumn("expected_date_of_birth", table: "c"))
    }

    private static func nameColumns(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder
            .column(SQLColumn("team_id", table: "a")).column(SQLColumn("name", table: "t"), as: "team_name")
            .column(SQLColumn("worker_id", table: "a"))
            .column(SQLColumn("first_name", table: "s"), as: "worker_first_name")
            .column(SQLColumn("last_name", table: "s"), as: "worker_last_name")
    }

    /// `children c` with its open allocation, team and worker, in `scope`, matching `filter`: every list of children starts here.
    /// Without `names`, the allocation, team and worker are joined only where the filter needs them:
    /// a count, or a list's keys, then reads up to three rows fewer for every child.
    static func scoped(_ builder: SQLSelectBuilder, _ filter: ChildFilter, _ scope: ChildScope, names: Bool = true) -> SQLSelectBuilder {
        builder.from(SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")))
        if names {
            joinNames(builder)
        } else {
            if filter.teamID != nil || filter.workerID != nil || filter.service != nil || filter.unallocatedOnly { joinAllocation(builder) }
            if filter.service != nil { joinTeam(builder) }
        }
        // A list kept to a worker's or a team's children tests only restricted records when that is
        // the reader's own way in (`ChildScope.apply(to:keptTo:)`).
        if let wayIn = filter.wayIn { _ = scope.apply(to: builder, keptTo: wayIn) } else { _ = scope.apply(to: builder) }
        for token in searchTokens(filter.text) {
            builder.where { group in
                group.orWhere(SQLFunction("LOWER", args: SQLColumn("first_name", table: "c")), .like, SQLBind(token + "%"))
                    .orWhere(SQLFunction("LOWER", args: SQLColumn("last_name", table: "c")), .like, SQLBind(token + "%"))
                    .orWhere(SQLFunction("LOWER", args: SQLColumn("la_child_id", table: "c")), .equal, SQLBind(token))
                    .orWhere(SQLFunction("LOWER", args: SQLColumn("upn", table: "c")), .equal, SQLBind(token))
            }
        }
        if let teamID = filter.teamID { builder.where(ChildScope.WayIn.teams([teamID]).keeps(openAllocation: "a")) }
        if let workerID = filter.workerID { builder.where(ChildScope.WayIn.worker(workerID).keeps(openAllocation: "a")) }
        if let service = filter.service { builder.where(SQLColumn("service", table: "t"), .equal, SQLBind(service.rawValue)) }
        if filter.unallocatedOnly { builder.where(SQLColumn("worker_id", table: "a"), .is, SQLLiteral.null) }
        return builder
    }

    /// The open allocation `a`, its team `t` and its worker `s` of each child `c`.
    @discardableResult
    private static func joinNames(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        joinTeam(joinAllocation(builder))
            .join(SQLAlias(SQLIdentifier(StaffMember.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("worker_id", table: "a"))
    }

    @discardableResult
    private static func joinAllocation(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder.join(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")), method: SQLJoinMethod.left, on: SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("child_id", table: "a"), .equal, SQLColumn("id", table: "c")),
            .and,
            SQLBinaryExpression(SQLColumn("end_date", table: "a"), .is, SQLLiteral.null)
        ))
    }

    @discardableResult
    private static func joinTeam(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        builder.join(SQLAlias(SQLIdentifier(Team.schema), as: SQLIdentifier("t")), method: SQLJoinMethod.left,
                     on: SQLColumn("id", table: "t"), .equal, SQLColumn("team_id", table: "a"))
    }

    /// Lower-cased words of the search, without LIKE wildcards typed by the user.
    static func searchTokens(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map { word in String(word.filter { $0 != "%" && $0 != "_" && $0 != "\\" }) }
            .filter { !$0.isEmpty }
            .prefix(5)
            .map { $0 }
    }
}

/// What a statement that reads one child (`ChildDirectory.visibleChild`) reads beside the record:
/// the joins and columns it adds, and how it reads them from the row. A page that shows a child's
/// derived rows beside the record reads them this way rather than one statement each.
struct ChildAlongside<Value>: Sendable {
    let add: @Sendable (SQLSelectBuilder) -> SQLSelectBuilder
    let read: @Sendable (Columns) throws -> Value

    /// Both, in one statement.
    func and<Other>(_ other: ChildAlongside<Other>) -> ChildAlongside<(Value, Other)> {
        ChildAlongside<(Value, Other)>(add: { other.add(add($0)) }, read: { (try read($0), try other.read($0)) })
    }
}

extension ChildAlongside where Value == Void {
    static var nothing: Self { Self(add: { $0 }, read: { _ in }) }
}
