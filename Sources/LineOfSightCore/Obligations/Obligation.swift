/// What an obligation is about: a child, or — where the law is about something else — an
/// allegation or a staff member.
public struct Subject: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case child, allegation, staffMember
    }

    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind; self.id = id
    }

    public static func child(_ id: String) -> Subject { Subject(.child, id) }

    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (lhs: Subject, rhs: Subject) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }
}

/// A recorded event an obligation points at: what started its clock, or what met it.
public struct EventRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: EventKind
    public var id: String
    public var date: CivilDate

    public init(_ kind: EventKind, _ id: String, _ date: CivilDate) {
        self.kind = kind; self.id = id; self.date = date
    }

    public var description: String { "\(kind.rawValue) \(id) (\(date))" }
}

/// The kinds of event in a journey (the JSON list each comes from, in the singular).
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case contact, referral, assessment, strategyDiscussion, s47Enquiry, conference, cpPlan, coreGroup, cinPlan, visit
    case periodOfCare, placement, lacReview, carePlan, placementPlan, healthAssessment, pep, missingEpisode, returnInterview
    /// A change of legal status within a period of care (id: the period and the new code).
    case legalStatus
    case permanencePlan, permanenceOption, permanenceDecision, temporaryApproval, preProceedings, ploReview, careProceedings
    case adoptionRecommendation, agencyDecision, familyFinding, adoptionMatch, authorityToPlace, adoptionPlacement, adoptionReview
    /// A birthday or the day a young person became an eligible care leaver (id says which).
    case eligibility
    case needsAssessment, pathwayPlan, allegation, transfer, action, supervision
}

/// The team and worker responsible for an obligation.
public struct Responsibility: Sendable, Hashable, Codable {
    public var teamID: String?
    public var workerID: String?

    public init(teamID: String?, workerID: String?) {
        self.teamID = teamID; self.workerID = workerID
    }
}

/// Why an obligation no longer applies, and from when (e.g. the plan ended before it fell due).
public struct NotApplicable: Sendable, Hashable, Codable {
    public var reason: String
    public var since: CivilDate

    public init(reason: String, since: CivilDate) {
        self.reason = reason; self.since = since
    }
}

/// One thing that is due: derived, never typed in.
public struct Obligation: Sendable, Hashable, Codable, Identifiable {
    /// Stable within its subject across re-derivations: rule, anchor record and position in a chain.
    public var id: String
    public var ruleID: RuleID
    public var subject: Subject
    /// 1 for a one-off obligation; the position in a recurring chain otherwise.
    public var sequence: Int
    public var startedBy: EventRef
    public var due: CivilDate
    /// The due date depends on bank holidays in a year the calendar does not cover yet.
    public var provisional: Bool
    public var metBy: EventRef?
    public var responsible: Responsibility?
    public var notApplicable: NotApplicable?

    public init(id: String, ruleID: RuleID, subject: Subject, sequence: Int = 1, startedBy: EventRef, due: CivilDate,
                provisional: Bool = false, metBy: EventRef? = nil, responsible: Responsibility? = nil,
                notApplicable: NotApplicable? = nil) {
        self.id = id; self.ruleID = ruleID; self.subject = subject; self.sequence = sequence
        self.startedBy = startedBy; self.due = due; self.provisional = provisional; self.metBy = metBy
        self.responsible = responsible; self.notApplicable = notApplicable
    }

    /// The status on `asOf`, with open obligations due within `dueSoonDays` days counted as due soon.
    public func status(asOf: CivilDate, dueSoonDays: Int) -> ObligationStatus {
        StatusBounds(asOf: asOf, dueSoonDays: dueSoonDays).status(due: due, met: metBy?.date, notApplicableSince: notApplicable?.since)
    }
}

public enum ObligationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case upcoming, dueSoon = "due_soon", overdue, metOnTime = "met_on_time", metLate = "met_late"
    case notApplicable = "not_applicable"

    public var isOpen: Bool { self == .upcoming || self == .dueSoon || self == .overdue }
}

/// A contradiction or gap in the record that affects a rule: reported, never fatal.
public struct DataQualityFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var childID: String
    /// JSON path of the offending value in the journey document, e.g. `$.periodsOfCare[0].end`.
    public var field: String
    public var ruleID: RuleID?
    public var message: String

    public init(childID: String, field: String, ruleID: RuleID?, message: String) {
        self.childID = childID; self.field = field; self.ruleID = ruleID; self.message = message
    }

    public var description: String {
        "\(childID) \(field)" + (ruleID.map { " [\($0)]" } ?? "") + ": \(message)"
    }
}

/// Everything derived from one journey.
public struct Derivation: Sendable, Hashable, Codable {
    public var obligations: [Obligation]
    public var findings: [DataQualityFinding]

    public init(obligations: [Obligation], findings: [DataQualityFinding]) {
        self.obligations = obligations; self.findings = findings
    }
}
