/// A review meeting in pre-proceedings under the Public Law Outline: what was reviewed and decided.
/// Reviews are due at the council's interval from the letter before proceedings and from each
/// review (`plo.review`), so pre-proceedings with no review held show as overdue.
public struct PLOReviewRecord: NestedRecord {
    public static let list = JourneyList.ploReviews

    /// The pre-proceedings (a stored event id); when absent, the latest started by the review's date.
    public var preProceedingsID: String?
    public var date: CivilDate
    /// What the meeting found and decided: progress against the plan, continue, issue or step down.
    public var outcome: String?
    public var chairID: String?
    public var childsViews: String?

    public init(preProceedingsID: String? = nil, date: CivilDate, outcome: String? = nil, chairID: String? = nil, childsViews: String? = nil) {
        self.preProceedingsID = preProceedingsID; self.date = date; self.outcome = outcome; self.chairID = chairID; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the review", date)] }

    public func parentID(in journey: Journey) -> String? {
        journey.preProceedings(preProceedingsID, on: date).map { journey.preProceedings[$0].id }
    }

    public func project(id: String, into journey: inout Journey) {
        guard let index = journey.preProceedings(preProceedingsID, on: date) else { return }
        journey.preProceedings[index].reviews.append(DatedRecord(id: id, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        if let id = preProceedingsID, !context.journey.preProceedings.contains(where: { $0.id == id }) {
            return [RecordProblem("preProceedingsID", "Choose pre-proceedings recorded for this child")]
        }
        guard let index = context.journey.preProceedings(preProceedingsID, on: date) else {
            return [RecordProblem("date", "No pre-proceedings are recorded as started on or before \(date.long): record them first")]
        }
        let pre = context.journey.preProceedings[index]
        if date < pre.start {
            return [RecordProblem("date", "The review must be on or after \(pre.start.long), when pre-proceedings started")]
        }
        if let end = pre.end, date > end {
            return [RecordProblem("date", "Pre-proceedings ended on \(end.long): a review after that belongs to other pre-proceedings")]
        }
        return []
    }
}

extension Journey {
    /// The pre-proceedings a review belongs to: the ones with `id`, or else the latest started on or before `date`.
    func preProceedings(_ id: String?, on date: CivilDate) -> Int? {
        Self.named(id, or: date, in: preProceedings, id: \.id, start: \.start)
    }
}
