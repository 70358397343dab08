import LineOfSightCore

/// A child's episodes, in date order, as the journey records them: each run of episodes from
/// one that starts care (RNE S) to one that ends it (a REC other than X1) is a period of care;
/// each later episode of the run is a change of placement, of legal status or both, on the day
/// it starts. The first episode known may not start care (a return holds only the episodes
/// open during its year): its period then starts with it, and remembers why it began.
enum SSDA903EpisodeChain {
    /// The period of care and what changed within it, with the day each record is keyed on.
    struct Period {
        var record: PeriodOfCareRecord
        var placements: [PlacementRecord] = []
        var legalStatuses: [LegalStatusRecord] = []

        var records: [any JourneyRecord] { [record as any JourneyRecord] + placements.map { $0 } + legalStatuses.map { $0 } }
    }

    /// `episodes` (each a different start, in date order) as periods of care; a problem names the
    /// row that cannot follow the one before (it starts before that one ended, or while it is open).
    static func periods(_ episodes: [SSDA903Episode]) throws(SSDA903ImportProblem) -> [Period] {
        var periods: [Period] = []
        var open: Period?
        var previous: SSDA903Episode?
        for (index, episode) in episodes.enumerated() {
            if let previous { try check(episode, follows: previous) }
            if var period = open, let previous, episode.reasonForNewEpisode != SSDA903Episode.startsCare {
                record(episode, after: previous, in: &period)
                open = period
            } else {
                // The episode before ended the period (`check` refuses one still open), or there was none.
                let starts = episode.reasonForNewEpisode == SSDA903Episode.startsCare
                open = Period(record: PeriodOfCareRecord(start: episode.start, legalStatus: episode.legalStatus,
                                                         categoryOfNeed: episode.categoryOfNeed, placementType: episode.placementType,
                                                         provider: episode.provider, urn: episode.urn, postcode: episode.postcode,
                                                         homePostcode: episode.homePostcode,
                                                         firstEpisodeReason: starts ? nil : episode.reasonForNewEpisode))
            }
            let next = index + 1 < episodes.count ? episodes[index + 1] : nil
            if let end = episode.end, !continues(episode, into: next) {
                open!.record.end = end
                open!.record.endReason = episode.reasonEnded
                periods.append(open!)
                open = nil
            }
            previous = episode
        }
        if let open { periods.append(open) }
        return periods
    }

    /// Whether the period goes on after `episode`: another episode that does not start care
    /// follows, and this one ended with X1 or with no reason at all.
    private static func continues(_ episode: SSDA903Episode, into next: SSDA903Episode?) -> Bool {
        guard let next, next.reasonForNewEpisode != SSDA903Episode.startsCare else { return false }
        return episode.reasonEnded == nil || episode.reasonEnded == SSDA903Episode.continues
    }

    /// An episode can start only once the one before it has ended.
    private static func check(_ episode: SSDA903Episode, follows previous: SSDA903Episode) throws(SSDA903ImportProblem) {
        let problem: String
        if let end = previous.end {
            guard episode.start < end else { return }
            problem = "This episode starts on \(episode.start.long), before the episode from \(previous.start.long) ends on \(end.long)"
        } else {
            problem = "This episode starts on \(episode.start.long), while the episode from \(previous.start.long) has not ended"
        }
        let recorded = previous.source == nil ? " (the episode before is from the journey already recorded)" : ""
        guard let row = episode.source ?? previous.source else { return }
        throw row.problem(episode.source == nil ? .dec : .decom, problem + recorded)
    }

    /// A later episode of the period: a move when the placement changed (by its RNE or its
    /// facts), a change of legal status when that did. An episode that changes neither (only
    /// its category of need, which the period holds once) leaves nothing to record.
    private static func record(_ episode: SSDA903Episode, after previous: SSDA903Episode, in period: inout Period) {
        let reason = episode.reasonForNewEpisode
        if SSDA903Episode.placementChanges.contains(reason) || episode.placementDiffers(from: previous) {
            period.placements.append(PlacementRecord(start: episode.start, reasonForChange: previous.reasonPlacementEnded ?? "",
                                                     placementType: episode.placementType, provider: episode.provider, urn: episode.urn,
                                                     postcode: episode.postcode, homePostcode: episode.homePostcode))
        }
        let status = period.legalStatuses.last?.legalStatus ?? period.record.legalStatus
        if episode.legalStatus != status || SSDA903Episode.legalStatusChanges.contains(reason) {
            period.legalStatuses.append(LegalStatusRecord(date: episode.start, legalStatus: episode.legalStatus))
        }
    }
}
