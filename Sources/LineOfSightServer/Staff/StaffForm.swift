import Fluent
import Foundation
import LineOfSightCore

/// A member of staff's record: who they are, their role, team and manager, their hours as a
/// full-time equivalent, whether they are agency or newly qualified, and when they started and left.
struct StaffForm: EntryForm {
    enum Field: String, FieldID {
        case firstName = "first-name", lastName = "last-name", jobRole = "job-role", team, manager, fte
        case agency, newlyQualified = "newly-qualified", startDate = "start-date", leavingDate = "leaving-date"
        /// The version of the record the form was opened at (see `Versioned`).
        case version
    }

    var values: FormValues<Field>

    init(values: FormValues<Field> = FormValues()) {
        self.values = values
    }

    init(_ member: StaffMember) {
        values = FormValues()
        values[.firstName] = member.firstName
        values[.lastName] = member.lastName
        values[.jobRole] = member.jobRole.rawValue
        values[.team] = member.$team.id?.text ?? ""
        values[.manager] = member.$manager.id?.text ?? ""
        values[.fte] = Self.fteText(member.fte)
        values[.agency] = member.agency ? "yes" : ""
        values[.newlyQualified] = member.newlyQualified ? "yes" : ""
        values[date: .startDate] = DateParts(member.startDate)
        values[date: .leavingDate] = DateParts(member.leavingDate)
        values[.version] = String(member.version)
    }

    /// An FTE as a person writes it: "1", "0.6", "0.25".
    static func fteText(_ fte: Double) -> String {
        var text = String(format: "%.2f", fte)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    struct Valid: Sendable {
        var firstName: String
        var lastName: String
        var jobRole: JobRole
        var teamID: UUID?
        var managerID: UUID?
        var fte: Double
        var agency: Bool
        var newlyQualified: Bool
        var startDate: CivilDate
        var leavingDate: CivilDate?
    }

    /// `teams` and `managers` are the choices the form offered; `memberID` is the person being
    /// changed (nobody manages themselves). Without `anyTeam` (a head of service) the team must be
    /// one of `teams`, their own.
    func validate(teams: [Team], managers: [StaffMember], memberID: UUID?, anyTeam: Bool = true, today: CivilDate) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let firstName = check.text(.firstName, name: "First name", required: "Enter their first name")
        let lastName = check.text(.lastName, name: "Last name", required: "Enter their last name")
        let jobRole = check.choice(.jobRole, as: JobRole.self, message: "Select their role")
        let team = anyTeam ? check.record(.team, from: teams, id: \.id, required: nil, message: "Select a team from the list")
            : check.record(.team, from: teams, id: \.id, required: "Select one of your service’s teams", message: "Select one of your service’s teams")
        let manager = check.record(.manager, from: managers, id: \.id, required: nil, message: "Select a manager from the list")
        if let manager, manager.id == memberID { check.fail(.manager, "Select someone else as their manager") }
        let fte = check.decimal(.fte, required: "Enter their full-time equivalent, like 1 or 0.6",
                                notANumber: "Full-time equivalent must be a number, like 1 or 0.6",
                                outside: "Full-time equivalent must be more than 0 and no more than 1") { $0 > 0 && $0 <= 1 }
        let start = check.date(.startDate, name: "Start date", required: "Enter the date they started in post")
        if let start, start > today.adding(years: 1) { check.fail(.startDate, "Start date must be within the next year") }
        let leaving = check.date(.leavingDate, name: "Leaving date")
        if let start, let leaving, leaving < start { check.fail(.leavingDate, "Leaving date must be on or after the start date") }
        return check.result {
            guard let firstName, let lastName, let jobRole, let fte, let start else { return nil }
            return Valid(firstName: firstName, lastName: lastName, jobRole: jobRole, teamID: team?.id, managerID: manager?.id, fte: fte,
                         agency: values[.agency] == "yes", newlyQualified: values[.newlyQualified] == "yes",
                         startDate: start, leavingDate: leaving)
        }
    }
}

/// What the audit trail keeps of a staff record before and after a change.
struct StaffSnapshot: Codable, Sendable, Equatable {
    let firstName: String
    let lastName: String
    let jobRole: String
    let teamID: UUID?
    let managerID: UUID?
    let fte: Double
    let agency: Bool
    let newlyQualified: Bool
    let startDate: CivilDate?
    let leavingDate: CivilDate?

    init(_ member: StaffMember) {
        firstName = member.firstName
        lastName = member.lastName
        jobRole = member.jobRole.rawValue
        teamID = member.$team.id
        managerID = member.$manager.id
        fte = member.fte
        agency = member.agency
        newlyQualified = member.newlyQualified
        startDate = member.startDate
        leavingDate = member.leavingDate
    }
}
