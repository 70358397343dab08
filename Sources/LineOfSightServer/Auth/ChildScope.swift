import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Which children a person may open, as data that both the list queries and the
/// single-record check apply in SQL, so the two can never disagree.
struct ChildScope: Sendable, Equatable {
    /// Every child whose record is not restricted.
    var everyone = false
    /// Children currently allocated to these teams.
    var teamIDs: Set<UUID> = []
    /// Children currently allocated to this worker.
    var workerID: UUID?
    /// Children granted explicitly.
    var grantedChildIDs: Set<UUID> = []
    /// Granted children whose grant a second administrator approved: the only way into a restricted record.
    var approvedChildIDs: Set<UUID> = []

    var isEmpty: Bool { !everyone && teamIDs.isEmpty && workerID == nil && grantedChildIDs.isEmpty }

    static func of(_ principal: Principal, on db: any Database, today: CivilDate) async throws -> ChildScope {
        var scope = ChildScope()
        switch principal.role {
        case .director, .iro, .qaLead, .analyst:
            scope.everyone = true
        case .socialWorker:
            scope.workerID = principal.staffID
            scope.teamIDs = try await responsibleTeams(of: principal, on: db)
        case .teamManager, .headOfService:
            scope.teamIDs = try await responsibleTeams(of: principal, on: db)
        case .lado, .admin, .board:
            // LADO access comes from the allegations they handle (the LADO capability); admins and the
            // board see no child unless granted.
            break
        }
        if principal.role != .board {
            let grants = try await AccessGrant.query(on: db)
                .filter(\.$user.$id == principal.userID)
                .filter(\.$revokedAt == nil)
                .filter(\.$expiresOn >= today)
                .all()
            scope.grantedChildIDs.formUnion(grants.compactMap { $0.$child.id })
            scope.approvedChildIDs.formUnion(grants.filter { $0.$approvedBy.id != nil }.compactMap { $0.$child.id })
            scope.teamIDs.formUnion(grants.compactMap { $0.$team.id })
        }
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

    /// Restricts a query over `children c LEFT JOIN allocations a` (the open allocation) to this scope.
    func apply<Builder: SQLPredicateBuilder>(to builder: Builder) -> Builder {
        guard !isEmpty else { return builder.where(SQLLiteral.boolean(false)) }
        builder.where { group in
            if everyone { group.orWhere(SQLLiteral.boolean(true)) }
            if !teamIDs.isEmpty { group.orWhere(SQLColumn("team_id", table: "a"), .in, SQLBind.group(teamIDs.sorted { $0.uuidString < $1.uuidString })) }
            if let workerID { group.orWhere(SQLColumn("worker_id", table: "a"), .equal, SQLBind(workerID)) }
            if !grantedChildIDs.isEmpty { group.orWhere(SQLColumn("id", table: "c"), .in, SQLBind.group(Array(grantedChildIDs))) }
            return group
        }
        builder.where { group in
            group.where(SQLColumn("restricted", table: "c"), .equal, SQLLiteral.boolean(false))
            if !approvedChildIDs.isEmpty { group.orWhere(SQLColumn("id", table: "c"), .in, SQLBind.group(Array(approvedChildIDs))) }
            return group
        }
        return builder
    }
}
