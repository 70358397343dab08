/// A time the child was missing from care or away from their placement without permission: when
/// it started, whether the police were told, and when the child came back.
public struct MissingEpisodeRecord: JourneyRecord {
    public static let list = JourneyList.missingEpisodes

    public var kind: MissingEpisode.Kind
    public var start: CivilDate
    /// The time it was noticed, 24-hour "21:30".
    public var startTime: String?
    public var reportedToPolice: Bool?
    public var policeReference: String?
    /// The day the child came back.
    public var end: CivilDate?
    /// Where they were, who with, and any risk of exploitation.
    public var whereabouts: String?
    public var childsViews: String?

    public init(kind: MissingEpisode.Kind, start: CivilDate, startTime: String? = nil, reportedToPolice: Bool? = nil,
                policeReference: String? = nil, end: CivilDate? = nil, whereabouts: String? = nil, childsViews: String? = nil) {
        self.kind = kind; self.start = start; self.startTime = startTime; self.reportedToPolice = reportedToPolice
        self.policeReference = policeReference; self.end = end; self.whereabouts = whereabouts; self.childsViews = childsViews
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The date they went missing", start), RecordDate("end", "The date they came back", end)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.missingEpisodes.append(MissingEpisode(id: id, kind: kind, start: start, end: end))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let startTime, !ContactRecord.isClockTime(startTime) {
            problems.append(RecordProblem("startTime", "Enter the time as hours and minutes on the 24-hour clock, for example 21:30"))
        }
        if let end, end < start {
            problems.append(RecordProblem("end", "The date they came back must be on or after the date they went missing"))
        }
        if let open = context.journey.missingEpisodes.first(where: { $0.end == nil && $0.start <= start }) {
            problems.append(RecordProblem("start", "The child is already recorded as missing since \(open.start.long): record that they came back first"))
        }
        return problems
    }
}

/// An offer of a return home interview after a missing or away episode, the child's answer, and
/// the interview if it was held. Every offer is its own record, so persistent offers show.
public struct ReturnInterviewRecord: NestedRecord {
    public static let list = JourneyList.returnInterviews

    public enum Response: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, declined, noResponse
    }

    /// The episode (a stored event id); when absent, the latest to start by the day of the offer.
    public var missingEpisodeID: String?
    public var offered: CivilDate
    /// Who offered it: the independent return interview service, the social worker …
    public var offeredBy: String?
    public var response: Response?
    public var held: CivilDate?
    /// What was learned: why they went, where, who with, what would help.
    public var findings: String?
    public var childsViews: String?

    public init(missingEpisodeID: String? = nil, offered: CivilDate, offeredBy: String? = nil, response: Response? = nil,
                held: CivilDate? = nil, findings: String? = nil, childsViews: String? = nil) {
        self.missingEpisodeID = missingEpisodeID; self.offered = offered; self.offeredBy = offeredBy; self.response = response
        self.held = held; self.findings = findings; self.childsViews = childsViews
    }

    public var date: CivilDate { offered }
    public var dates: [RecordDate] {
        [RecordDate("offered", "The date it was offered", offered), RecordDate("held", "The date it was held", held)]
    }

    public func parentID(in journey: Journey) -> String? {
        journey.missingEpisode(missingEpisodeID, on: offered).map { journey.missingEpisodes[$0].id }
    }

    public func project(id: String, into journey: inout Journey) {
        guard let index = journey.missingEpisode(missingEpisodeID, on: offered) else { return }
        journey.missingEpisodes[index].interviewOffers.append(InterviewOffer(id: id, offered: offered, held: held))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let id = missingEpisodeID, !context.journey.missingEpisodes.contains(where: { $0.id == id }) {
            problems.append(RecordProblem("missingEpisodeID", "Choose a time the child was missing or away, recorded for this child"))
        } else if let index = context.journey.missingEpisode(missingEpisodeID, on: offered) {
            let episode = context.journey.missingEpisodes[index]
            if let returned = episode.end {
                if offered < returned {
                    problems.append(RecordProblem("offered", "The date it was offered must be on or after the date the child came back, \(returned.long)"))
                }
            } else {
                problems.append(RecordProblem("offered", "The child is still recorded as missing: record the date they came back first"))
            }
        } else {
            problems.append(RecordProblem("offered", "No time missing or away is recorded on or before \(offered.long): record it first"))
        }
        if let held {
            if held < offered { problems.append(RecordProblem("held", "The date it was held must be on or after the date it was offered")) }
            if response != .accepted { problems.append(RecordProblem("response", "An interview that was held was accepted: select accepted")) }
        }
        return problems
    }
}

extension Journey {
    /// The missing episode a return interview belongs to: the one with `id`, or else the latest to
    /// start on or before `date`.
    func missingEpisode(_ id: String?, on date: CivilDate) -> Int? {
        Self.named(id, or: date, in: missingEpisodes, id: \.id, start: \.start)
    }
}
