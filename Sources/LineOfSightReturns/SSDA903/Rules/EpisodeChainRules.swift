import LineOfSightCore

extension SSDA903Rules {
    /// Episodes alone: legal statuses and placements that limit one another, short-term breaks,
    /// and what a child's episodes in date order say about each other.
    static let episodeChains: [SSDA903Rule] = [
        .eachRow("214", "Placement location information not required.", table: .episodes, columns: [.plPost, .urn]) { episodes, _ in
            let respite = episodes[.ls].matching(["V3", "V4"]), postcode = episodes[.plPost], urn = episodes[.urn]
            return { row in respite[row] && (!postcode.isBlank(row) || !urn.isBlank(row)) }
        },
        .eachRow("398", "Distance field completed but child looked after under legal status V3 or V4.",
                 table: .episodes, columns: [.ls, .homePost, .plPost]) { episodes, _ in
            let respite = episodes[.ls].matching(["V3", "V4"]), home = episodes[.homePost], placed = episodes[.plPost]
            return { row in respite[row] && (!home.isBlank(row) || !placed.isBlank(row)) }
        },
        // The same postcode, as written, for home and placement outside P1.
        .eachRow("392d", "Home and placement postcodes should not be same unless the placement type is P1.",
                 table: .episodes, columns: [.homePost, .plPost, .place]) { episodes, _ in
            let home = episodes[.homePost], placed = episodes[.plPost], p1 = episodes[.place].matching("P1")
            return { row in !p1[row] && home[row] != nil && home[row] == placed[row] }
        },
        .eachRow("366", "A child cannot change placement during the course of an individual short-term respite break.",
                 table: .episodes, columns: [.rne]) { episodes, _ in
            let respite = episodes[.ls].matching("V3"), startsCare = episodes[.rne].matching("S")
            return { row in respite[row] && !startsCare[row] }
        },
        // An open break runs to 31 March.
        .eachRow("365", "Any individual short- term respite placement must not exceed 17 days.",
                 table: .episodes, columns: [.ls, .decom, .dec]) { episodes, context in
            let respite = episodes[.ls].matching("V3"), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let end = context.collectionEnd
            return { row in
                guard respite[row], let start = began[row].date else { return false }
                let finish: CivilDate? = ended[row] == .missing ? end : ended[row].date
                return finish.map { $0 > start.adding(days: 17) } ?? false
            }
        },
        .eachRow("390", "Reason episode ceased is adopted but child has not been previously placed for adoption.",
                 table: .episodes, columns: [.place, .rec]) { episodes, _ in
            let adopted = episodes[.rec].matching(["E11", "E12"]), placed = episodes[.place].matching(["A3", "A4", "A5", "A6"])
            return { row in adopted[row] && !placed[row] }
        },
        .eachRow("408", "Child is placed for adoption with a placement order, but no placement order has been recorded.",
                 table: .episodes, columns: [.place, .ls]) { episodes, _ in
            let placed = episodes[.place].matching(["A5", "A6"]), order = episodes[.ls].matching("E1")
            return { row in placed[row] && !order[row] }
        },
        .eachRow("445", "D1 is not a valid code for episodes starting after December 2005.",
                 table: .episodes, columns: [.ls, .decom], years: SSDA903RuleSet.through(.lac2023_24)) { episodes, _ in
            let freed = episodes[.ls].matching("D1"), began = episodes.dates(.decom)
            let last = CivilDate(year: 2005, month: 12, day: 31)!
            return { row in freed[row] && (began[row].date.map { $0 > last } ?? false) }
        },
        .eachRow("451", "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
                 table: .episodes, columns: [.dec, .rec, .ls], years: SSDA903RuleSet.through(.lac2023_24)) { episodes, _ in
            let freed = episodes[.ls].matching("D1"), ended = episodes[.dec], reason = episodes[.rec]
            return { row in freed[row] && ended.isBlank(row) && reason.isBlank(row) }
        },
        .eachRow("242", "URN = 'XXXXXXX' can only be used for regional adoption agencies",
                 table: .episodes, columns: [.urn], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _ in
            let agency = episodes[.urn].matching("XXXXXXX")
            let adoption = episodes[.place].matching(["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"])
            return { row in agency[row] && !adoption[row] }
        },
        // Every T3 episode of a child with more than two.
        SSDA903Rule("377", "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
                    table: .episodes, columns: [.place]) { episodes, _, flags in
            let holiday = episodes[.place].matching("T3")
            for rows in episodes.children.rowsByValue().present {
                let t3 = rows.filter { holiday[$0] }
                if t3.count > 2 { t3.forEach { flags.flag($0) } }
            }
        },
        // Every V3 and V4 episode of a child with both (children with a blank CHILD count as one).
        SSDA903Rule("426", "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
                    table: .episodes, columns: [.ls]) { episodes, _, flags in
            let v3 = episodes[.ls].matching("V3"), v4 = episodes[.ls].matching("V4")
            let groups = episodes.children.rowsByValue()
            for id in 0..<episodes.children.values.count {
                let rows = groups[id]
                if rows.contains(where: { v3[$0] }) && rows.contains(where: { v4[$0] }) {
                    rows.filter { v3[$0] || v4[$0] }.forEach { flags.flag($0) }
                }
            }
        },
        // Within a year, each break clipped to the year, open breaks to 31 March.
        SSDA903Rule("367", "The maximum amount of respite care allowable is 75 days in any 12-month period.",
                    table: .episodes, columns: [.ls, .decom, .dec]) { episodes, context, flags in
            let respite = episodes[.ls].matching("V3"), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let start = context.collectionStart, end = context.collectionEnd
            for rows in episodes.children.rowsByValue().present {
                var total = 0
                var counted: [Int] = []
                for row in rows where respite[row] {
                    guard let first = began[row].date else { continue }
                    let last: CivilDate
                    switch ended[row] {
                    case .missing: last = end
                    case .malformed: continue
                    case .valid(let date): last = min(date, end)
                    }
                    let days = max(first, start).days(to: last)
                    guard days > 0 else { continue }
                    total += days
                    counted.append(row)
                }
                if total > 75 { counted.forEach { flags.flag($0) } }
            }
        },
        chainLimit("361", "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
                   status: "L1", days: 3),
        chainLimit("362", "Emergency protection order (EPO) lasted longer than 21 days", status: "L2", days: 21),
        protectionLimit("363", "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
                        status: "L3", days: 7),
        protectionLimit("364", "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
                        status: "J2", days: 21),
        SSDA903Rule("225", "Reason for placement change must be recorded.", table: .episodes, columns: [.reasonPlaceChange]) {
            episodes, context, flags in
            let continues = episodes[.rec].matching("X1"), reason = episodes[.reasonPlaceChange]
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements)
            let moves = episodes[.rne].matching(["P", "B", "T", "U"])
            context.episodeHistory.forEachPair { previous, next in
                if continues[previous] && reason.isBlank(previous) && !temporary[previous] && moves[next] && !temporary[next] {
                    flags.flag(previous)
                }
            }
        },
        SSDA903Rule("336", "Child does not have a foster placement immediately prior to being placed for adoption.",
                    table: .episodes, columns: [.place]) { episodes, context, flags in
            let placed = episodes[.place].matching(["A3", "A4"])
            let before = episodes[.place].matching(["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"])
            context.episodeHistory.forEachPair { previous, next in
                if placed[next] && !before[previous] { flags.flag(next) }
            }
        },
        // Blank cells differ from everything, themselves included, as in the DfE tool.
        SSDA903Rule("504", "The category of need code differs from that reported at start of current period of being looked after",
                    table: .episodes, columns: [.cin]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), continues = episodes[.rec].matching("X1")
            let need = episodes[.cin]
            context.episodeHistory.forEachPair { previous, next in
                guard continues[previous], let end = ended[previous].date, began[next].date == end else { return }
                if need.isBlank(next) || need.isBlank(previous) || need.ids[next] != need.ids[previous] { flags.flag(next) }
            }
        },
        // After a temporary placement, the child returns to the placement before it: RNE P, the
        // same PLACE and (from 2025/26) the same PL_POST; blank cells differ, as in the DfE tool.
        SSDA903Rule("383", "A child in a temporary placement must subsequently return to his/her normal placement.",
                    table: .episodes, columns: [.place]) { episodes, context, flags in
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements), returns = episodes[.rne].matching("P")
            let place = episodes[.place], postcode = episodes[.plPost]
            let comparesPostcode = context.ruleSet >= .lac2025_26
            func differs(_ cells: SSDA903Cells, _ a: Int, _ b: Int) -> Bool {
                cells.isBlank(a) || cells.isBlank(b) || cells.ids[a] != cells.ids[b]
            }
            for rows in context.episodeHistory.children where rows.count > 2 {
                for index in 2..<rows.count {
                    let row = rows[index], before = rows[index - 2]
                    guard temporary[rows[index - 1]] else { continue }
                    if !returns[row] || differs(place, row, before) || (comparesPostcode && differs(postcode, row, before)) {
                        flags.flag(row)
                    }
                }
            }
        },
    ]

    /// Episodes under `status` in a chain lasting more than `days` from its first start to its
    /// last end (an open episode ends 31 March). A child's episodes under `status` are one chain
    /// while each such episode ends on the day the child's next episode (of any status) starts.
    private static func chainLimit(_ code: String, _ message: String, status: String, days limit: Int) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: [.decom, .ls, .dec]) { episodes, context, flags in
            let under = episodes[.ls].matching(status), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let end = context.collectionEnd
            func finish(_ row: Int) -> CivilDate? { ended[row] == .missing ? end : ended[row].date }
            for rows in context.episodeHistory.children {
                var chain: [Int] = []
                var flows = false
                func close() {
                    let first = chain.compactMap { began[$0].date }.min(), last = chain.compactMap(finish).max()
                    if let first, let last, first.days(to: last) > limit { chain.forEach { flags.flag($0) } }
                    chain = []
                }
                for (index, row) in rows.enumerated() where under[row] {
                    if !flows { close() }
                    chain.append(row)
                    let next = index + 1 < rows.count ? rows[index + 1] : nil
                    flows = next.map { next in finish(row).map { $0 == began[next].date } ?? false } ?? false
                }
                close()
            }
        }
    }

    /// Episodes under `status` whose run (a child's consecutive episodes under it, each starting
    /// no later than the one before ended) lasts more than `days` in all, an open episode to
    /// 31 March. The DfE tool sums each episode's days; so do we.
    private static func protectionLimit(_ code: String, _ message: String, status: String, days limit: Int) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: [.ls, .decom, .dec]) { episodes, context, flags in
            let under = episodes[.ls].matching(status), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let end = context.collectionEnd
            func finish(_ row: Int) -> CivilDate? { ended[row] == .missing ? end : ended[row].date }
            func check(_ rows: [Int]) {
                var run: [Int] = []
                var total = 0
                func close() {
                    if total > limit { run.forEach { flags.flag($0) } }
                    run = []
                    total = 0
                }
                for row in rows {
                    let start = began[row].date!
                    // A previous end that is not a date does not break the run (a comparison with NaT).
                    if let last = run.last, let previousEnd = finish(last), start > previousEnd { close() }
                    run.append(row)
                    if let stop = finish(row) { total += start.days(to: stop) }
                }
                close()
            }
            for rows in context.episodeHistory.children {
                check(rows.filter { under[$0] && began[$0].date != nil })
            }
            // Episodes without a CHILD are each a run of their own.
            let blank = episodes.children
            for row in episodes.rows where blank.isBlank(row) && under[row] && began[row].date != nil { check([row]) }
        }
    }
}
