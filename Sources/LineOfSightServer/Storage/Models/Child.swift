import Fluent
import Foundation
import LineOfSightCore

final class Child: Model, Versioned, @unchecked Sendable {
    static let schema = "children"

    @ID(key: .id) var id: UUID?
    /// The council's own child identifier (SSDA903 CHILD / CIN LAchildID).
    @Field(key: "la_child_id") var laChildID: String
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: CivilDate?
    /// For an unborn child: the expected date of birth.
    @OptionalField(key: "expected_date_of_birth") var expectedDateOfBirth: CivilDate?
    @Enum(key: "sex") var sex: Sex
    @Field(key: "ethnicity") var ethnicity: String
    @OptionalField(key: "upn") var upn: String?
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    /// Hidden from everyone without an explicit grant for this child, whatever their role.
    @Field(key: "restricted") var restricted: Bool
    /// Raised by every change, so a form saved from a stale copy of the record is refused (see `Versioned`).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, laChildID: String, firstName: String, lastName: String, dateOfBirth: CivilDate?, expectedDateOfBirth: CivilDate?,
         sex: Sex, ethnicity: String, upn: String?, nhsNumber: String?, restricted: Bool = false) {
        self.id = id
        self.laChildID = laChildID
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfBirth = expectedDateOfBirth
        self.sex = sex
        self.ethnicity = ethnicity
        self.upn = upn
        self.nhsNumber = nhsNumber
        self.restricted = restricted
        version = 1
    }

    var fullName: String { firstName + " " + lastName }
}

/// Sex as recorded in the CIN census and SSDA903 (1 male, 2 female; 0 not known for the census).
enum Sex: String, CaseIterable, Codable, Sendable {
    case male = "M"
    case female = "F"
    case unknown = "U"

    var title: String {
        switch self {
        case .male: "Male"
        case .female: "Female"
        case .unknown: "Not known"
        }
    }
}

extension Child {
    /// Inserts many new children at once, with plain SQL rather than models: the demo authority
    /// and a council's return add thousands (Fluent reads each model's fields by reflection).
    static func insert(_ children: [Child], at now: Date, on db: any Database) async throws {
        let rows = try children.map { child -> [any Encodable & Sendable] in
            [try child.requireID(), child.laChildID, child.firstName, child.lastName, child.dateOfBirth, child.expectedDateOfBirth,
             child.sex.rawValue, child.ethnicity, child.upn, child.nhsNumber, child.restricted, child.version, now, now]
        }
        try await db.sql.insert(rows, into: schema, columns: ["id", "la_child_id", "first_name", "last_name", "date_of_birth",
                                                            "expected_date_of_birth", "sex", "ethnicity", "upn", "nhs_number",
                                                            "restricted", "version", "created_at", "updated_at"])
    }
}
