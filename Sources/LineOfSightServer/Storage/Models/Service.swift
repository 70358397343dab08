/// The services a team belongs to, as councils organise children's social care; reports group teams by them.
enum Service: String, CaseIterable, Codable, Sendable {
    case frontDoor = "front_door"
    case dutyAndAssessment = "duty_assessment"
    case cinCP = "cin_cp"
    case childrenInCare = "children_in_care"
    case permanence
    case careLeavers = "care_leavers"
    case earlyHelp = "early_help"
    case disabilities = "disabilities"

    /// Services that take children in and hand them on: a child whose record says their case
    /// belongs with a long-term team, still allocated to one of these, waits for a transfer.
    static let handingOn: Set<Service> = [.frontDoor, .dutyAndAssessment]

    var title: String {
        switch self {
        case .frontDoor: "Front door / MASH"
        case .dutyAndAssessment: "Duty and assessment"
        case .cinCP: "Children in need and child protection"
        case .childrenInCare: "Children in care"
        case .permanence: "Permanence"
        case .careLeavers: "Care leavers"
        case .earlyHelp: "Early help"
        case .disabilities: "Children with disabilities"
        }
    }
}

/// What a member of staff does; case-holding roles count towards caseloads.
enum JobRole: String, CaseIterable, Codable, Sendable {
    case socialWorker = "social_worker"
    case seniorPractitioner = "senior_practitioner"
    case personalAdviser = "personal_adviser"
    case familySupportWorker = "family_support_worker"
    case teamManager = "team_manager"
    case headOfService = "head_of_service"
    case reviewingOfficer = "reviewing_officer"
    case businessSupport = "business_support"

    var title: String {
        switch self {
        case .socialWorker: "Social worker"
        case .seniorPractitioner: "Senior practitioner"
        case .personalAdviser: "Personal adviser"
        case .familySupportWorker: "Family support worker"
        case .teamManager: "Team manager"
        case .headOfService: "Head of service"
        case .reviewingOfficer: "Independent reviewing officer"
        case .businessSupport: "Business support"
        }
    }

    /// Roles that supervise others: a staff member's manager is one of these.
    var supervises: Bool {
        switch self {
        case .seniorPractitioner, .teamManager, .headOfService: true
        default: false
        }
    }

    var holdsCases: Bool {
        switch self {
        case .socialWorker, .seniorPractitioner, .personalAdviser, .familySupportWorker: true
        default: false
        }
    }
}
