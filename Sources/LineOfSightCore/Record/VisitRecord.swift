/// A visit to the child by a practitioner. One visit can meet several visiting standards.
public struct VisitRecord: JourneyRecord {
    public static let list = JourneyList.visits

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case planned, unannounced
    }

    public enum Location: String, Sendable, Hashable, Codable, CaseIterable {
        case home, school, placement, office, elsewhere
    }

    public var date: CivilDate
    public var kind: Kind
    public var location: Location
    public var seen: Bool
    public var seenAlone: Bool?
    /// The child's views, wishes and feelings.
    public var childsViews: String?
    public var observations: String?

    public init(date: CivilDate, kind: Kind, location: Location, seen: Bool, seenAlone: Bool? = nil,
                childsViews: String? = nil, observations: String? = nil) {
        self.date = date; self.kind = kind; self.location = location; self.seen = seen; self.seenAlone = seenAlone
        self.childsViews = childsViews; self.observations = observations
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the visit", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.visits.append(Visit(id: id, date: date, seen: seen, seenAlone: seen ? seenAlone : false))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        if !seen, seenAlone == true {
            return [RecordProblem("seenAlone", "The child cannot have been seen alone if they were not seen")]
        }
        return []
    }
}
