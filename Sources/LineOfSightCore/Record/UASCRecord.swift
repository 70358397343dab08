/// The child is an unaccompanied asylum-seeking child: from `date` (the day they became looked
/// after as one, or were known to be one) until `ceased`, the day the status ended (at the
/// latest their 18th birthday), the SSDA903 UASC table's `DUC`. The return asks it of every
/// child who was one at any time in the collection year. It starts and meets no timescale.
public struct UASCRecord: JourneyRecord {
    public static let list = JourneyList.uasc

    public var date: CivilDate
    public var ceased: CivilDate?
    public var notes: String?

    public init(date: CivilDate, ceased: CivilDate? = nil, notes: String? = nil) {
        self.date = date; self.ceased = ceased; self.notes = notes
    }

    public var dates: [RecordDate] {
        [RecordDate("date", "The date they were known to be an unaccompanied asylum-seeking child", date),
         RecordDate("ceased", "The date the status ended", ceased)]
    }

    /// Whether the child was one at any time in `period`.
    public func during(_ period: ClosedRange<CivilDate>) -> Bool {
        date <= period.upperBound && (ceased.map { $0 >= period.lowerBound } ?? true)
    }

    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let ceased, ceased < date {
            problems.append(RecordProblem("ceased", "The status ended after it began: the date must be on or after \(date.long)"))
        }
        if let ceased, let born = context.journey.dateOfBirth, ceased > born.adding(years: 18) {
            problems.append(RecordProblem("ceased", "The status ends by the child’s 18th birthday, \(born.adding(years: 18).long)"))
        }
        return problems
    }
}
