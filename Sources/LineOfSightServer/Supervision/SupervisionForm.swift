import Foundation
import LineOfSightCore

/// A supervision session: who was supervised, when, and what kind of session it was. The manager
/// recording it is the supervisor.
struct SupervisionForm: EntryForm {
    enum Field: String, FieldID {
        case supervisee, date, kind
    }

    var values: FormValues<Field>

    init(values: FormValues<Field> = FormValues()) {
        self.values = values
    }

    struct Valid: Sendable {
        let superviseeID: UUID
        let date: CivilDate
        let kind: SupervisionKind
    }

    /// `supervisees` are the people the form offered: those the manager supervises.
    func validate(supervisees: [StaffMember], today: CivilDate) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let supervisee = check.record(.supervisee, from: supervisees, id: \.id, required: "Select who was supervised",
                                      message: "Select someone you supervise from the list")
        let date = check.date(.date, name: "Date of the session", required: "Enter the date of the session")
        if let date, date > today { check.fail(.date, "Date of the session must be today or in the past: record a session once it has taken place") }
        if let date, date < today.adding(years: -2) { check.fail(.date, "Date of the session must be within the last 2 years") }
        let kind = check.choice(.kind, as: SupervisionKind.self, message: "Select the kind of session")
        return check.result {
            guard let id = supervisee?.id, let date, let kind else { return nil }
            return Valid(superviseeID: id, date: date, kind: kind)
        }
    }
}
