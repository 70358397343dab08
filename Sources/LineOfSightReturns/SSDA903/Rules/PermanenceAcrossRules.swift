import LineOfSightCore

extension SSDA903Rules {
    /// PrevPerm against the child's episodes. DATE_PERM may give `ZZ` for unknown parts
    /// (`FieldDate.permanenceDate`).
    static let permanenceAcross: [SSDA903Rule] = [
        // An episode starting care in the year whose child has no PrevPerm row, or one without
        // PREV_PERM, or one other than Z1 without LA_PERM or DATE_PERM.
        SSDA903Rule("630", "Information on previous permanence option should be returned.",
                    flags: [.episodes: [.rne]], needs: [.episodes, .prevPerm]) { context, flags in
            let episodes = context[.episodes], prevPerm = context[.prevPerm]
            let startsCare = episodes[.rne].matching("S"), began = episodes.dates(.decom), start = context.collectionStart
            let option = prevPerm[.prevPerm], none = option.matching("Z1"), place = prevPerm[.laPerm], date = prevPerm[.datePerm]
            let permRows = ChildJoin(from: episodes, to: prevPerm)
            for row in episodes.rows where startsCare[row] && (began[row].date.map { $0 >= start } ?? false) {
                let rows = permRows[row]
                if rows.isEmpty || rows.contains(where: { other in
                    option.isBlank(other) || (!none[other] && (place.isBlank(other) || date.isBlank(other)))
                }) { flags.flag(row, in: .episodes) }
            }
        },
        // The child's first episode against a DATE_PERM on or after its start, or not a date.
        SSDA903Rule("632", "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
                    flags: [.episodes: [.decom], .prevPerm: [.datePerm]], needs: [.episodes, .prevPerm]) { context, flags in
            let episodes = context[.episodes], prevPerm = context[.prevPerm]
            let began = episodes.dates(.decom), date = prevPerm[.datePerm]
            let permanence = date.values.map { FieldDate.permanenceDate($0) }
            let permRows = ChildJoin(from: episodes, to: prevPerm)
            for row in chosen(episodes, context, where: { _ in true }, pick: .earliest) {
                let start = began[row].date!
                for other in permRows[row] where !date.isBlank(other) {
                    let when = permanence[Int(date.ids[other])]
                    if when.map({ $0 >= start }) ?? true {
                        flags.flag(row, in: .episodes)
                        flags.flag(other, in: .prevPerm)
                    }
                }
            }
        },
        // PrevPerm completed for a child whose latest episode began before the year: the row
        // and every episode of the child.
        SSDA903Rule("634", "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
                    flags: [.prevPerm: [.laPerm, .prevPerm, .datePerm], .episodes: [.decom]], needs: [.episodes, .prevPerm]) { context, flags in
            let episodes = context[.episodes], prevPerm = context[.prevPerm]
            let began = episodes.dates(.decom), items = [prevPerm[.prevPerm], prevPerm[.datePerm], prevPerm[.laPerm]]
            let episodeRows = ChildJoin(from: prevPerm, to: episodes), start = context.collectionStart
            let children = prevPerm.children
            for row in prevPerm.rows where !children.isBlank(row) && items.contains(where: { !$0.isBlank(row) }) {
                let rows = episodeRows[row]
                guard let latest = rows.compactMap({ began[$0].date }).max(), latest < start else { continue }
                flags.flag(row, in: .prevPerm)
                rows.forEach { flags.flag($0, in: .episodes) }
            }
        },
    ]
}
