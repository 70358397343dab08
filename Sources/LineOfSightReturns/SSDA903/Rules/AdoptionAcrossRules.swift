import LineOfSightCore

extension SSDA903Rules {
    /// AD1 and PlacedAdoption against the child's episodes and each other. Where the DfE tool
    /// picks a child's first or last episode of a kind, the earliest or latest start that is a
    /// date (the first in the file on a tie); a child with none has no such episode.
    static let adoptionAcross: [SSDA903Rule] = [
        // The child's latest episode ending care (REC other than X1, blank included).
        pair("117", "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
             episodes: [.dec, .rec, .decom], other: .placedAdoption, [.datePlacedCeased, .datePlaced],
             choose: { episodes, _ in
                 let continues = episodes[.rec].matching("X1")
                 return { row in !continues[row] }
             }, pick: .latest) { episodes, placed, context in
            let ended = episodes.dates(.dec), decided = placed.dates(.datePlaced), reversed = placed.dates(.datePlacedCeased)
            let end = context.collectionEnd
            return { row, other in
                let end2 = ended[row].date
                return [decided[other].date, reversed[other].date].contains { date in
                    guard let date else { return false }
                    return date > end || (end2.map { date > $0 } ?? false)
                }
            }
        },
        // The child's first episode under a legal status other than V3 or V4.
        pair("118", "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
             episodes: [.decom, .ls], other: .placedAdoption, [.datePlacedCeased],
             choose: { episodes, _ in
                 let respite = episodes[.ls].matching(["V3", "V4"])
                 return { row in !respite[row] }
             }, pick: .earliest) { episodes, placed, context in
            let began = episodes.dates(.decom), reversed = placed.dates(.datePlacedCeased), start = context.collectionStart
            return { row, other in
                guard let date = reversed[other].date else { return false }
                return date < start || (began[row].date.map { date < $0 } ?? false)
            }
        },
        pair("331", "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
             episodes: [.decom, .rec], other: .ad1, [.dateMatch],
             choose: { episodes, _ in
                 let adopted = episodes[.rec].matching(["E11", "E12"])
                 return { row in adopted[row] }
             }) { episodes, ad1, _ in
            let began = episodes.dates(.decom), matched = ad1.dates(.dateMatch)
            return { row, other in
                guard let start = began[row].date, let match = matched[other].date else { return false }
                return match > start
            }
        },
        // The child's latest episode starting care (RNE S).
        pair("334", "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.",
             episodes: [.decom, .rne], other: .ad1, [.dateInt],
             choose: { episodes, _ in
                 let startsCare = episodes[.rne].matching("S")
                 return { row in startsCare[row] }
             }, pick: .latest) { episodes, ad1, _ in
            let began = episodes.dates(.decom), decided = ad1.dates(.dateInt)
            return { row, other in
                guard let start = began[row].date, let decision = decided[other].date else { return false }
                return decision < start
            }
        },
        pair("335", "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
             episodes: [.place], other: .ad1, [.fosterCare],
             choose: { episodes, _ in
                 let adopted = episodes[.rec].matching(["E1", "E11", "E12"])
                 return { row in adopted[row] }
             }) { episodes, ad1, _ in
            let byCarers = episodes[.place].matching(["A2", "A3", "A5"]), byOthers = episodes[.place].matching(["A1", "A4", "A6"])
            let notCarers = ad1[.fosterCare].matching("0"), carers = ad1[.fosterCare].matching("1")
            return { row, other in (byCarers[row] && notCarers[other]) || (byOthers[row] && carers[other]) }
        },
        pair("521", "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
             episodes: [.place, .decom], other: .ad1, [.dateInt],
             choose: { episodes, _ in
                 let placed = episodes[.place].matching(adoptionPlacements)
                 return { row in placed[row] }
             }) { episodes, ad1, _ in
            let began = episodes.dates(.decom), decided = ad1.dates(.dateInt)
            return { row, other in
                guard let start = began[row].date, let decision = decided[other].date else { return false }
                return decision > start
            }
        },
        // The child's first adoption placement, against the latest decision.
        SSDA903Rule("552", "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.",
                    flags: [.placedAdoption: [.datePlaced], .episodes: [.decom]], needs: [.episodes, .placedAdoption]) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let adoption = episodes[.place].matching(adoptionPlacements), began = episodes.dates(.decom)
            let decided = placed.dates(.datePlaced), placedRows = ChildJoin(from: episodes, to: placed)
            for row in chosen(episodes, context, where: { adoption[$0] }, pick: .earliest) {
                let decisions = placedRows[row].filter { decided[$0].date != nil }
                guard let latest = decisions.max(by: { decided[$0].date! < decided[$1].date! }),
                      let start = began[row].date, start < decided[latest].date! else { continue }
                // max(by:) keeps the last of equal maxima; the DfE tool (idxmax) the first.
                let first = decisions.first { decided[$0].date == decided[latest].date }!
                flags.flag(row, in: .episodes)
                flags.flag(first, in: .placedAdoption)
            }
        },
        // The first E1 episode (placement order) against each decision.
        pair("554", "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
             episodes: [.decom, .ls], other: .placedAdoption, [.datePlaced],
             choose: { episodes, _ in
                 let order = episodes[.ls].matching("E1")
                 return { row in order[row] }
             }, pick: .earliest) { episodes, placed, _ in
            let began = episodes.dates(.decom), decided = placed.dates(.datePlaced)
            return { row, other in
                guard let start = began[row].date, let decision = decided[other].date else { return false }
                return decision > start
            }
        },
        // The child's first episode starting care.
        pair("1003", "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
             episodes: [.decom, .rne], other: .placedAdoption, [.datePlaced],
             choose: { episodes, _ in
                 let startsCare = episodes[.rne].matching("S")
                 return { row in startsCare[row] }
             }, pick: .earliest) { episodes, placed, _ in
            let began = episodes.dates(.decom), decided = placed.dates(.datePlaced)
            return { row, other in
                guard let start = began[row].date, let decision = decided[other].date else { return false }
                return decision < start
            }
        },
        SSDA903Rule("556", "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
                    flags: [.episodes: [.decom]], needs: [.episodes, .placedAdoption], years: SSDA903RuleSet.through(.lac2023_24)) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let freed = episodes[.ls].matching("D1"), began = episodes.dates(.decom), decided = placed.dates(.datePlaced)
            let placedRows = ChildJoin(from: episodes, to: placed)
            for row in episodes.rows where freed[row] {
                guard let start = began[row].date else { continue }
                if placedRows[row].contains(where: { decided[$0].date.map { $0 > start } ?? false }) { flags.flag(row, in: .episodes) }
            }
        },
        SSDA903Rule("551", "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
                    flags: [.episodes: [.place]], needs: [.episodes, .placedAdoption]) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let adoption = episodes[.place].matching(adoptionPlacements), decided = placed[.datePlaced]
            let placedRows = ChildJoin(from: episodes, to: placed)
            for row in episodes.rows where adoption[row] {
                let rows = placedRows[row]
                if rows.isEmpty || rows.contains(where: { decided.isBlank($0) }) { flags.flag(row, in: .episodes) }
            }
        },
        orderWithoutDecision("553", "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
                             status: "E1"),
        orderWithoutDecision("555", "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
                             status: "D1", years: SSDA903RuleSet.through(.lac2023_24)),
        // An episode of a child placed for adoption (or under an order) who left care other than
        // by adoption, with no decision row or one whose reversal is incomplete.
        SSDA903Rule("557", "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
                    flags: [.episodes: [.place, .ls, .rec], .placedAdoption: [.datePlacedCeased, .reasonPlacedCeased]],
                    needs: [.episodes, .placedAdoption]) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let adoption = episodes[.place].matching(adoptionPlacements)
            let order = episodes[.ls].matching(context.ruleSet >= .lac2024_25 ? ["E1"] : ["D1", "E1"])
            let reason = episodes[.rec], adoptedOrContinues = reason.matching(["E11", "E12", "X1"])
            let reversed = placed[.datePlacedCeased], why = placed[.reasonPlacedCeased]
            let placedRows = ChildJoin(from: episodes, to: placed)
            for row in episodes.rows where (adoption[row] || order[row]) && !reason.isBlank(row) && !adoptedOrContinues[row] {
                let rows = placedRows[row]
                if rows.isEmpty { flags.flag(row, in: .episodes) }
                for other in rows where reversed.isBlank(other) || why.isBlank(other) {
                    flags.flag(row, in: .episodes)
                    flags.flag(other, in: .placedAdoption)
                }
            }
        },
        SSDA903Rule("523", "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
                    flags: [.placedAdoption: [.datePlaced], .ad1: [.dateInt]], needs: [.placedAdoption, .ad1]) { context, flags in
            let placed = context[.placedAdoption], ad1 = context[.ad1]
            let decided = placed.dates(.datePlaced), best = ad1.dates(.dateInt), ad1Rows = ChildJoin(from: placed, to: ad1)
            for row in placed.rows {
                guard let decision = decided[row].date else { continue }
                for other in ad1Rows[row] where best[other].date.map({ $0 != decision }) ?? false {
                    flags.flag(row, in: .placedAdoption)
                    flags.flag(other, in: .ad1)
                }
            }
        },
        SSDA903Rule("525", "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
                    flags: [.placedAdoption: [.datePlacedCeased], .ad1: [.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr]],
                    needs: [.placedAdoption, .ad1]) { context, flags in
            let placed = context[.placedAdoption], ad1 = context[.ad1]
            let reversed = placed[.datePlacedCeased], ad1Rows = ChildJoin(from: placed, to: ad1)
            let items = [SSDA903Column.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr].map { ad1[$0] }
            for row in placed.rows where !reversed.isBlank(row) {
                for other in ad1Rows[row] where items.contains(where: { !$0.isBlank(other) }) {
                    flags.flag(row, in: .placedAdoption)
                    flags.flag(other, in: .ad1)
                }
            }
        },
    ]

    static let adoptionPlacements: Set<String> = ["A3", "A4", "A5", "A6"]

    enum Pick { case every, earliest, latest }

    /// The episodes `include` keeps: every one, or each child's earliest or latest by start (a
    /// start that is a date; the first in the file on a tie).
    static func chosen(_ episodes: SSDA903TableData, _ context: SSDA903Context, where include: (Int) -> Bool,
                       pick: Pick) -> [Int] {
        guard pick != .every else { return episodes.rows.filter(include) }
        let began = episodes.dates(.decom)
        var rows: [Int] = []
        // Searched in place, not filtered into an array a child: this runs for every child.
        func counted(_ row: Int) -> Bool { include(row) && began[row].date != nil }
        for child in context.episodeHistory.children {
            if pick == .earliest {
                if let first = child.first(where: counted) { rows.append(first) }
            } else if let latest = child.last(where: counted) {
                let last = began[latest].date
                rows.append(child.first { counted($0) && began[$0].date == last }!)
            }
        }
        return rows.sorted()
    }

    /// An episode (every one `choose` keeps, or each child's earliest or latest of them) against
    /// each row of `other` with the same CHILD; a pair at fault flags both rows.
    private static func pair(
        _ code: String, _ message: String, episodes episodeColumns: [SSDA903Column],
        other: SSDA903Table, _ otherColumns: [SSDA903Column],
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        choose: @escaping @Sendable (SSDA903TableData, SSDA903Context) -> (Int) -> Bool, pick: Pick = .every,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903TableData, SSDA903Context) -> (Int, Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.episodes: episodeColumns, other: otherColumns], needs: [.episodes, other],
                    years: years) { context, flags in
            let episodes = context[.episodes], data = context[other]
            let atFault = prepare(episodes, data, context), otherRows = ChildJoin(from: episodes, to: data)
            for row in chosen(episodes, context, where: choose(episodes, context), pick: pick) {
                for otherRow in otherRows[row] where atFault(row, otherRow) {
                    flags.flag(row, in: .episodes)
                    flags.flag(otherRow, in: other)
                }
            }
        }
    }

    /// Episodes under an order with no PlacedAdoption row for the child; and PlacedAdoption rows
    /// with a reversal (date or reason) for a child whose episode under the order is open.
    private static func orderWithoutDecision(_ code: String, _ message: String, status: String,
                                             years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.episodes: [.child], .placedAdoption: [.child, .datePlaced, .datePlacedCeased, .reasonPlacedCeased]],
                    needs: [.episodes, .placedAdoption], years: years) { context, flags in
            let episodes = context[.episodes], placed = context[.placedAdoption]
            let order = episodes[.ls].matching(status), ended = episodes[.dec]
            let reversed = placed[.datePlacedCeased], why = placed[.reasonPlacedCeased]
            let placedRows = ChildJoin(from: episodes, to: placed)
            for row in episodes.rows where order[row] {
                let rows = placedRows[row]
                if rows.isEmpty { flags.flag(row, in: .episodes) }
                guard ended.isBlank(row) else { continue }
                for other in rows where !reversed.isBlank(other) || !why.isBlank(other) { flags.flag(other, in: .placedAdoption) }
            }
        }
    }
}
