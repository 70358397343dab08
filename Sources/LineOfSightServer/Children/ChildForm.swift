import Foundation
import LineOfSightCore

/// The child details form: add a child, or change their details.
struct ChildForm: EntryForm {
    enum Field: String, FieldID {
        case laChildID = "la-child-id", firstName = "first-name", lastName = "last-name"
        case dateOfBirth = "date-of-birth", expectedDateOfBirth = "expected-date-of-birth"
        case sex, ethnicity, upn, nhsNumber = "nhs-number"
        /// The version of the record the form was opened at (see `Versioned`).
        case version
    }

    var values: FormValues<Field>

    init(values: FormValues<Field> = FormValues()) {
        self.values = values
    }

    init(_ child: Child) {
        values = FormValues()
        values[.laChildID] = child.laChildID
        values[.firstName] = child.firstName
        values[.lastName] = child.lastName
        values[date: .dateOfBirth] = DateParts(child.dateOfBirth)
        values[date: .expectedDateOfBirth] = DateParts(child.expectedDateOfBirth)
        values[.sex] = child.sex.rawValue
        values[.ethnicity] = child.ethnicity
        values[.upn] = child.upn ?? ""
        values[.nhsNumber] = child.nhsNumber ?? ""
        values[.version] = String(child.version)
    }

    struct Valid: Sendable {
        var laChildID: String
        var firstName: String
        var lastName: String
        var dateOfBirth: CivilDate?
        var expectedDateOfBirth: CivilDate?
        var sex: Sex
        var ethnicity: String
        var upn: String?
        var nhsNumber: String?
    }

    func validate(today: CivilDate, requireChildID: Bool) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let laChildID = check.text(.laChildID, name: "LA child ID", required: requireChildID ? "Enter the child’s LA child ID" : nil, maxLength: 1_000)
        if requireChildID, let laChildID, laChildID.count > 20 || !laChildID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            check.fail(.laChildID, "LA child ID must be 20 characters or fewer, using only letters, numbers and hyphens")
        }
        let firstName = check.text(.firstName, name: "First name", required: "Enter the child’s first name")
        let lastName = check.text(.lastName, name: "Last name", required: "Enter the child’s last name")

        let birth = check.date(.dateOfBirth, name: "Date of birth")
        if let birth, birth > today { check.fail(.dateOfBirth, "Date of birth must be today or in the past") }
        if let birth, birth < today.adding(years: -25) { check.fail(.dateOfBirth, "Date of birth must be within the last 25 years") }
        let expected = check.date(.expectedDateOfBirth, name: "Expected date of birth")
        if values[date: .dateOfBirth].isEmpty, values[date: .expectedDateOfBirth].isEmpty {
            check.fail(.dateOfBirth, "Enter the child’s date of birth, or the expected date of birth for an unborn child")
        }
        if birth != nil, expected != nil {
            check.fail(.expectedDateOfBirth, "Leave the expected date of birth empty when the date of birth is known")
        }

        let sex = check.choice(.sex, as: Sex.self, message: "Select the child’s sex")
        let ethnicity = values[.ethnicity]
        if Ethnicity.title(for: ethnicity) == nil { check.fail(.ethnicity, "Select the child’s ethnicity") }

        let upn = values[.upn].trimmed.uppercased()
        switch upn.isEmpty ? nil : UPN.problem(with: upn) {
        case .format?: check.fail(.upn, "Enter a UPN in the correct format, a letter then 12 characters, like A123456789012")
        case .checkLetter?: check.fail(.upn, "Enter a valid UPN: the check letter does not match the rest of the number")
        case nil: break
        }
        let nhsNumber = values[.nhsNumber].filter { !$0.isWhitespace }
        if !nhsNumber.isEmpty, !NHSNumber.isValid(nhsNumber) {
            check.fail(.nhsNumber, "Enter a valid NHS number: 10 digits, like 943 476 5919")
        }

        return check.result {
            guard let firstName, let lastName, let sex else { return nil }
            return Valid(laChildID: laChildID ?? values[.laChildID], firstName: firstName, lastName: lastName, dateOfBirth: birth,
                         expectedDateOfBirth: expected, sex: sex, ethnicity: ethnicity,
                         upn: upn.isEmpty ? nil : upn, nhsNumber: nhsNumber.isEmpty ? nil : nhsNumber)
        }
    }
}
