import Foundation
import LineOfSightCore
import Vapor

/// An allocation as the API returns it and as the audit trail records it.
struct AllocationDetails: Content, Equatable {
    let id: UUID
    let teamId: UUID
    let workerId: UUID?
    let startDate: CivilDate
    let endDate: CivilDate?

    init(_ allocation: StoredAllocation) throws {
        id = try allocation.requireID()
        teamId = allocation.$team.id
        workerId = allocation.$worker.id
        startDate = allocation.startDate
        endDate = allocation.endDate
    }
}
