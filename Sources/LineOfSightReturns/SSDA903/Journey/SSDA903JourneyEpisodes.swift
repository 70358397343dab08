import LineOfSightCore

extension SSDA903Episode {
    /// Every episode of the child's periods of care, as the return writes them: a new episode
    /// on each day the placement or the legal status changed, ending the day the next begins
    /// (X1) or when the period ends. `events` are the child's stored events; the journey is
    /// projected from them as everywhere else, and each placement's details read from the
    /// event it came from.
    public static func episodes(of events: [RecordedEvent], dateOfBirth: CivilDate?) -> [SSDA903Episode] {
        let journey = Journey(childID: "", dateOfBirth: dateOfBirth, events: events, allocations: [])
        var details: [String: any PlacementDetails] = [:]
        var periods: [String: PeriodOfCareRecord] = [:]
        for event in events {
            if let placement = event.record as? any PlacementDetails { details[event.id] = placement }
            if let period = event.record as? PeriodOfCareRecord { periods[event.id] = period }
        }
        return journey.periodsOfCare.sorted { $0.start < $1.start }.flatMap { period in
            episodes(of: period, record: periods[period.id]!, details: details)
        }
    }

    private static func episodes(of period: PeriodOfCare, record: PeriodOfCareRecord, details: [String: any PlacementDetails]) -> [SSDA903Episode] {
        let inPeriod = { (date: CivilDate) in date >= period.start && period.end.map { date <= $0 } ?? true }
        let placements = period.placements.filter { inPeriod($0.start) }.sorted { $0.start < $1.start }
        let statuses = period.legalStatuses.filter { inPeriod($0.date) }
        let days = Set(placements.map(\.start) + statuses.map(\.date) + [period.start]).sorted()
        var episodes: [SSDA903Episode] = []
        for (index, day) in days.enumerated() {
            guard let placement = placements.last(where: { $0.start <= day }).flatMap({ details[$0.id] }) else { continue }
            let status = statuses.last { $0.date <= day }?.code ?? record.legalStatus
            let reason = day == period.start ? record.firstEpisodeReason ?? startsCare
                : Self.reason(placementChanged: placements.contains { $0.start == day }, legalStatusChanged: statuses.contains { $0.date == day },
                              placementType: placement.placementType)
            var episode = SSDA903Episode(start: day, reasonForNewEpisode: reason, legalStatus: status,
                                         categoryOfNeed: record.categoryOfNeed, placement: placement)
            // Where the child lived before they became looked after is asked once, for the period;
            // every episode of it reports it.
            episode.homePostcode = placement.home(in: record)
            if index + 1 < days.count {
                let next = days[index + 1]
                episode.end = next
                episode.reasonEnded = continues
                let move = placements.first { $0.start == next }.flatMap { details[$0.id] as? PlacementRecord }
                episode.reasonPlacementEnded = move.map(\.reasonForChange).flatMap { $0.isEmpty ? nil : $0 }
            } else {
                episode.end = period.end
                episode.reasonEnded = period.endReason
            }
            episodes.append(episode)
        }
        return episodes
    }

    /// The episode as the return of a year ending on `yearEnd` reports it: one that ended after
    /// the year is still open at its end.
    func asAtYearEnd(_ yearEnd: CivilDate) -> SSDA903Episode {
        guard let end, end > yearEnd else { return self }
        var open = self
        open.end = nil
        open.reasonEnded = nil
        open.reasonPlacementEnded = nil
        return open
    }
}
