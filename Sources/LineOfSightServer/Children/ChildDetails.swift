import Foundation
import LineOfSightCore
import Vapor

/// A child's record as the API returns it and as the audit trail records it before and after a
/// change: one shape, so what an auditor reads is what an API client sees. Audit rows leave
/// `allocations` out; the API fills it in.
struct ChildDetails: Content, Equatable {
    let id: UUID
    let laChildID: String
    let firstName: String
    let lastName: String
    let dateOfBirth: CivilDate?
    let expectedDateOfBirth: CivilDate?
    let sex: String
    let ethnicity: String
    let upn: String?
    let nhsNumber: String?
    let restricted: Bool
    var allocations: [AllocationDetails]?

    /// JSON spells acronyms as words (`laChildId`); Swift as acronyms (`laChildID`).
    enum CodingKeys: String, CodingKey {
        case id, laChildID = "laChildId", firstName, lastName, dateOfBirth, expectedDateOfBirth, sex, ethnicity, upn, nhsNumber, restricted, allocations
    }

    init(_ child: Child, allocations: [StoredAllocation]? = nil) throws {
        id = try child.requireID()
        laChildID = child.laChildID
        firstName = child.firstName
        lastName = child.lastName
        dateOfBirth = child.dateOfBirth
        expectedDateOfBirth = child.expectedDateOfBirth
        sex = child.sex.rawValue
        ethnicity = child.ethnicity
        upn = child.upn
        nhsNumber = child.nhsNumber
        restricted = child.restricted
        self.allocations = try allocations?.map(AllocationDetails.init)
    }
}
