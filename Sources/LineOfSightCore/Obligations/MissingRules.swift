extension DerivationContext {
    /// A return home interview offered within 72 hours of a child's return from each missing or
    /// away episode (a local standard, in days): met by the first offer made on or after the
    /// return, whether or not the child accepts it.
    mutating func deriveMissing() {
        for episode in journey.missingEpisodes.sortedIfNeeded(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            guard let returned = episode.end else { continue }
            let offer = episode.interviewOffers.filter { $0.offered >= returned }.min { ($0.offered, $0.id) < ($1.offered, $1.id) }
            add(.returnInterview, id: "\(RuleID.returnInterview):\(episode.id)", startedBy: EventRef(.missingEpisode, episode.id, returned),
                due: returned.adding(days: p.returnInterviewDays), metBy: offer.map { EventRef(.returnInterview, $0.id, $0.offered) })
        }
    }
}
