import LineOfSightCore

extension SSDA903Rules {
    /// OC3 (care leavers) and AD1 against each other, Episodes and UASC; V3/V4-only children;
    /// PrevPerm's local authority.
    static let careLeaversAcross: [SSDA903Rule] = [
        SSDA903Rule("134", "Data on adoption should not be entered for the OC3 cohort.",
                    flags: [.ad1: adoptionItems], needs: [.ad1, .oc3]) { context, flags in
            let ad1 = context[.ad1], oc3 = context[.oc3]
            let items = adoptionItems.map { ad1[$0] }, leaver = leaverItems(oc3), oc3Rows = ChildJoin(from: ad1, to: oc3)
            for row in ad1.rows where items.contains(where: { !$0.isBlank(row) }) {
                if oc3Rows[row].contains(where: leaver) { flags.flag(row, in: .ad1) }
            }
        },
        .eachRow("151", "All data items relating to a childs adoption must be coded or left blank.",
                 table: .ad1, columns: adoptionItems) { ad1, _ in
            let items = adoptionItems.map { ad1[$0] }
            return { row in
                let given = items.filter { !$0.isBlank(row) }.count
                return given != 0 && given != items.count
            }
        },
        SSDA903Rule("187", "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
                    flags: [.ad1: adoptionItems, .oc3: [.inTouch, .activ, .accom]], needs: [.ad1, .oc3, .episodes]) { context, flags in
            let continuous = context.continuouslyLookedAfter()
            for (table, columns) in [(SSDA903Table.oc3, [SSDA903Column.inTouch, .activ, .accom]), (.ad1, adoptionItems)] {
                let data = context[table], items = columns.map { data[$0] }, children = data.children
                for row in data.rows where children[row].map(continuous.contains) ?? false {
                    if items.contains(where: { !$0.isBlank(row) }) { flags.flag(row, in: table) }
                }
            }
        },
        .eachRow("391", "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
                 table: .oc3, columns: [.dob, .inTouch, .activ, .accom]) { oc3, context in
            let born = oc3.dates(.dob), leaver = leaverItems(oc3), end = context.collectionEnd
            return { row in (born[row].date.map { $0.adding(years: 17) > end } ?? false) && leaver(row) }
        },
        // Under 18 (as 18 × 365.2425 days, numpy's year) on 1 April.
        .eachRow("347", "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
                 table: .oc3, columns: [.accom], years: SSDA903RuleSet.from(.lac2023_24)) { oc3, context in
            let born = oc3.dates(.dob), foyer = oc3[.accom].matching("T"), start = context.collectionStart
            return { row in foyer[row] && (born[row].date.map { Double($0.days(to: start)) < 18 * 365.2425 } ?? false) }
        },
        // Looked after on the 17th or 18th birthday that fell in the year to 31 March: an
        // episode that began on or before it and ended after it (an open episode does not count,
        // as in the DfE tool).
        SSDA903Rule("1007", "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes]) { context, flags in
            let oc3 = context[.oc3], episodes = context[.episodes], end = context.collectionEnd
            let born = oc3.dates(.dob), leaver = leaverItems(oc3), episodeRows = ChildJoin(from: oc3, to: episodes)
            let began = episodes.dates(.decom), left = episodes.dates(.dec)
            for row in oc3.rows where leaver(row) {
                guard let birth = born[row].date, birth.adding(years: 17) <= end, birth.adding(years: 19) > end else { continue }
                var birthday = CivilDate(year: end.year, month: birth.month, day: birth.day) ?? birth.adding(years: end.year - birth.year)
                if birthday > end { birthday = birthday.adding(years: -1) }
                if episodeRows[row].contains(where: { episode in
                    guard let first = began[episode].date, let last = left[episode].date else { return false }
                    return first <= birthday && last > birthday
                }) { flags.flag(row, in: .oc3) }
            }
        },
        // Aged 17 (or 18) at 31 March, in numpy years of 365.2425 days, with an episode ending
        // on or after the 17th (or 18th) birthday.
        SSDA903Rule("1016", "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes],
                    years: SSDA903RuleSet.from(.lac2023_24)) { context, flags in
            let oc3 = context[.oc3], episodes = context[.episodes], end = context.collectionEnd
            let born = oc3.dates(.dob), leaver = leaverItems(oc3), episodeRows = ChildJoin(from: oc3, to: episodes)
            let left = episodes.dates(.dec)
            for row in oc3.rows where leaver(row) {
                guard let birth = born[row].date else { continue }
                let age = Double(birth.days(to: end)) / 365.2425
                let birthday: Int
                switch age {
                case 17 ..< 18: birthday = 17
                case 18 ..< 19: birthday = 18
                default: continue
                }
                if episodeRows[row].contains(where: { left[$0].date.map { $0 >= birth.adding(years: birthday) } ?? false }) {
                    flags.flag(row, in: .oc3)
                }
            }
        },
        // A UASC child whose episodes all fall outside the year, with care leaver information.
        SSDA903Rule("1014", "UASC information is not required for care leavers",
                    flags: [.uasc: [.duc], .oc3: [.activ, .accom, .inTouch]], needs: [.uasc, .episodes, .oc3]) { context, flags in
            let uasc = context[.uasc], episodes = context[.episodes], oc3 = context[.oc3]
            let began = episodes.dates(.decom), left = episodes.dates(.dec)
            let start = context.collectionStart, end = context.collectionEnd
            let episodeRows = ChildJoin(from: uasc, to: episodes), oc3Rows = ChildJoin(from: uasc, to: oc3)
            let leaver = leaverItems(oc3)
            for row in uasc.rows {
                let rows = episodeRows[row]
                guard !rows.isEmpty else { continue }
                let inYear = rows.contains { episode in
                    guard let first = began[episode].date, first <= end else { return false }
                    return left[episode].date.map { $0 >= start } ?? true
                }
                guard !inYear else { continue }
                for other in oc3Rows[row] where leaver(other) {
                    flags.flag(row, in: .uasc)
                    flags.flag(other, in: .oc3)
                }
            }
        },
        // A child whose every episode is V3 or V4, with MOTHER, or a review, recorded.
        SSDA903Rule("399", "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
                    flags: [.episodes: [.ls], .header: [.mother], .reviews: [.review, .reviewCode]],
                    needs: [.episodes, .header, .reviews]) { context, flags in
            let episodes = context[.episodes], header = context[.header], reviews = context[.reviews]
            let respite = episodes[.ls].matching(["V3", "V4"]), mother = header[.mother]
            let reviewed = reviews[.review], code = reviews[.reviewCode]
            let headerRows = ChildJoin(from: episodes, to: header), reviewRows = ChildJoin(from: episodes, to: reviews)
            for rows in context.episodeHistory.children where rows.allSatisfy({ respite[$0] }) {
                let first = rows[0]
                let mothers = headerRows[first].filter { !mother.isBlank($0) }
                let recorded = reviewRows[first].filter { !reviewed.isBlank($0) || !code.isBlank($0) }
                guard !mothers.isEmpty || !recorded.isEmpty else { continue }
                rows.forEach { flags.flag($0, in: .episodes) }
                for row in headerRows[first] where !mother.isBlank(row) || !recorded.isEmpty { flags.flag(row, in: .header) }
                for row in reviewRows[first] where recorded.contains(row) || !mothers.isEmpty { flags.flag(row, in: .reviews) }
            }
        },
        // The child's latest episode (by start) ended with a transfer to another authority (E3).
        SSDA903Rule("1011", "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes]) { context, flags in
            let oc3 = context[.oc3], episodes = context[.episodes], transferred = episodes[.rec].matching("E3")
            let latest = chosen(episodes, context, where: { _ in true }, pick: .latest)
            let lastRows = Set(latest.filter { transferred[$0] }), episodeRows = ChildJoin(from: oc3, to: episodes)
            let leaver = leaverItems(oc3)
            for row in oc3.rows where leaver(row) && episodeRows[row].contains(where: lastRows.contains) { flags.flag(row, in: .oc3) }
        },
        doloPlacement("709", "Child with a DoLO is in an unexpected placement type.") { !["K2", "Z12", "Z13"].contains($0 ?? "") },
        doloPlacement("710", "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.") {
            ["K1", "P1", "R5", "K3"].contains($0 ?? "")
        },
        .eachRow("633", "Local authority code where previous permanence option was arranged is not a valid value.",
                 table: .prevPerm, columns: [.laPerm]) { prevPerm, _ in
            let place = prevPerm[.laPerm], valid = place.matching(OtherTableCodes.permanenceAuthorities)
            return { row in !place.isBlank(row) && !valid[row] }
        },
    ]

    /// A DoLO (with a start and an end) overlapping an episode of the child whose placement is
    /// at fault: both rows. (The DfE tool's versions read a column PLACEMENT that no table has,
    /// so they never run; these follow the messages.)
    private static func doloPlacement(_ code: String, _ message: String,
                                      atFault: @escaping @Sendable (String?) -> Bool) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.doLo: [.doloStart], .episodes: [.place]], needs: [.doLo, .episodes],
                    years: .lac2026_27 ... .lac2026_27) { context, flags in
            let dolo = context[.doLo], episodes = context[.episodes]
            let started = dolo.dates(.doloStart), ended = dolo.dates(.doloEnd)
            let began = episodes.dates(.decom), left = episodes.dates(.dec), place = episodes[.place]
            let episodeRows = ChildJoin(from: dolo, to: episodes)
            for row in dolo.rows {
                guard let start = started[row].date, let end = ended[row].date else { continue }
                for episode in episodeRows[row] where atFault(place[episode]) {
                    guard let first = began[episode].date, end >= first, left[episode].date.map({ start <= $0 }) ?? true else { continue }
                    flags.flag(row, in: .doLo)
                    flags.flag(episode, in: .episodes)
                }
            }
        }
    }

    /// Whether an OC3 row has any care leaver item.
    static func leaverItems(_ oc3: SSDA903TableData) -> (Int) -> Bool {
        let items = [oc3[.inTouch], oc3[.activ], oc3[.accom]]
        return { row in items.contains { !$0.isBlank(row) } }
    }
}

extension OtherTableCodes {
    /// LA_PERM, rule 633: the old three-digit LA codes, and places outside England.
    static let permanenceAuthorities: Set<String> = Set(("800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,"
        + "381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,"
        + "850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856,"
        + "383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,"
        + "815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,"
        + "871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,"
        + "359,865,384,335,336,212,868,872,885,344,877,213,938,816,999").split(separator: ",").map(String.init))
        .union(["WAL", "SCO", "NUK", "NIR"])
}
