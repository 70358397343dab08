import LineOfSightCore

extension SSDA903Rules {
    /// Whether a care leaver's episodes, this year's and last year's, make them a relevant or
    /// former relevant child: 13 weeks (91 days) in care since their 14th birthday, some of it
    /// after their 16th, and not adopted.
    static let careLeaverEligibility: [SSDA903Rule] = [
        // Episodes of both years, one per child and start (the one that ended first; one that has
        // not ended last); the child's latest episode, when open, counts to the year's end;
        // short breaks (V3/V4) do not count. As in the DfE tool, a care leaver without a Header
        // row whose DOB is a date, or aged 20 or more at the year's end, has no time in care and
        // is flagged (unless no child of the return has any time counted at all); any table
        // empty, and nothing is flagged.
        SSDA903Rule("1001", "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.episodes, .oc3, .header], previous: [.episodes]) { context, flags in
            let oc3 = context[.oc3], header = context[.header], tables = [context[.episodes], context.previous(.episodes)]
            guard !tables.contains(where: { $0.rowCount == 0 }), oc3.rowCount > 0, header.rowCount > 0 else { return }
            let end = context.collectionEnd
            // Each child's episodes of both years, in a list a child: the child's number found
            // once per distinct CHILD of each table, not once a row.
            let number = ChildNumbering(tables)
            var episodes: [[CareEpisode]] = Array(repeating: [], count: number.count)
            for (data, numbers) in zip(tables, number.numbers) {
                let began = data.dates(.decom), left = data.dates(.dec), children = data.children
                let respite = data[.ls].matching(["V3", "V4"]), adopted = data[.rec].matching(["E11", "E12"])
                for row in data.rows {
                    let episode = CareEpisode(start: began[row].date, end: left[row].date, respite: respite[row], adopted: adopted[row])
                    keep(episode, in: &episodes[numbers[Int(children.ids[row])]])
                }
            }
            var adopted = Set<Int>()
            for (child, list) in episodes.enumerated() {
                guard let latest = list.indices.filter({ list[$0].start != nil }).max(by: { list[$0].start! < list[$1].start! })
                else { continue }
                if list[latest].adopted { adopted.insert(child) }
                if list[latest].end == nil { episodes[child][latest].end = end }
            }
            // Days in care since the 14th and 16th birthdays, for each Header row (of a child
            // under 20 at the year's end) that has an episode other than a short break.
            let born = header.dates(.dob)
            // By the child's number: a Header row's child with an episode has one.
            var totals: [Int: (fourteen: Int, sixteen: Int)] = [:]
            for row in header.rows {
                guard let birth = born[row].date, birth.adding(years: 20) > end else { continue }
                guard let child = number.number(of: header.children[row] ?? "") else { continue }
                let counted = episodes[child].filter { !$0.respite }
                guard !counted.isEmpty else { continue }
                let fourteen = birth.adding(years: 14), sixteen = birth.adding(years: 16)
                var total = totals[child] ?? (0, 0)
                for episode in counted {
                    guard let ended = episode.end else { continue }
                    total.fourteen += max(0, max(episode.start ?? fourteen, fourteen).days(to: ended))
                    total.sixteen += max(0, max(episode.start ?? sixteen, sixteen).days(to: ended))
                }
                totals[child] = total
            }
            guard !totals.isEmpty else { return }
            for row in oc3.rows {
                let child = number.number(of: oc3.children[row] ?? "")
                let eligible = child.flatMap { totals[$0] }.map { $0.fourteen >= 91 && $0.sixteen >= 1 } ?? false
                if child.map(adopted.contains) == true || !eligible { flags.flag(row, in: .oc3) }
            }
        },
    ]

    /// A child's episode of either year, unless one starting the same day is kept: then the one
    /// that ended first (one not ended counts as last).
    private static func keep(_ episode: CareEpisode, in list: inout [CareEpisode]) {
        guard let same = list.firstIndex(where: { $0.start == episode.start }) else {
            list.append(episode)
            return
        }
        if let ended = episode.end, list[same].end.map({ ended < $0 }) ?? true { list[same] = episode }
    }

    /// An episode of either year, as 1001 counts it.
    struct CareEpisode {
        let start: CivilDate?
        var end: CivilDate?
        let respite: Bool
        let adopted: Bool
    }
}
