/// Something significant in the child's life that is not itself a recorded event of their journey
/// (a bereavement, a move of school, a parent's imprisonment), added to the chronology with what it
/// means for the child. It starts and meets no timescale.
public struct SignificantEventRecord: JourneyRecord {
    public static let list = JourneyList.significantEvents

    public var date: CivilDate
    public var event: String
    public var analysis: String?

    public init(date: CivilDate, event: String, analysis: String? = nil) {
        self.date = date; self.event = event; self.analysis = analysis
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date it happened", date)] }

    public func project(id: String, into journey: inout Journey) {}
}
