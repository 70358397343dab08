/// Where a child who is or was looked after stands now, in the facts the lists of children in
/// care, reviews due, and care leavers show and filter on. Derived with the obligations and
/// stored beside them; like `ChildState`, nothing in it changes with the passing of days (a list
/// counts the placements of the last 12 months from `placementStarts` as of its own today).
public struct CareSummary: Sendable, Hashable, Codable {
    /// Looked after now: the latest period of care has not ended.
    public var lookedAfter: Bool
    /// The latest period of care.
    public var periodStart: CivilDate
    public var periodEnd: CivilDate?
    public var endReason: String?
    /// Under the latest period's latest legal status and in its latest placement.
    public var legalStatus: String?
    public var placementType: String?
    public var placementProvider: String?
    /// The placement's postcode district, upper case.
    public var placementPostcode: String?
    public var placementStart: CivilDate?
    /// The start of every placement of the latest period, oldest first.
    public var placementStarts: [CivilDate]
    public var lastReview: CivilDate?
    /// The reviewing officer who chaired the latest review.
    public var reviewChairID: String?
    /// The next review's due date while one is open.
    public var nextReviewDue: CivilDate?
    public var openEscalations: Int
    /// An eligible child (looked after at 16 or 17 long enough since 14): a care leaver once out of care.
    public var careLeaver: Bool
    public var lastPathwayPlan: CivilDate?
    public var nextPathwayPlanDue: CivilDate?
    public var personalAdviserID: String?
    /// The latest keeping-in-touch contact and what it found (SSDA903 OC3 codes).
    public var lastContact: CivilDate?
    public var inTouch: String?
    public var accommodation: String?
    public var accommodationSuitable: Bool?
    public var activity: String?
    public var stayingPut: Bool

    /// Nil for a child never looked after.
    public init?(journey: Journey, derivation: Derivation, events: [RecordedEvent]) {
        guard let period = journey.latestPeriodOfCare else { return nil }
        lookedAfter = period.end == nil
        periodStart = period.start
        periodEnd = period.end
        endReason = period.endReason
        legalStatus = period.legalStatuses.max { $0.date < $1.date }?.code
        let placements = period.placements.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        placementStarts = placements.map(\.start)
        placementStart = placements.last?.start
        placementType = placements.last?.type
        placementProvider = placements.last?.provider

        let records = events.sorted { ($0.record.date, $0.id) < ($1.record.date, $1.id) }
        func latest<R: JourneyRecord>(_ type: R.Type) -> (String, R)? {
            records.last { $0.record is R }.map { ($0.id, $0.record as! R) }
        }
        // The record that placed the child where they are: a move, or the period's own first placement.
        let current = placements.last.flatMap { placement in records.first { $0.id == placement.id }?.record as? any PlacementDetails }
        placementPostcode = current?.postcode?.uppercased()

        let review = latest(LACReviewRecord.self)
        lastReview = review?.1.date
        reviewChairID = review?.1.chairID
        let reviewRules: Set<RuleID> = [.claFirstReview, .claSecondReview, .claReview]
        let open = derivation.obligations.filter { $0.metBy == nil && $0.notApplicable == nil }
        nextReviewDue = open.filter { reviewRules.contains($0.ruleID) }.map(\.due).min()
        openEscalations = records.compactMap { $0.record as? IROEscalationRecord }.filter { $0.resolved == nil }.count

        careLeaver = derivation.obligations.contains { $0.ruleID == .needsAssessment }
        lastPathwayPlan = journey.pathwayPlans.map(\.date).max()
        nextPathwayPlanDue = open.filter { $0.ruleID == .pathwayReview }.map(\.due).min()
        personalAdviserID = latest(PersonalAdviserRecord.self)?.1.adviserID
        let contact = latest(CareLeaverContactRecord.self)?.1
        lastContact = contact?.date
        inTouch = contact?.inTouch
        accommodation = contact?.accommodation
        accommodationSuitable = contact?.accommodationSuitable
        activity = contact?.activity
        stayingPut = records.contains { ($0.record as? StayingPutRecord).map { $0.end == nil } ?? false }
    }

    /// Placements that started in the 12 months up to `today`, the current one included.
    public func placements(inYearTo today: CivilDate) -> Int { Self.placements(startingOn: placementStarts, inYearTo: today) }

    /// The placement stability measure, for starts read back from storage.
    public static func placements(startingOn starts: [CivilDate], inYearTo today: CivilDate) -> Int {
        starts.filter { $0 > today.adding(years: -1) && $0 <= today }.count
    }
}
