import Foundation
import LineOfSightCore
import Vapor

/// The JSON shapes of API v1, as documented in `openapi.json`.
struct APIChildSummary: Content {
    let id: UUID
    let laChildID: String
    let firstName: String
    let lastName: String
    let dateOfBirth: CivilDate?
    let expectedDateOfBirth: CivilDate?
    let teamId: UUID?
    let teamName: String?
    let workerId: UUID?
    let workerName: String?

    /// JSON spells acronyms as words (`laChildId`); Swift as acronyms (`laChildID`).
    enum CodingKeys: String, CodingKey {
        case id, laChildID = "laChildId", firstName, lastName, dateOfBirth, expectedDateOfBirth, teamId, teamName, workerId, workerName
    }

    init(_ row: ChildListRow) {
        id = row.id
        laChildID = row.laChildID
        firstName = row.firstName
        lastName = row.lastName
        dateOfBirth = row.dateOfBirth
        expectedDateOfBirth = row.expectedDateOfBirth
        teamId = row.teamID
        teamName = row.teamName
        workerId = row.workerID
        workerName = row.workerName
    }
}

struct APITeam: Content {
    let id: UUID
    let name: String
    let service: String
    let headOfServiceId: UUID?
    let children: Int
    let unallocated: Int
    let caseHolders: Int
    let caseHoldingFte: Double

    init(_ summary: TeamSummary) throws {
        id = try summary.team.requireID()
        name = summary.team.name
        service = summary.team.service.rawValue
        headOfServiceId = summary.team.$headOfService.id
        children = summary.children
        unallocated = summary.unallocated
        caseHolders = summary.caseHolders
        caseHoldingFte = summary.caseHoldingFTE
    }
}

struct APIStaffMember: Content {
    let id: UUID
    let firstName: String
    let lastName: String
    let jobRole: String
    let teamId: UUID?
    let managerId: UUID?
    let fte: Double
    let agency: Bool
    let newlyQualified: Bool
    let caseload: Int

    init(_ member: StaffMember, caseload: Int) throws {
        id = try member.requireID()
        firstName = member.firstName
        lastName = member.lastName
        jobRole = member.jobRole.rawValue
        teamId = member.$team.id
        managerId = member.$manager.id
        fte = member.fte
        agency = member.agency
        newlyQualified = member.newlyQualified
        self.caseload = caseload
    }
}

struct APIPage<Item: Content>: Content {
    let items: [Item]
    let total: Int
    let page: Int
    let pageSize: Int
}
