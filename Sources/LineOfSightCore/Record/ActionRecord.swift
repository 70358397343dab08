/// An action — from a plan, a strategy discussion, a conference, a core group, supervision, a panel
/// or an audit — always the same record: what, who, by when, and how it ended (M8).
public struct ActionRecord: JourneyRecord {
    public static let list = JourneyList.actions

    public var description: String
    /// The staff member who owns it.
    public var ownerID: String
    /// When it was set.
    public var raised: CivilDate
    public var due: CivilDate
    public var done: CivilDate?
    public var cancelled: CivilDate?
    public var completionNote: String?
    /// The stored event that set it (a plan, a conference …); nil for an action recorded on its own.
    public var sourceID: String?

    public init(description: String, ownerID: String, raised: CivilDate, due: CivilDate, done: CivilDate? = nil,
                cancelled: CivilDate? = nil, completionNote: String? = nil, sourceID: String? = nil) {
        self.description = description; self.ownerID = ownerID; self.raised = raised; self.due = due; self.done = done
        self.cancelled = cancelled; self.completionNote = completionNote; self.sourceID = sourceID
    }

    public var date: CivilDate { raised }
    public var dates: [RecordDate] {
        [RecordDate("raised", "The date the action was set", raised), RecordDate("due", "The due date", due, mayBeFuture: true),
         RecordDate("done", "The date it was done", done), RecordDate("cancelled", "The date it was cancelled", cancelled)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.actions.append(Action(id: id, description: description, ownerID: ownerID, raised: raised, due: due,
                                      done: done, cancelled: cancelled))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if due < raised { problems.append(RecordProblem("due", "The due date must be on or after the date the action was set")) }
        if let done, done < raised { problems.append(RecordProblem("done", "The date it was done must be on or after the date the action was set")) }
        if done != nil, cancelled != nil { problems.append(RecordProblem("cancelled", "An action is either done or cancelled, not both")) }
        return problems
    }
}
