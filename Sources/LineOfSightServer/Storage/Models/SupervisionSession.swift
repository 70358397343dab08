import Fluent
import Foundation
import LineOfSightCore

/// A supervision session: a manager (the supervisor) and the worker they supervise, on a day, of
/// a kind. Its case discussions are events of each child's journey, linked by `SupervisionDiscussion`.
final class SupervisionSession: Model, @unchecked Sendable {
    static let schema = "supervision_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "supervisor_id") var supervisor: StaffMember
    @Parent(key: "supervisee_id") var supervisee: StaffMember
    @Field(key: "date") var date: CivilDate
    @Enum(key: "kind") var kind: SupervisionKind
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(id: UUID? = nil, supervisorID: UUID, superviseeID: UUID, date: CivilDate, kind: SupervisionKind, recordedBy: UUID, at: Date) {
        self.id = id
        $supervisor.id = supervisorID
        $supervisee.id = superviseeID
        self.date = date
        self.kind = kind
        self.recordedBy = recordedBy
        recordedAt = at
    }
}

/// The kinds of supervision session. Individual sessions meet the supervision standard; group and
/// ad hoc sessions are recorded (and their case discussions count) but do not reset its clock.
enum SupervisionKind: String, CaseIterable, Codable, Sendable {
    case individual
    case group
    case adHoc = "ad_hoc"

    var title: String {
        switch self {
        case .individual: "Individual supervision"
        case .group: "Group supervision"
        case .adHoc: "Ad hoc discussion"
        }
    }

    var meetsStandard: Bool { self == .individual }
}

/// A case discussion (a journey event) recorded in a session. One link an event: an event belongs
/// to one session at most.
final class SupervisionDiscussion: Model, @unchecked Sendable {
    static let schema = "supervision_discussions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: SupervisionSession
    @Field(key: "event_id") var eventID: UUID

    init() {}

    init(id: UUID? = nil, sessionID: UUID, eventID: UUID) {
        self.id = id
        $session.id = sessionID
        self.eventID = eventID
    }
}
