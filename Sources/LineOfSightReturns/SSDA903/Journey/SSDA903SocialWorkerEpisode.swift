import LineOfSightCore

/// A row of SWEpisodes as an allocation holds it: the social worker (by their SW_ID) from
/// SW_DECOM to the last day they held the case. An allocation ends the day before the next
/// begins (`Allocation.lastDay(whenSucceededOn:)`), where the return ends one episode on the day
/// the next begins: the one mapping between the two, read by the import and written by the export.
public struct SSDA903SocialWorkerEpisode: Sendable, Equatable {
    public let socialWorkerID: String
    public let start: CivilDate
    /// The allocation's last day (inclusive); nil while it is current.
    public let end: CivilDate?

    public init(socialWorkerID: String, start: CivilDate, end: CivilDate?) {
        self.socialWorkerID = socialWorkerID
        self.start = start
        self.end = end
    }

    /// A child's rows (read, in any order) as allocations' spans.
    static func spans(_ rows: [(id: String, start: CivilDate, end: CivilDate?)]) -> [SSDA903SocialWorkerEpisode] {
        let starts = Set(rows.map(\.start))
        return rows.sorted { $0.start < $1.start }.map { row in
            let end = row.end.map { starts.contains($0) && $0 > row.start ? Allocation.lastDay(whenSucceededOn: $0) : $0 }
            return SSDA903SocialWorkerEpisode(socialWorkerID: row.id, start: row.start, end: end)
        }
    }

    /// SW_DEC: the day the next episode begins when one follows at once, else the last day.
    static func episodeEnd(_ span: SSDA903SocialWorkerEpisode, among spans: [SSDA903SocialWorkerEpisode]) -> CivilDate? {
        guard let end = span.end else { return nil }
        let next = end.adding(days: 1)
        return spans.contains { $0.start == next } ? next : end
    }
}
