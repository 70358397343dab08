import LineOfSightCore

extension SSDA903Rules {
    /// Missing against the child's episodes and periods of care; PlacedAdoption decisions in
    /// order; AD1 against adoptions in the year.
    static let missingAndAdoptionOrder: [SSDA903Rule] = [
        SSDA903Rule("575", "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
                    flags: [.missing: [.misEnd]], needs: [.episodes, .missing]) { context, flags in
            let missing = context[.missing], episodes = context[.episodes]
            let started = missing.dates(.misStart), ended = missing[.misEnd]
            let began = episodes.dates(.decom), left = episodes.dates(.dec), episodeRows = ChildJoin(from: missing, to: episodes)
            for row in missing.rows where ended.isBlank(row) {
                guard let start = started[row].date else { continue }
                if episodeRows[row].contains(where: { episode in
                    guard let first = began[episode].date, let last = left[episode].date else { return false }
                    return first <= start && start <= last
                }) { flags.flag(row, in: .missing) }
            }
        },
        // Outside every episode: before its start, or after its end (an end that is not a date
        // leaves it open). A start that is not a date is in no episode.
        SSDA903Rule("581", "Child is missing but has not yet started to be looked after.",
                    flags: [.missing: [.misStart]], needs: [.episodes, .missing]) { context, flags in
            let missing = context[.missing], episodes = context[.episodes]
            let started = missing.dates(.misStart)
            let began = episodes.dates(.decom), left = episodes.dates(.dec), episodeRows = ChildJoin(from: missing, to: episodes)
            for row in missing.rows {
                let start = started[row].date
                let inCare = start.map { start in
                    episodeRows[row].contains { episode in
                        guard let first = began[episode].date, first <= start else { return false }
                        return left[episode].date.map { start <= $0 } ?? true
                    }
                } ?? false
                if !inCare { flags.flag(row, in: .missing) }
            }
        },
        SSDA903Rule("580", "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
                    flags: [.episodes: [.rec]], needs: [.episodes, .missing]) { context, flags in
            let episodes = context[.episodes], missing = context[.missing]
            let left = episodes.dates(.dec), leftAbsent = episodes[.rec].matching("E8")
            let born = missing.dates(.dob), ended = missing.dates(.misEnd), missingRows = ChildJoin(from: episodes, to: missing)
            for row in episodes.rows where !leftAbsent[row] {
                guard let last = left[row].date else { continue }
                if missingRows[row].contains(where: { other in
                    ended[other].date == last && born[other].date.map { $0.adding(years: 18) == last } ?? false
                }) { flags.flag(row, in: .episodes) }
            }
        },
        // A missing period without an end outside every period of care that has ended, or one
        // that ends outside every period of care.
        periodOfCare("577", "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
                     column: .misEnd) { missing in
            outsidePeriod(started: missing.dates(.misStart), ended: missing.dates(.misEnd))
        },
        periodOfCare("578", "The date that the child started to be missing is after the child ceased to be looked after.",
                     column: .misStart) { missing in
            let started = missing.dates(.misStart)
            return { row, period in
                guard let start = started[row].date else { return false }
                return start < period.start || (period.end.map { start > $0 } ?? false)
            }
        },
        // Each decision after the child's first (by date) starts before the one before it ceased,
        // or the one before has not ceased.
        SSDA903Rule("579", "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
                    table: .placedAdoption, columns: [.datePlaced, .datePlacedCeased]) { placed, _, flags in
            let decided = placed.dates(.datePlaced), ceased = placed.dates(.datePlacedCeased)
            for rows in placed.children.rowsByValue().present where rows.count > 1 {
                let ordered = rows.sorted { EpisodeHistory.earlier(decided[$0], $0, than: decided[$1], $1) }
                for index in 1..<ordered.count {
                    let row = ordered[index], previous = ordered[index - 1]
                    guard let end = ceased[previous].date else { flags.flag(row); continue }
                    if decided[row].date.map({ $0 < end }) ?? false { flags.flag(row) }
                }
            }
        },
        // Every decision of a child but the latest that has not ceased.
        SSDA903Rule("583", "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
                    table: .placedAdoption, columns: [.datePlaced, .datePlacedCeased]) { placed, _, flags in
            let decided = placed.dates(.datePlaced), ceased = placed[.datePlacedCeased]
            let groups = placed.children.rowsByValue()
            for id in 0..<placed.children.values.count {
                let rows = groups[id]
                guard rows.count > 1 else { continue }
                // The latest decision (the first in the file of equal dates), or the first row
                // when none is a date.
                let latest = rows.compactMap { decided[$0].date }.max()
                let kept = latest.map { date in rows.first { decided[$0].date == date }! } ?? rows.first!
                for row in rows where row != kept && ceased.isBlank(row) { flags.flag(row) }
            }
        },
        SSDA903Rule("582", "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
                    flags: [.episodes: [.dec]], needs: [.episodes, .ad1]) { context, flags in
            let episodes = context[.episodes], ad1 = context[.ad1]
            let adopted = episodes[.rec].matching(["E11", "E12"]), left = episodes[.dec], matched = ad1[.dateMatch]
            let ad1Rows = ChildJoin(from: episodes, to: ad1)
            for row in episodes.rows where adopted[row] {
                guard let end = left[row] else { continue }
                if ad1Rows[row].contains(where: { matched[$0] == end }) { flags.flag(row, in: .episodes) }
            }
        },
        SSDA903Rule("601", "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
                    flags: [.episodes: [.rec], .ad1: adoptionItems], needs: [.episodes, .ad1]) { context, flags in
            let episodes = context[.episodes], ad1 = context[.ad1]
            let adoptedInYear = adoptions(episodes, context), items = adoptionItems.map { ad1[$0] }
            let ad1Rows = ChildJoin(from: episodes, to: ad1)
            for row in episodes.rows where adoptedInYear(row) {
                for other in ad1Rows[row] where items.contains(where: { $0.isBlank(other) }) {
                    flags.flag(row, in: .episodes)
                    flags.flag(other, in: .ad1)
                }
            }
        },
        SSDA903Rule("602", "The episode data submitted for this child does not show that he/she was adopted during the year.",
                    flags: [.ad1: [.child]], needs: [.episodes, .ad1]) { context, flags in
            let episodes = context[.episodes], ad1 = context[.ad1]
            let adoptedInYear = adoptions(episodes, context), items = adoptionItems.map { ad1[$0] }
            let episodeRows = ChildJoin(from: ad1, to: episodes)
            for row in ad1.rows where items.contains(where: { !$0.isBlank(row) }) {
                if !episodeRows[row].contains(where: adoptedInYear) { flags.flag(row, in: .ad1) }
            }
        },
    ]

    static let adoptionItems: [SSDA903Column] = [.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr]

    /// Episodes ending in adoption (E11/E12) during the year.
    private static func adoptions(_ episodes: SSDA903TableData, _ context: SSDA903Context) -> (Int) -> Bool {
        let adopted = episodes[.rec].matching(["E11", "E12"]), left = episodes.dates(.dec)
        let year = context.collectionStart ... context.collectionEnd
        return { row in adopted[row] && (left[row].date.map(year.contains) ?? false) }
    }

    /// A period of care: a child's episodes (with a start that is a date, in date order) while
    /// each starts no later than the one before ended; its start, and the last episode's end.
    struct CarePeriod { let start: CivilDate; let end: CivilDate? }

    /// Missing rows (with a start that is a date) whose test fails against every period of care
    /// of the child; a child with none is let be.
    /// (Missing and DoLo, 707, the same.)
    static func periodOfCare(
        _ code: String, _ message: String, table: SSDA903Table = .missing, start: SSDA903Column = .misStart,
        column: SSDA903Column, years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        prepare: @escaping @Sendable (SSDA903TableData) -> (Int, CarePeriod) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [table: [column]], needs: [.episodes, table], years: years) { context, flags in
            let episodes = context[.episodes], missing = context[table]
            let began = episodes.dates(.decom), left = episodes.dates(.dec)
            var periods: [String: [CarePeriod]] = [:]
            for rows in context.episodeHistory.children {
                let dated = rows.filter { began[$0].date != nil }
                guard let child = dated.first.flatMap({ episodes.children[$0] }) else { continue }
                var list: [CarePeriod] = []
                var start = began[dated[0]].date!
                for (index, row) in dated.enumerated() where index > 0 {
                    let previousEnd = left[dated[index - 1]].date
                    if let previousEnd, began[row].date! > previousEnd {
                        list.append(CarePeriod(start: start, end: previousEnd))
                        start = began[row].date!
                    }
                }
                list.append(CarePeriod(start: start, end: left[dated.last!].date))
                periods[child] = list
            }
            let started = missing.dates(start), children = missing.children
            let outside = prepare(missing)
            for row in missing.rows where started[row].date != nil {
                guard let child = children[row], let list = periods[child] else { continue }
                if list.allSatisfy({ outside(row, $0) }) { flags.flag(row, in: table) }
            }
        }
    }

    /// A period (missing, or a DoLo) outside a period of care: open when the care has ended or
    /// begun before the care did, or ended after the care ended or before it began.
    static func outsidePeriod(started: [FieldDate], ended: [FieldDate]) -> (Int, CarePeriod) -> Bool {
        { row, period in
            let end = ended[row].date
            return (end == nil && period.end != nil)
                || (end == nil && started[row].date.map { $0 < period.start } ?? false)
                || (end.map { end in period.end.map { end > $0 } ?? false } ?? false)
                || (end.map { $0 < period.start } ?? false)
        }
    }
}
