import Fluent
import Foundation

final class StaffMember: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Enum(key: "job_role") var jobRole: JobRole
    @OptionalParent(key: "team_id") var team: Team?
    @OptionalParent(key: "manager_id") var manager: StaffMember?
    @Field(key: "fte") var fte: Double
    @Field(key: "agency") var agency: Bool
    @Field(key: "newly_qualified") var newlyQualified: Bool
    @Field(key: "active") var active: Bool
    /// The SSDA903 social worker ID (SW_ID) the council's returns name them by.
    @OptionalField(key: "sw_id") var socialWorkerID: String?

    init() {}

    init(id: UUID? = nil, firstName: String, lastName: String, jobRole: JobRole, teamID: UUID?, managerID: UUID?,
         fte: Double, agency: Bool, newlyQualified: Bool, active: Bool = true) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.jobRole = jobRole
        $team.id = teamID
        $manager.id = managerID
        self.fte = fte
        self.agency = agency
        self.newlyQualified = newlyQualified
        self.active = active
    }

    var fullName: String { firstName + " " + lastName }
}

extension QueryBuilder where Model == StaffMember {
    /// Staff in the one order every list uses: by surname, then first name, then a tiebreaker, so
    /// two people with the same name appear in the same order on SQLite and PostgreSQL.
    func sortedByName() -> Self {
        sort(\.$lastName).sort(\.$firstName).sort(\.$id)
    }
}
