import Fluent
import Foundation
import LineOfSightCore

final class StaffMember: Model, Versioned, @unchecked Sendable {
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
    /// Started in post: supervision is due from here, and the workforce trend counts them from here.
    @OptionalField(key: "start_date") var startDate: CivilDate?
    /// Their last day, once known: a leaver from the day after.
    @OptionalField(key: "leaving_date") var leavingDate: CivilDate?
    @Field(key: "version") var version: Int

    init() {}

    init(id: UUID? = nil, firstName: String, lastName: String, jobRole: JobRole, teamID: UUID?, managerID: UUID?,
         fte: Double, agency: Bool, newlyQualified: Bool, active: Bool = true, startDate: CivilDate? = nil, leavingDate: CivilDate? = nil) {
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
        self.startDate = startDate
        self.leavingDate = leavingDate
        version = 1
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
