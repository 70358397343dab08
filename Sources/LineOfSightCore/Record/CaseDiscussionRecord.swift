/// A child's case discussed in a worker's supervision (M9): management oversight on the child's
/// record. The manager's reflection and the decision; the actions it sets are actions of the one
/// action model naming this discussion as their source. The staff-level supervision session it was
/// part of links to it (the server's `supervision_discussions`). It starts and meets no timescale.
public struct CaseDiscussionRecord: JourneyRecord {
    public static let list = JourneyList.caseDiscussions

    public var date: CivilDate
    /// The manager who led the discussion.
    public var supervisorID: String
    public var reflection: String?
    public var decision: String?

    public init(date: CivilDate, supervisorID: String, reflection: String? = nil, decision: String? = nil) {
        self.date = date; self.supervisorID = supervisorID; self.reflection = reflection; self.decision = decision
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the discussion", date)] }

    public func project(id: String, into journey: inout Journey) {}
}
