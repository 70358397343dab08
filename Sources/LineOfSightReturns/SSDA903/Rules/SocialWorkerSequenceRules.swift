import LineOfSightCore

extension SSDA903Rules {
    /// SWEpisodes: completeness by year, and each child's social worker episodes in order.
    static let socialWorkerSequence: [SSDA903Rule] = [
        // An open episode (not V3/V4) of a child with no social worker episode, or one with an
        // item missing. The DfE tool reports these Episodes rows as rows of SWEpisodes (the
        // deviations note); we report them in Episodes.
        SSDA903Rule("SW01STG1", "Child looked after on 31 March, but no social worker episode information is reported",
                    flags: [.episodes: [.dec]], needs: [.episodes, .swEpisodes], years: .lac2023_24 ... .lac2023_24) { context, flags in
            let episodes = context[.episodes], social = context[.swEpisodes]
            let ended = episodes[.dec], respite = episodes[.ls].matching(["V3", "V4"])
            let items = [social[.swID], social[.swDECOM], social[.swReason]], socialRows = ChildJoin(from: episodes, to: social)
            for row in episodes.rows where ended.isBlank(row) && !respite[row] {
                let rows = socialRows[row]
                if rows.isEmpty || rows.contains(where: { other in items.contains { $0.isBlank(other) } }) {
                    flags.flag(row, in: .episodes)
                }
            }
        },
        .eachRow("SW03STG1", "For each social worker episode, information should be complete.",
                 table: .swEpisodes, columns: [.swID, .swDECOM, .swReason], years: .lac2023_24 ... .lac2023_24) { episodes, _ in
            let items = [episodes[.swID], episodes[.swDECOM], episodes[.swReason]]
            return { row in items.contains { $0.isBlank(row) } }
        },
        // A start that is not a date; or, before (2024/25 "a") or from (2024/25 "b") April 2023,
        // an item missing.
        .eachRow("SW01aSTG1", "For each social worker episode, information should be complete",
                 table: .swEpisodes, columns: [.swDECOM, .swID], years: .lac2024_25 ... .lac2024_25) { episodes, _ in
            let began = episodes.dates(.swDECOM), id = episodes[.swID], april = CivilDate(year: 2023, month: 4, day: 1)!
            return { row in
                guard let start = began[row].date else { return true }
                return start < april && id.isBlank(row)
            }
        },
        .eachRow("SW01bSTG1", "For each social worker episode, information should be complete",
                 table: .swEpisodes, columns: [.swDECOM, .swID, .swReason], years: .lac2024_25 ... .lac2024_25) { episodes, _ in
            let began = episodes.dates(.swDECOM), id = episodes[.swID], reason = episodes[.swReason]
            let april = CivilDate(year: 2023, month: 4, day: 1)!
            return { row in
                guard let start = began[row].date else { return true }
                return start >= april && (id.isBlank(row) || reason.isBlank(row))
            }
        },
        // Every episode of a child but the latest (by start; one whose start is not a date
        // counts as latest) without an end that is a date.
        SSDA903Rule("SW08STG2", "A new social worker episode has started, but the previous episode has not ended.",
                    table: .swEpisodes, columns: [.swDEC], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, _, flags in
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            for rows in episodes.children.rowsByValue().present {
                let latest = latestSocialWorkerEpisode(rows, began)
                for row in rows where row != latest && ended[row].date == nil && began[row].date != nil { flags.flag(row) }
            }
        },
        // Ended on the day it began, as written; from 2025/26, less than three days after it began.
        .eachRow("SW09STG2", "Social worker episode appears to have lasted for less than 24 hours.",
                 table: .swEpisodes, columns: [.swDECOM, .swDEC], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context in
            let beganText = episodes[.swDECOM], endedText = episodes[.swDEC]
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            if context.ruleSet < .lac2025_26 {
                return { row in !beganText.isBlank(row) && beganText[row] == endedText[row] }
            }
            return { row in
                guard let start = began[row].date, let end = ended[row].date else { return false }
                return start.days(to: end) < 3
            }
        },
        // Every episode of a child but the last (by start, then file order) without an end.
        SSDA903Rule("SW14STG2", "Social worker episode date ceased is blank.",
                    table: .swEpisodes, columns: [.swDEC], years: .lac2023_24 ... .lac2023_24) { episodes, _, flags in
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            let groups = episodes.children.rowsByValue()
            for id in 0..<episodes.children.values.count {
                let rows = groups[id]
                guard let last = rows.sorted(by: { EpisodeHistory.earlier(began[$0], $0, than: began[$1], $1) }).last else { continue }
                for row in rows where row != last && ended[row].date == nil { flags.flag(row) }
            }
        },
        // The child's latest episode (by start) has an end.
        SSDA903Rule("SW17STG2", "There is no social worker episode open at 31 March",
                    table: .swEpisodes, columns: [.swDEC, .swDECOM], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _, flags in
            let began = episodes.dates(.swDECOM), ended = episodes[.swDEC]
            let groups = episodes.children.rowsByValue()
            for id in 0..<episodes.children.values.count {
                let rows = groups[id]
                guard !rows.isEmpty else { continue }
                let latest = rows.compactMap { began[$0].date }.max()
                let row = latest.map { date in rows.first { began[$0].date == date }! } ?? rows.first!
                if !ended.isBlank(row) { flags.flag(row) }
            }
        },
        .eachRow("SW18STG2", "The end date of the social worker episode is before the start date",
                 table: .swEpisodes, columns: [.swDEC, .swDECOM], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _ in
            let began = episodes.dates(.swDECOM), ended = episodes.dates(.swDEC)
            return { row in
                guard let start = began[row].date, let end = ended[row].date else { return false }
                return end <= start
            }
        },
    ]

    /// A child's latest social worker episode by start: one whose start is not a date if any
    /// (the last such in the file), else the latest start (the last of equal starts in the file).
    static func latestSocialWorkerEpisode(_ rows: ArraySlice<Int>, _ began: [FieldDate]) -> Int? {
        if let undated = rows.last(where: { began[$0].date == nil }) { return undated }
        return rows.max { began[$0].date! <= began[$1].date! ? true : false }
    }
}
