import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Which children a person may open, as a predicate that both the list queries and the
/// single-record check apply in SQL, so the two can never disagree. Grants and the teams a head of
/// service heads are read by subqueries of that same statement rather than loaded beforehand: every
/// page that shows a child needs its scope, and a separate query for it would cost a round trip on
/// every one of them.
struct ChildScope: Sendable, Hashable {
    /// Every child whose record is not restricted.
    var everyone = false
    /// Children currently allocated to this team (the person's own).
    var teamID: UUID?
    /// Children currently allocated to the teams this head of service heads.
    var headOfServiceStaffID: UUID?
    /// Children currently allocated to this worker.
    var workerID: UUID?
    /// Children and teams granted to this user, with grants valid on `today`. A grant a second
    /// administrator approved is the only way into a restricted record.
    var grantsOf: UUID?
    var today: CivilDate

    static func of(_ principal: Principal, today: CivilDate) -> ChildScope {
        var scope = ChildScope(today: today)
        switch principal.role {
        case .director, .iro, .qaLead, .analyst:
            scope.everyone = true
        case .socialWorker:
            scope.workerID = principal.staffID
            scope.teamID = principal.teamID
        case .teamManager:
            scope.teamID = principal.teamID
        case .headOfService:
            scope.headOfServiceStaffID = principal.staffID
        case .lado, .admin, .board:
            // LADO access comes from the allegations they handle (the LADO capability); admins and the
            // board see no child unless granted.
            break
        }
        if principal.role != .board { scope.grantsOf = principal.userID }
        return scope
    }

    /// The teams a person works in or answers for: their own team, or for a head of service the teams
    /// they head.
    static func responsibleTeams(of principal: Principal, on db: any Database) async throws -> Set<UUID> {
        switch principal.role {
        case .headOfService:
            guard let staffID = principal.staffID else { return [] }
            return Set(try await Team.query(on: db).filter(\.$headOfService.$id == staffID).all().compactMap(\.id))
        default:
            return principal.teamID.map { [$0] } ?? []
        }
    }

    /// Restricts a query over `children c` to this scope. The ways in make one set of child ids (`c.id
    /// IN (… UNION ALL …)`), so the database starts from the few children a person may see, by
    /// index, rather than reading every child to test each: teams and workers through the open
    /// allocations, grants through `access_grants`.
    func apply<Builder: SQLPredicateBuilder>(to builder: Builder) -> Builder {
        apply(to: builder, child: SQLColumn("id", table: "c"), restricted: SQLColumn("restricted", table: "c"))
    }

    /// The same scope over rows that name a child in `child` (a derived table's `child_id`), without
    /// joining `children`: restricted records are left out by their own index (`children_restricted`).
    /// A count over thousands of such rows then reads no child's row at all.
    func apply<Builder: SQLPredicateBuilder>(to builder: Builder, childColumn child: SQLColumn) -> Builder {
        apply(to: builder, child: child, restricted: nil)
    }

    /// The same scope over `children c` for a query whose rows are already kept to some of the
    /// children of `wayIn` (by `wayIn.keeps(openAllocation:)`, or for a team a transfer to it
    /// awaiting its decision). When that is one of this reader's own ways in (their caseload, their
    /// team), every such child is in by it, and only the test of restricted records is written:
    /// the database would otherwise gather the children of every way in at each run only to find
    /// each row's child among them (My work at 15,000 children: a team's 363 obligations of 163
    /// children).
    func apply<Builder: SQLPredicateBuilder>(to builder: Builder, keptTo wayIn: WayIn) -> Builder {
        let own = switch wayIn {
        case let .worker(id): workerID == id
        case let .teams(ids): teamID.map { ids == [$0] } ?? false
        }
        return apply(to: builder, child: SQLColumn("id", table: "c"), restricted: SQLColumn("restricted", table: "c"), testWaysIn: !own)
    }

    /// The children of a way in that a query may keep its rows to.
    enum WayIn: Sendable, Hashable {
        /// Openly allocated to this worker.
        case worker(UUID)
        /// Openly allocated to any of these teams, or with a transfer to one of them awaiting its decision.
        case teams(Set<UUID>)

        /// The test that keeps rows joined to their child's open allocation `table` to this way in:
        /// the filter that `apply(to:keptTo:)` relies on, so that the two cannot drift apart.
        func keeps(openAllocation table: String) -> any SQLExpression {
            switch self {
            case let .worker(id): SQLBinaryExpression(SQLColumn("worker_id", table: table), .equal, SQLBind(id))
            case let .teams(ids): SQLBinaryExpression(SQLColumn("team_id", table: table), .in, SQLBind.group(ids.sorted()))
            }
        }
    }

    private func apply<Builder: SQLPredicateBuilder>(to builder: Builder, child: SQLColumn, restricted: SQLColumn?, testWaysIn: Bool = true) -> Builder {
        guard everyone || teamID != nil || headOfServiceStaffID != nil || workerID != nil || grantsOf != nil else {
            return builder.where(SQLLiteral.boolean(false))
        }
        // Everyone (but the restricted records below), or rows every one of which a way in admits:
        // no way in to test. Otherwise one set of the children of every way in (see `Subquery.union`).
        if !everyone && testWaysIn {
            var waysIn: [SQLSelect] = []
            if let teamID {
                waysIn.append(Self.openlyAllocated("team_id", .equal, SQLBind(teamID)))
                waysIn.append(Self.transferAwaiting(.equal, SQLBind(teamID)))
            }
            if let headOfServiceStaffID {
                let headed = Subquery.select("id", from: Team.schema, where: [
                    SQLBinaryExpression(SQLColumn("head_of_service_id", table: Team.schema), .equal, SQLBind(headOfServiceStaffID)),
                ])
                waysIn.append(Self.openlyAllocated("team_id", .in, headed))
                waysIn.append(Self.transferAwaiting(.in, headed))
            }
            if let workerID { waysIn.append(Self.openlyAllocated("worker_id", .equal, SQLBind(workerID))) }
            if let grantsOf {
                waysIn.append(grantedIDs("child_id", of: grantsOf, approvedOnly: false))
                waysIn.append(Self.openlyAllocated("team_id", .in, SQLGroupExpression(grantedIDs("team_id", of: grantsOf, approvedOnly: false))))
            }
            builder.where(child, .in, Subquery.union(waysIn))
        }
        guard let restricted else { return builder.where(child, .notIn, SQLGroupExpression(restrictedWithoutGrant)) }
        builder.where { group in
            group.where(restricted, .equal, SQLLiteral.boolean(false))
            if let grantsOf { group.orWhere(child, .in, SQLGroupExpression(grantedIDs("child_id", of: grantsOf, approvedOnly: true))) }
            return group
        }
        return builder
    }

    /// `SELECT id FROM children WHERE restricted AND id NOT IN (grants)`: the restricted records
    /// this reader has no approved grant to, which no way in opens. For a reader of everyone, the
    /// children they may not see: what a count kept over every child takes away again
    /// (`TransferStepMonths`).
    var restrictedWithoutGrant: SQLSelect {
        var conditions: [any SQLExpression] = [SQLBinaryExpression(SQLColumn("restricted", table: Child.schema), .equal, SQLLiteral.boolean(true))]
        if let grantsOf {
            conditions.append(SQLBinaryExpression(SQLColumn("id", table: Child.schema), .notIn,
                                                  SQLGroupExpression(grantedIDs("child_id", of: grantsOf, approvedOnly: true))))
        }
        return Subquery.statement("id", from: Child.schema, where: conditions)
    }

    /// `SELECT child_id FROM allocations WHERE end_date IS NULL AND column op value`: the children
    /// whose current allocation matches.
    private static func openlyAllocated(_ column: String, _ op: SQLBinaryOperator, _ value: any SQLExpression) -> SQLSelect {
        Subquery.statement("child_id", from: StoredAllocation.schema, where: [
            SQLBinaryExpression(SQLColumn("end_date", table: StoredAllocation.schema), .is, SQLLiteral.null),
            SQLBinaryExpression(SQLColumn(column, table: StoredAllocation.schema), op, value),
        ])
    }

    /// `SELECT child_id FROM transfer_summaries WHERE to_team_id op value AND stage = awaiting decision`:
    /// the children whose transfer to the team awaits its decision, which its managers must read to take.
    private static func transferAwaiting(_ op: SQLBinaryOperator, _ team: any SQLExpression) -> SQLSelect {
        Subquery.statement("child_id", from: DerivedRows.transfers, where: [
            SQLBinaryExpression(SQLColumn("to_team_id", table: DerivedRows.transfers), op, team),
            SQLBinaryExpression(SQLColumn("stage", table: DerivedRows.transfers), .equal, SQLBind(TransferProgress.Stage.awaitingDecision.rawValue)),
        ])
    }

    /// `SELECT column FROM access_grants …`: the children or teams of the user's grants in force today.
    private func grantedIDs(_ column: String, of userID: UUID, approvedOnly: Bool) -> SQLSelect {
        let grants = AccessGrant.schema
        var conditions: [any SQLExpression] = [
            SQLBinaryExpression(SQLColumn(column, table: grants), .isNot, SQLLiteral.null),
            SQLBinaryExpression(SQLColumn("user_id", table: grants), .equal, SQLBind(userID)),
            SQLBinaryExpression(SQLColumn("revoked_at", table: grants), .is, SQLLiteral.null),
            SQLBinaryExpression(SQLColumn("expires_on", table: grants), .greaterThanOrEqual, SQLBind(today.iso)),
        ]
        if approvedOnly { conditions.append(SQLBinaryExpression(SQLColumn("approved_by", table: grants), .isNot, SQLLiteral.null)) }
        return Subquery.statement(column, from: grants, where: conditions)
    }
}
