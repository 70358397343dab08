/// The child became looked after: the start of a period of care, with the legal status, the
/// category of need and the first placement; later, the day they stopped being looked after and
/// why. Changes of placement and legal status in between are their own records, nested under it.
public struct PeriodOfCareRecord: JourneyRecord, PlacementDetails {
    public static let list = JourneyList.periodsOfCare

    public var start: CivilDate
    /// `LookedAfterCodes.legalStatuses`.
    public var legalStatus: String
    /// `LookedAfterCodes.categoriesOfNeed`.
    public var categoryOfNeed: String
    public var placementType: String
    public var provider: String?
    public var carers: String?
    public var urn: String?
    public var postcode: String?
    public var homePostcode: String?
    public var intendedUntil18: Bool?
    public var sixMonthlyVisitsAgreed: Bool?
    public var placementPlan: CivilDate?
    /// Why the child became looked after.
    public var reason: String?
    public var childsViews: String?
    public var end: CivilDate?
    /// `LookedAfterCodes.reasonsCeased`.
    public var endReason: String?
    /// Set when the child was already looked after before `start`, which is then only the start
    /// of the earliest episode known: an imported SSDA903 return holds just the episodes open
    /// during its year. It is that episode's reason for a new episode (RNE: P a change of
    /// placement, L of legal status …), kept so that the return can be written out again as it came.
    public var firstEpisodeReason: String?

    public init(start: CivilDate, legalStatus: String, categoryOfNeed: String, placementType: String, provider: String? = nil,
                carers: String? = nil, urn: String? = nil, postcode: String? = nil, homePostcode: String? = nil,
                intendedUntil18: Bool? = nil, sixMonthlyVisitsAgreed: Bool? = nil, placementPlan: CivilDate? = nil,
                reason: String? = nil, childsViews: String? = nil, end: CivilDate? = nil, endReason: String? = nil,
                firstEpisodeReason: String? = nil) {
        self.start = start; self.legalStatus = legalStatus; self.categoryOfNeed = categoryOfNeed; self.placementType = placementType
        self.provider = provider; self.carers = carers; self.urn = urn; self.postcode = postcode; self.homePostcode = homePostcode
        self.intendedUntil18 = intendedUntil18; self.sixMonthlyVisitsAgreed = sixMonthlyVisitsAgreed
        self.placementPlan = placementPlan; self.reason = reason; self.childsViews = childsViews; self.end = end; self.endReason = endReason
        self.firstEpisodeReason = firstEpisodeReason
    }

    public var date: CivilDate { start }
    public var placementStart: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The date the child became looked after", start)] + placementDates
            + [RecordDate("end", "The date the child stopped being looked after", end)]
    }

    /// The period, its first legal status and its first placement (under the period's own id, so
    /// the first placement's visits are named for this event).
    public func project(id: String, into journey: inout Journey) {
        var period = PeriodOfCare(id: id, start: start, end: end, endReason: endReason,
                                  legalStatuses: [LegalStatusChange(date: start, code: legalStatus)],
                                  placements: [placement(id: id)])
        period.settlePlacements()
        journey.periodsOfCare.append(period)
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = placementProblems
        if !LookedAfterCodes.legalStatuses.contains(legalStatus) {
            problems.append(RecordProblem("legalStatus", "Select the legal status from the list"))
        }
        if !LookedAfterCodes.categoriesOfNeed.contains(categoryOfNeed) {
            problems.append(RecordProblem("categoryOfNeed", "Select the category of need from the list"))
        }
        if let end {
            if end < start {
                problems.append(RecordProblem("end", "The date the child stopped being looked after must be on or after the date they became looked after"))
            }
            if endReason == nil { problems.append(RecordProblem("endReason", "Select why the child stopped being looked after")) }
        } else if endReason != nil {
            problems.append(RecordProblem("end", "Enter the date the child stopped being looked after"))
        }
        if let endReason, !LookedAfterCodes.reasonsCeased.contains(endReason) {
            problems.append(RecordProblem("endReason", "Select why the child stopped being looked after from the list"))
        }
        if let other = context.journey.periodsOfCare.first(where: { $0.overlaps(from: start, to: end) }) {
            let until = other.end.map { " to \($0.long)" } ?? ", and still is"
            problems.append(RecordProblem("start", "The child was looked after from \(other.start.long)\(until): periods of care cannot overlap"))
        }
        return problems
    }
}

/// A move to a new placement within a period of care. The previous placement ends the day this
/// one starts.
public struct PlacementRecord: NestedRecord, PlacementDetails {
    public static let list = JourneyList.placements

    /// The period of care (a stored event id); when absent, the one the child is in on `start`.
    public var periodOfCareID: String?
    public var start: CivilDate
    /// Why the previous placement ended: `LookedAfterCodes.reasonsForPlacementChange`.
    public var reasonForChange: String
    public var placementType: String
    public var provider: String?
    public var carers: String?
    public var urn: String?
    public var postcode: String?
    public var homePostcode: String?
    public var intendedUntil18: Bool?
    public var sixMonthlyVisitsAgreed: Bool?
    public var placementPlan: CivilDate?
    public var notes: String?
    public var childsViews: String?

    public init(periodOfCareID: String? = nil, start: CivilDate, reasonForChange: String, placementType: String,
                provider: String? = nil, carers: String? = nil, urn: String? = nil, postcode: String? = nil,
                homePostcode: String? = nil, intendedUntil18: Bool? = nil, sixMonthlyVisitsAgreed: Bool? = nil,
                placementPlan: CivilDate? = nil, notes: String? = nil, childsViews: String? = nil) {
        self.periodOfCareID = periodOfCareID; self.start = start; self.reasonForChange = reasonForChange
        self.placementType = placementType; self.provider = provider; self.carers = carers; self.urn = urn
        self.postcode = postcode; self.homePostcode = homePostcode; self.intendedUntil18 = intendedUntil18
        self.sixMonthlyVisitsAgreed = sixMonthlyVisitsAgreed; self.placementPlan = placementPlan
        self.notes = notes; self.childsViews = childsViews
    }

    public var date: CivilDate { start }
    public var placementStart: CivilDate { start }
    public var dates: [RecordDate] { [RecordDate("start", "The date of the move", start)] + placementDates }

    public func parentID(in journey: Journey) -> String? {
        journey.periodOfCare(periodOfCareID, on: start).map { journey.periodsOfCare[$0].id }
    }

    public func project(id: String, into journey: inout Journey) {
        guard let index = journey.periodOfCare(periodOfCareID, on: start) else { return }
        journey.periodsOfCare[index].placements.append(placement(id: id))
        journey.periodsOfCare[index].settlePlacements()
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = placementProblems
        if !LookedAfterCodes.reasonsForPlacementChange.contains(reasonForChange) {
            problems.append(RecordProblem("reasonForChange", "Select why the previous placement ended from the list"))
        }
        switch context.journey.period(periodOfCareID, containing: start, field: "start", what: "The date of the move") {
        case let .failure(problem): problems.append(problem)
        case let .success(period) where period.placements.contains(where: { $0.start == start }):
            problems.append(RecordProblem("start", "A placement starting on \(start.long) is already recorded: correct that one instead"))
        case .success: break
        }
        return problems
    }
}

/// A change of the legal basis on which the child is looked after, within a period of care.
public struct LegalStatusRecord: NestedRecord {
    public static let list = JourneyList.legalStatuses

    /// The period of care (a stored event id); when absent, the one the child is in on `date`.
    public var periodOfCareID: String?
    public var date: CivilDate
    /// `LookedAfterCodes.legalStatuses`.
    public var legalStatus: String
    public var notes: String?

    public init(periodOfCareID: String? = nil, date: CivilDate, legalStatus: String, notes: String? = nil) {
        self.periodOfCareID = periodOfCareID; self.date = date; self.legalStatus = legalStatus; self.notes = notes
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date the legal status changed", date)] }

    public func parentID(in journey: Journey) -> String? {
        journey.periodOfCare(periodOfCareID, on: date).map { journey.periodsOfCare[$0].id }
    }

    public func project(id: String, into journey: inout Journey) {
        guard let index = journey.periodOfCare(periodOfCareID, on: date) else { return }
        journey.periodsOfCare[index].legalStatuses.append(LegalStatusChange(date: date, code: legalStatus))
        journey.periodsOfCare[index].legalStatuses.sort { $0.date < $1.date }
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        let status = LookedAfterCodes.legalStatuses[legalStatus]
        if status == nil { problems.append(RecordProblem("legalStatus", "Select the legal status from the list")) }
        switch context.journey.period(periodOfCareID, containing: date, field: "date", what: "The date the legal status changed") {
        case let .failure(problem): problems.append(problem)
        case let .success(period) where period.legalStatuses.contains(where: { $0.date == date }):
            problems.append(RecordProblem("date", "A legal status from \(date.long) is already recorded: correct that one instead"))
        case let .success(period):
            if let status, period.legalStatuses.last(where: { $0.date < date })?.code == legalStatus {
                problems.append(RecordProblem("legalStatus", "The child is already looked after under “\(status.meaning)” on this date"))
            }
        }
        return problems
    }
}

extension Journey {
    /// The period of care a nested record belongs to: the one with `id`, or else the one the child
    /// is in on `date` (the latest to start by then, if none contains it).
    func periodOfCare(_ id: String?, on date: CivilDate) -> Int? {
        Self.named(id, or: date, in: periodsOfCare, id: \.id, start: \.start)
    }

    /// The period of care a record dated `date` is nested in, or why it cannot be: the period
    /// `id` is not this child's, or the date falls outside it (`field` names the date).
    func period(_ id: String?, containing date: CivilDate, field: String, what: String) -> Result<PeriodOfCare, RecordProblem> {
        if let id, !periodsOfCare.contains(where: { $0.id == id }) {
            return .failure(RecordProblem("periodOfCareID", "Choose a period of care recorded for this child"))
        }
        guard let index = periodOfCare(id, on: date) else {
            return .failure(RecordProblem(field, "The child was not looked after on \(date.long): record the period of care first"))
        }
        let period = periodsOfCare[index]
        guard period.contains(date) else {
            if id == nil { return .failure(RecordProblem(field, "The child was not looked after on \(date.long)")) }
            let until = period.end.map { " to \($0.long)" } ?? ""
            return .failure(RecordProblem(field, "\(what) must be within the period of care, from \(period.start.long)\(until)"))
        }
        return .success(period)
    }
}
