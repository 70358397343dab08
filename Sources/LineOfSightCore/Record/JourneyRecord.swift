/// One event of a child's journey as a person records it: the facts the core needs to derive
/// obligations, and the practice content a worker writes (what happened, the child's views,
/// decisions). Stored once, as its own JSON (`Codable`), under a server id; `project(id:into:)`
/// turns it into the journey's facts.
///
/// The JSON keys of the facts are the journey format's (docs/journey-format.md), so an element of
/// a journey document plus the recording fields is a valid record.
public protocol JourneyRecord: Codable, Sendable, Hashable {
    /// The journey-format list this kind of event belongs to.
    static var list: JourneyList { get }
    /// The day it happened: the chronology's order.
    var date: CivilDate { get }
    /// Every date it holds, with the rules each must keep (not before birth; not in the future).
    var dates: [RecordDate] { get }
    /// Adds this event's facts to the journey, under the stored event's id.
    func project(id: String, into journey: inout Journey)
    /// What makes this record impossible given the rest of the child's journey (the journey does
    /// not contain this record). Contradictions that the core can live with are left to the
    /// derivation, which reports them as data-quality findings.
    func problems(in context: RecordContext) -> [RecordProblem]
    /// What the child said, wished or felt, recorded on this event (M11).
    var childsViews: String? { get }
    /// What the rest of the record says about this event, under its id in the journey: a
    /// referral that is a re-referral.
    func remarks(id: String, in journey: Journey) -> [RecordRemark]
}

extension JourneyRecord {
    public func problems(in context: RecordContext) -> [RecordProblem] { [] }
    public var childsViews: String? { nil }
    public func remarks(id: String, in journey: Journey) -> [RecordRemark] { [] }

    /// Every problem: the dates' own rules, then the record's.
    public func validate(in context: RecordContext) -> [RecordProblem] {
        dates.compactMap { $0.problem(in: context) } + problems(in: context)
    }
}

/// A record that belongs to another event of the journey: a move to its period of care, a return
/// interview offer to its missing episode.
public protocol NestedRecord: JourneyRecord {
    /// The id of the event it belongs to in `journey`: the one it names, or the one it falls in.
    func parentID(in journey: Journey) -> String?
}

extension Journey {
    /// Where a nested record belongs among `items` (periods of care, missing episodes, proceedings):
    /// the one it names by `id`, or else the latest to start on or before `date`.
    static func named<Item>(_ id: String?, or date: CivilDate, in items: [Item], id itemID: KeyPath<Item, String>,
                            start: KeyPath<Item, CivilDate>) -> Int? {
        if let id { return items.firstIndex { $0[keyPath: itemID] == id } }
        return items.indices.filter { items[$0][keyPath: start] <= date }
            .max { (items[$0][keyPath: start], items[$0][keyPath: itemID]) < (items[$1][keyPath: start], items[$1][keyPath: itemID]) }
    }
}

extension RecordedEvent {
    /// The events of `events` that belong to the event `id` (in `journey`, their projection):
    /// what withdrawing it would leave without a place.
    public static func dependents(of id: String, among events: [RecordedEvent], in journey: Journey) -> [RecordedEvent] {
        events.filter { ($0.record as? any NestedRecord)?.parentID(in: journey) == id }
    }
}

/// The journey-format lists people record events into, in the order of the journey format.
public enum JourneyList: String, Sendable, Hashable, Codable, CaseIterable {
    case contacts, referrals, assessments, strategyDiscussions, s47Enquiries, conferences, cpPlans, coreGroups, cinPlans, visits
    case periodsOfCare
    /// Nested in a period of care (`parent`): in the journey format, inside `periodsOfCare[]`.
    case placements, legalStatuses
    case lacReviews, carePlans, healthAssessments, peps, iroEscalations
    case missingEpisodes
    /// Nested in a missing episode.
    case returnInterviews
    case permanencePlans, permanenceOptions, permanenceDecisions, temporaryApprovals, preProceedings, careProceedings
    /// Nested in care proceedings.
    case hearings
    /// Nested in pre-proceedings.
    case ploReviews
    case adoptions, adoptionReviews
    case needsAssessments, pathwayPlans, personalAdvisers, careLeaverContacts, stayingPut
    /// Facts of the child's own life that the return asks: becoming a parent, a conviction.
    case parenthood, convictions
    /// What the return asks of a looked-after child's status: the permanence they had before care,
    /// being an unaccompanied asylum-seeking child, an order depriving them of their liberty.
    case previousPermanence, uasc, deprivationsOfLiberty
    case transfers, actions
    /// A child's case discussed in supervision: management oversight.
    case caseDiscussions
    /// The chronology's own entries: significant events that are not part of the journey's timescales.
    case significantEvents

    /// The list whose events this list's events belong to: a placement or a change of legal
    /// status belongs to a period of care.
    public var parent: JourneyList? {
        switch self {
        case .placements, .legalStatuses: .periodsOfCare
        case .returnInterviews: .missingEpisodes
        case .hearings: .careProceedings
        case .ploReviews: .preProceedings
        default: nil
        }
    }

    /// The key of a nested record that names the event it belongs to.
    public var parentKey: String? {
        switch parent {
        case .periodsOfCare: "periodOfCareID"
        case .missingEpisodes: "missingEpisodeID"
        case .careProceedings: "careProceedingsID"
        case .preProceedings: "preProceedingsID"
        default: nil
        }
    }
}

/// What a record is checked against.
public struct RecordContext: Sendable {
    public let today: CivilDate
    public let dateOfBirth: CivilDate?
    /// The child's journey without the record being checked.
    public let journey: Journey

    public init(today: CivilDate, dateOfBirth: CivilDate?, journey: Journey) {
        self.today = today; self.dateOfBirth = dateOfBirth; self.journey = journey
    }
}

/// A reason a record cannot be saved, at the JSON key of the value at fault.
public struct RecordProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field; self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A fact about an event found from the rest of the record, e.g. "Re-referral: within 12 months
/// of the referral received on 3 March 2026".
public struct RecordRemark: Sendable, Hashable {
    /// A short name, shown as a tag: "Re-referral".
    public let label: String
    /// The sentence, read before `date`.
    public let text: String
    public let date: CivilDate
    /// The other event it refers to.
    public let eventID: String?

    public init(_ label: String, _ text: String, _ date: CivilDate, eventID: String? = nil) {
        self.label = label; self.text = text; self.date = date; self.eventID = eventID
    }
}

/// A date in a record and what it must respect.
public struct RecordDate: Sendable {
    public let field: String
    /// How a message names it, e.g. "The date of the visit".
    public let name: String
    public let value: CivilDate?
    /// A due date may be in the future; the date something happened may not.
    public let mayBeFuture: Bool

    public init(_ field: String, _ name: String, _ value: CivilDate?, mayBeFuture: Bool = false) {
        self.field = field; self.name = name; self.value = value; self.mayBeFuture = mayBeFuture
    }

    func problem(in context: RecordContext) -> RecordProblem? {
        guard let value else { return nil }
        if !mayBeFuture, value > context.today {
            return RecordProblem(field, "\(name) must be today or in the past")
        }
        if let born = context.dateOfBirth, value < born {
            return RecordProblem(field, "\(name) must be on or after the child’s date of birth")
        }
        return nil
    }
}
