/// An order depriving the child of their liberty (the SSDA903 DoLo table: `DOLO_START`,
/// `DOLO_END`), from the inherent jurisdiction of the High Court: the return asks of each one in
/// force during the year. It starts and meets no timescale.
public struct DeprivationOfLibertyRecord: JourneyRecord {
    public static let list = JourneyList.deprivationsOfLiberty

    public var start: CivilDate
    /// Nil while the order is in force.
    public var end: CivilDate?
    public var notes: String?

    public init(start: CivilDate, end: CivilDate? = nil, notes: String? = nil) {
        self.start = start; self.end = end; self.notes = notes
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The date the order was made", start), RecordDate("end", "The date the order ended", end)]
    }

    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        if let end, end <= start { return [RecordProblem("end", "The order ends after the day it was made, \(start.long)")] }
        return []
    }
}
