/// The child was convicted of an offence, or given a youth caution or youth conditional caution
/// (the SSDA903 return's OC2 `CONVICTED` for a child looked after all year). It starts and
/// meets no timescale.
public struct ConvictionRecord: JourneyRecord {
    public static let list = JourneyList.convictions

    public var date: CivilDate
    /// `ConvictionRecord.outcomes`; nil when only the return's "convicted in the year" is known.
    public var outcome: String?
    public var notes: String?

    public static let outcomes: CodeList = [
        ("conviction", "Convicted of an offence"),
        ("youthCaution", "A youth caution"),
        ("youthConditionalCaution", "A youth conditional caution"),
    ]

    public init(date: CivilDate, outcome: String?, notes: String? = nil) {
        self.date = date; self.outcome = outcome; self.notes = notes
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the conviction or caution", date)] }

    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        outcome.map(Self.outcomes.contains) ?? true ? [] : [RecordProblem("outcome", "Select the outcome from the list")]
    }
}
