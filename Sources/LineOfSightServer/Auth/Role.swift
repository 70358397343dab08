/// What a person does in children's services decides what LineOfSight shows them. What each role may open is decided by `ChildScope`; which routes each
/// may use is declared on the route itself (`RouteAccess`).
enum Role: String, CaseIterable, Codable, Sendable {
    case socialWorker = "social_worker"
    case teamManager = "team_manager"
    case headOfService = "head_of_service"
    case director
    case iro
    case qaLead = "qa_lead"
    case analyst
    case lado
    case admin
    case board

    var title: String {
        switch self {
        case .socialWorker: "Social worker"
        case .teamManager: "Team manager"
        case .headOfService: "Head of service"
        case .director: "Director"
        case .iro: "Independent reviewing officer"
        case .qaLead: "Quality assurance lead"
        case .analyst: "Performance analyst"
        case .lado: "LADO"
        case .admin: "Administrator"
        case .board: "Improvement board member"
        }
    }

    /// Roles that may open children's records at all (each limited further by `ChildScope`).
    static let childReaders: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director, .iro, .qaLead, .analyst, .lado]
    /// Roles that may change a child's details and allocations.
    static let childEditors: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director]
    /// Roles responsible for children's work: a worker's own children, a manager's team, a head of service's teams.
    static let caseResponsible: Set<Role> = [.socialWorker, .teamManager, .headOfService]
    /// Roles that may allocate children to teams and workers.
    static let allocators: Set<Role> = [.teamManager, .headOfService, .director]
    /// Roles that see the organisation (teams, staff, caseloads) but not necessarily children.
    static let workforceReaders: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director, .iro, .qaLead, .analyst, .admin]
    /// Roles that keep staff records: administrators, and heads of service for their workforce.
    static let workforceEditors: Set<Role> = [.admin, .headOfService]
    /// Roles that read the caseload and workforce page: those who answer for staffing and caseloads.
    static let workforceLeaders: Set<Role> = [.headOfService, .director]
    /// Roles that take part in supervision: workers see their own sessions, managers theirs and
    /// the sessions they lead; heads of service and directors see every session.
    static let supervisionUsers: Set<Role> = [.socialWorker, .teamManager, .headOfService, .director]
    /// Roles that lead supervision and record its sessions.
    static let supervisors: Set<Role> = [.teamManager, .headOfService]
    /// Roles that may use the API (and so issue themselves tokens): everyone who reads children or the organisation.
    /// Roles that check the authority's statutory returns and import them: performance analysts,
    /// who prepare them, and administrators, who load a council's history on day one.
    static let returnAnalysts: Set<Role> = [.analyst, .admin]
    static let apiUsers = childReaders.union(workforceReaders)
    static let all = Set(Role.allCases)
}
