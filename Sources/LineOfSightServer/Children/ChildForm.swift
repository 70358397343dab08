import Foundation
import LineOfSightCore
import Vapor

/// What a person typed into the child details form, kept as text so that invalid input is shown back
/// exactly as entered, and its validation into a child's details.
struct ChildForm: Sendable, Equatable {
    var laChildID = ""
    var firstName = ""
    var lastName = ""
    var dateOfBirth = DateParts()
    var expectedDateOfBirth = DateParts()
    var sex = ""
    var ethnicity = ""
    var upn = ""
    var nhsNumber = ""
    /// The version of the record the form was opened at (see `Versioned`).
    var version = ""

    init() {}

    init(_ child: Child) {
        laChildID = child.laChildID
        firstName = child.firstName
        lastName = child.lastName
        dateOfBirth = DateParts(child.dateOfBirth)
        expectedDateOfBirth = DateParts(child.expectedDateOfBirth)
        sex = child.sex.rawValue
        ethnicity = child.ethnicity
        upn = child.upn ?? ""
        nhsNumber = child.nhsNumber ?? ""
        version = String(child.version)
    }

    init(fields: FormInput) {
        laChildID = (fields["la-child-id"] ?? "").trimmed
        firstName = (fields["first-name"] ?? "").trimmed
        lastName = (fields["last-name"] ?? "").trimmed
        dateOfBirth = DateParts(fields: fields, id: "date-of-birth")
        expectedDateOfBirth = DateParts(fields: fields, id: "expected-date-of-birth")
        sex = fields["sex"] ?? ""
        ethnicity = fields["ethnicity"] ?? ""
        upn = (fields["upn"] ?? "").trimmed.uppercased()
        nhsNumber = (fields["nhs-number"] ?? "").filter { !$0.isWhitespace }
        version = fields["version"] ?? ""
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
        var errors = FieldErrors()
        if requireChildID {
            if laChildID.isEmpty { errors.add("la-child-id", "Enter the child’s LA child ID") }
            else if laChildID.count > 20 || !laChildID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                errors.add("la-child-id", "LA child ID must be 20 characters or fewer, using only letters, numbers and hyphens")
            }
        }
        if firstName.isEmpty { errors.add("first-name", "Enter the child’s first name") }
        else if firstName.count > 100 { errors.add("first-name", "First name must be 100 characters or fewer") }
        if lastName.isEmpty { errors.add("last-name", "Enter the child’s last name") }
        else if lastName.count > 100 { errors.add("last-name", "Last name must be 100 characters or fewer") }

        let birth = dateOfBirth.validate(id: "date-of-birth", name: "Date of birth", errors: &errors)
        if let birth, birth > today { errors.add("date-of-birth", "Date of birth must be today or in the past") }
        if let birth, birth < today.adding(years: -25) { errors.add("date-of-birth", "Date of birth must be within the last 25 years") }
        let expected = expectedDateOfBirth.validate(id: "expected-date-of-birth", name: "Expected date of birth", errors: &errors)
        if birth == nil, expected == nil, dateOfBirth.isEmpty, expectedDateOfBirth.isEmpty {
            errors.add("date-of-birth", "Enter the child’s date of birth, or the expected date of birth for an unborn child")
        }
        if birth != nil, expected != nil {
            errors.add("expected-date-of-birth", "Leave the expected date of birth empty when the date of birth is known")
        }

        let sexValue = Sex(rawValue: sex)
        if sexValue == nil { errors.add("sex", "Select the child’s sex") }
        if Ethnicity.title(for: ethnicity) == nil { errors.add("ethnicity", "Select the child’s ethnicity") }

        switch upn.isEmpty ? nil : UPN.problem(with: upn) {
        case .format?: errors.add("upn", "Enter a UPN in the correct format, a letter then 12 characters, like A123456789012")
        case .checkLetter?: errors.add("upn", "Enter a valid UPN: the check letter does not match the rest of the number")
        case nil: break
        }
        if !nhsNumber.isEmpty, !NHSNumber.isValid(nhsNumber) {
            errors.add("nhs-number", "Enter a valid NHS number: 10 digits, like 943 476 5919")
        }

        guard errors.isEmpty, let sexValue else { return .failure(errors) }
        return .success(Valid(
            laChildID: laChildID, firstName: firstName, lastName: lastName, dateOfBirth: birth, expectedDateOfBirth: expected,
            sex: sexValue, ethnicity: ethnicity, upn: upn.isEmpty ? nil : upn, nhsNumber: nhsNumber.isEmpty ? nil : nhsNumber
        ))
    }
}

extension DateParts {
    init(_ date: CivilDate?) {
        guard let date else { self.init(); return }
        self.init(day: String(date.day), month: String(date.month), year: String(date.year))
    }

    init(fields: FormInput, id: String) {
        self.init(day: (fields["\(id)-day"] ?? "").trimmed, month: (fields["\(id)-month"] ?? "").trimmed, year: (fields["\(id)-year"] ?? "").trimmed)
    }

    var isEmpty: Bool { day.isEmpty && month.isEmpty && year.isEmpty }

    /// The date typed, or nil with a GOV.UK-style message when it is incomplete or not a real date.
    /// An entirely empty date is nil without a message: whether it is required is the caller's rule.
    func validate(id: String, name: String, errors: inout FieldErrors) -> CivilDate? {
        if isEmpty { return nil }
        var missing: [String] = []
        if day.isEmpty { missing.append("day") }
        if month.isEmpty { missing.append("month") }
        if year.isEmpty { missing.append("year") }
        if !missing.isEmpty {
            errors.add(id, "\(name) must include a \(missing.joined(separator: " and "))")
            return nil
        }
        guard day.count <= 2, month.count <= 2, year.count == 4, let d = Int(day), let m = Int(month), let y = Int(year),
              let date = CivilDate(year: y, month: m, day: d)
        else {
            errors.add(id, "\(name) must be a real date")
            return nil
        }
        return date
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
