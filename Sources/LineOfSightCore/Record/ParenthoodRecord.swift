/// The child became a parent: their own child was born (the SSDA903 return's `MOTHER` and
/// `MC_DOB` for a looked-after girl). It starts and meets no timescale.
public struct ParenthoodRecord: JourneyRecord {
    public static let list = JourneyList.parenthood

    /// The date the child's own child was born.
    public var date: CivilDate
    public var notes: String?

    public init(date: CivilDate, notes: String? = nil) {
        self.date = date; self.notes = notes
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date their child was born", date)] }

    public func project(id: String, into journey: inout Journey) {}
}
