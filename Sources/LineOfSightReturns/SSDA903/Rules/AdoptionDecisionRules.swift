import LineOfSightCore

extension SSDA903Rules {
    /// Decisions to place for adoption (PlacedAdoption) against the adoption itself and against
    /// last year's decisions. Both follow their messages where the DfE's code does not
    /// (docs/ssda903-deviations.md).
    static let adoptionDecisions: [SSDA903Rule] = [
        // An adoption episode (REC E11/E12) of a child whose every decision to place for
        // adoption has ceased: the decision that led to the adoption was not disrupted, so the
        // latest cannot have a DATE_PLACED_CEASED. (The DfE tool flags it only when the child
        // has two such decisions, or two adoption episodes.)
        SSDA903Rule("558", "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
                    flags: [.episodes: [.rec]], needs: [.episodes, .placedAdoption]) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let adopted = episodes[.rec].matching(["E11", "E12"]), ceased = placed[.datePlacedCeased]
            let decisions = ChildJoin(from: episodes, to: placed)
            for row in episodes.rows where adopted[row] {
                let rows = decisions[row]
                if !rows.isEmpty && rows.allSatisfy({ !ceased.isBlank($0) }) { flags.flag(row, in: .episodes) }
            }
        },
        // Last year's decision ceased (a DATE_PLACED_CEASED or a reason given), so this year's
        // must be a new one, later than last year's: flagged when it is blank, or on or before
        // last year's (both dates). The DfE tool compares the dates as text and flags rows of
        // the joined table by their number there (docs/ssda903-deviations.md).
        SSDA903Rule("584", "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
                    table: .placedAdoption, columns: [.datePlaced], previous: [.placedAdoption]) { placed, context, flags in
            let last = context.previous(.placedAdoption), decided = placed.dates(.datePlaced), blank = placed[.datePlaced]
            let decidedLast = last.dates(.datePlaced), ceasedLast = last[.datePlacedCeased], reasonLast = last[.reasonPlacedCeased]
            let lastRows = ChildJoin(from: placed, to: last)
            for row in placed.rows {
                let rows = lastRows[row]
                func changed(_ other: Int) -> Bool { !ceasedLast.isBlank(other) || !reasonLast.isBlank(other) }
                guard rows.contains(where: changed) else { continue }
                if blank.isBlank(row) || rows.contains(where: { other in
                    guard changed(other), let now = decided[row].date, let before = decidedLast[other].date else { return false }
                    return now <= before
                }) { flags.flag(row) }
            }
        },
    ]
}
