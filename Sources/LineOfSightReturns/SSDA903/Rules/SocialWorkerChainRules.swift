import LineOfSightCore

extension SSDA903Rules {
    /// SWEpisodes as a chain: each social worker episode of a child against the one before it,
    /// the chain's end against 31 March, and the chain against the child's episodes of care.
    static let socialWorkerChains: [SSDA903Rule] = [
        // A start more than 7 days from the previous episode's end, or either not a date; from
        // 2024/25 not for a first contact (FCONTA), which SW10bSTG2 judges from 2025/26.
        SSDA903Rule("SW10STG2", "A new social worker episode has started before the end date of the previous social worker episode.",
                    table: .swEpisodes, columns: [.swDECOM], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context, flags in
            let firstContactExempt = context.ruleSet >= .lac2024_25
            forEachSocialWorkerPair(episodes, flagging: &flags, notFirstContact: firstContactExempt) { began, endedBefore in
                !(began.map { start in endedBefore.map { abs($0.days(to: start)) <= 7 } ?? false } ?? false)
            }
        },
        SSDA903Rule("SW10aSTG2", "A new social worker episode has started and it is not within +/- 7 days of a previous episode.",
                    table: .swEpisodes, columns: [.swDECOM], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _, flags in
            forEachSocialWorkerPair(episodes, flagging: &flags, notFirstContact: true) { began, endedBefore in
                !(began.map { start in endedBefore.map { abs($0.days(to: start)) <= 7 } ?? false } ?? false)
            }
        },
        // A first contact on or before the previous episode's end.
        SSDA903Rule("SW10bSTG2", "A new social worker episode has started with a reason of first contact before the previous episode has ended.",
                    table: .swEpisodes, columns: [.swDECOM, .swReason], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _, flags in
            let firstContact = episodes[.swReason].matching("FCONTA"), began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            for rows in episodes.childGroups.present where rows.count > 1 {
                let ordered = socialWorkerOrder(rows, began, ended)
                for index in 1..<ordered.count where firstContact[ordered[index]] {
                    let row = ordered[index]
                    if let start = began[row].date, let end = ended[ordered[index - 1]].date, start <= end { flags.flag(row) }
                }
            }
        },
        // (2023/24) After an episode that ended by 26 March (5 days before the year's end), a
        // start that is not a date or more than 5 days from that end.
        SSDA903Rule("SW11aSTG2", "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
                    table: .swEpisodes, columns: [.swDEC], years: .lac2023_24 ... .lac2023_24) { episodes, context, flags in
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC), by = context.collectionEnd.adding(days: -5)
            for rows in episodes.childGroups.present where rows.count > 1 {
                let ordered = rows.sorted { EpisodeHistory.earlier(began[$0], $0, than: began[$1], $1) }
                for index in 1..<ordered.count {
                    let row = ordered[index]
                    guard let end = ended[ordered[index - 1]].date, end <= by else { continue }
                    if !(began[row].date.map { abs(end.days(to: $0)) <= 5 } ?? false) { flags.flag(row) }
                }
            }
        },
        // An episode ended in the year's last 5 days: a child's only episode; the episode after
        // one so ended, when its start is not a date; and (as the DfE tool reads it) an episode
        // so ended that began after the start of the child's episode before it.
        SSDA903Rule("SW11bSTG2", "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
                    table: .swEpisodes, columns: [.swDEC], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context, flags in
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            let end = context.collectionEnd, from = end.adding(days: -5)
            func lastDays(_ row: Int) -> Bool { ended[row].date.map { from <= $0 && $0 <= end } ?? false }
            for rows in episodes.childGroups.present {
                if rows.count == 1 {
                    if lastDays(rows.first!) { flags.flag(rows.first!) }
                    continue
                }
                let ordered = rows.sorted { EpisodeHistory.earlier(began[$0], $0, than: began[$1], $1) }
                for index in 1..<ordered.count {
                    let row = ordered[index], before = ordered[index - 1]
                    if lastDays(before) && began[row].date == nil { flags.flag(row) }
                }
                // Each dated episode against the next later start (the DfE tool walks them latest
                // first, starts that are not dates last).
                for index in 1..<ordered.count {
                    let row = ordered[index - 1], later = ordered[index]
                    guard lastDays(later), let start = began[row].date, began[later].date != nil,
                          let laterEnd = ended[later].date else { continue }
                    if start < laterEnd { flags.flag(later) }
                }
            }
        },
        // An episode of care beginning (RNE S) or ending (REC other than X1) care, not a short
        // break, paired with each social worker episode of the child (or none): flagged when a
        // pair has neither a social worker episode begun on or after the care began (RNE S) nor
        // one begun on or before it ended (not X1). From 2024/25 only episodes open or ended
        // from a year before the collection year began.
        SSDA903Rule("SW12STG2", "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
                    flags: [.episodes: [.decom, .dec]], needs: [.episodes, .swEpisodes], years: SSDA903RuleSet.from(.lac2023_24)) { context, flags in
            let episodes = context[.episodes], social = context[.swEpisodes]
            let began = episodes.dates(.decom), left = episodes.dates(.dec)
            let beginsCare = episodes[.rne].matching("S"), notCeased = episodes[.rec].matching("X1")
            let respite = episodes[.ls].matching(["V3", "V4"]), started = social.dates(.swDECOM)
            let socialRows = ChildJoin(from: episodes, to: social)
            let from = context.collectionStart.adding(days: -365), end = context.collectionEnd, limited = context.ruleSet >= .lac2024_25
            for row in episodes.rows where !respite[row] && (beginsCare[row] || !notCeased[row]) {
                if limited, let dec = left[row].date, dec < from || dec > end { continue }
                let begins = beginsCare[row], ends = !notCeased[row]
                func unmatched(_ start: CivilDate?) -> Bool {
                    let beforeEnd = ends && (start.map { start in left[row].date.map { start <= $0 } ?? false } ?? false)
                    let afterStart = begins && (start.map { start in began[row].date.map { start >= $0 } ?? false } ?? false)
                    return !beforeEnd && !afterStart
                }
                let rows = socialRows[row]
                if rows.isEmpty ? unmatched(nil) : rows.contains(where: { unmatched(started[$0].date) }) { flags.flag(row, in: .episodes) }
            }
        },
    ]

    /// A child's social worker episodes by start, then end (dates before cells that are not
    /// dates, then file order), as the DfE tool sorts them for the SW10 rules.
    private static func socialWorkerOrder(_ rows: ArraySlice<Int>, _ began: [FieldDate], _ ended: [FieldDate]) -> [Int] {
        func order(_ x: CivilDate?, _ y: CivilDate?) -> Int {
            switch (x, y) {
            case let (x?, y?): x < y ? -1 : (x == y ? 0 : 1)
            case (.some, .none): -1
            case (.none, .some): 1
            case (.none, .none): 0
            }
        }
        return rows.sorted { a, b in
            let byStart = order(began[a].date, began[b].date)
            if byStart != 0 { return byStart < 0 }
            let byEnd = order(ended[a].date, ended[b].date)
            return byEnd != 0 ? byEnd < 0 : a < b
        }
    }

    /// Each social worker episode after a child's first (in `socialWorkerOrder`), with the end of
    /// the one before, flagged when `atFault(start, previous end)`; a first contact is let be
    /// when `notFirstContact`.
    private static func forEachSocialWorkerPair(
        _ episodes: SSDA903TableData, flagging flags: inout SSDA903Flags, notFirstContact: Bool,
        atFault: (CivilDate?, CivilDate?) -> Bool
    ) {
        let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC), firstContact = episodes[.swReason].matching("FCONTA")
        for rows in episodes.childGroups.present where rows.count > 1 {
            let ordered = socialWorkerOrder(rows, began, ended)
            for index in 1..<ordered.count {
                let row = ordered[index]
                if notFirstContact && firstContact[row] { continue }
                if atFault(began[row].date, ended[ordered[index - 1]].date) { flags.flag(row) }
            }
        }
    }
}
