import LineOfSightCore

extension SSDA903Rules {
    /// This year's return against last year's (`--prev`): the child's details, and the first
    /// episode this year against the episode left open last year. A rule whose table of last
    /// year is absent does not run, and the report says so.
    static let previousYear: [SSDA903Rule] = [
        sameAsLastYear("202", "The gender code conflicts with the gender already recorded for this child.", .sex),
        sameAsLastYear("204", "Ethnic origin code disagrees with the ethnic origin already recorded for this child.", .ethnic),
        // Two cells that are not dates are the same (both NaT to the DfE tool).
        SSDA903Rule("203", "Date of birth disagrees with the date of birth already recorded for this child.",
                    table: .header, columns: [.dob], previous: [.header]) { header, context, flags in
            let last = context.previous(.header), born = header.dates(.dob), bornLast = last.dates(.dob)
            let lastRows = ChildJoin(from: header, to: last)
            for row in header.rows where lastRows[row].contains(where: { bornLast[$0].date != born[row].date }) { flags.flag(row) }
        },
        SSDA903Rule("624", "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
                    table: .header, columns: [.mcDOB], previous: [.header]) { header, context, flags in
            let last = context.previous(.header), given = header[.mcDOB], givenLast = last[.mcDOB]
            let lastRows = ChildJoin(from: header, to: last)
            for row in header.rows where lastRows[row].contains(where: { other in
                guard let before = givenLast[other] else { return false }
                return given[row] != before
            }) { flags.flag(row) }
        },
        SSDA903Rule("626", "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
                    table: .header, columns: [.mother, .mcDOB], previous: [.header]) { header, context, flags in
            let last = context.previous(.header), childBorn = header.dates(.mcDOB)
            let mother = numbers(header[.mother]), motherLast = numbers(last[.mother])
            let lastRows = ChildJoin(from: header, to: last), start = context.collectionStart
            for row in header.rows where mother(row) == 1 && (childBorn[row].date.map { $0 < start } ?? false) {
                if lastRows[row].contains(where: { motherLast($0) == 0 }) { flags.flag(row) }
            }
        },
        // A child's adoption episodes this year and last, in date order: any episode after the
        // first adoption, and every adoption after it. Last year's episodes count when given.
        SSDA903Rule("199", "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
                    table: .episodes, columns: [.child]) { episodes, context, flags in
            // A list a child, the child numbered across both years (`ChildNumbering`).
            let tables = [episodes] + (context.previous?[.episodes].map { [$0] } ?? [])
            let number = ChildNumbering(tables)
            var byChild: [[(date: CivilDate, adoption: Bool, row: Int?)]] = Array(repeating: [], count: number.count)
            for (index, (data, numbers)) in zip(tables, number.numbers).enumerated() {
                let current = index == 0
                let began = data.dates(.decom), adopted = data[.rec].matching(["E11", "E12"]), children = data.children
                for row in data.rows {
                    guard !children.isBlank(row), let start = began[row].date else { continue }
                    byChild[numbers[Int(children.ids[row])]].append((start, adopted[row], current ? row : nil))
                }
            }
            for list in byChild where list.contains(where: \.adoption) {
                var adoptions = 0
                for episode in list.enumerated().sorted(by: { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }).map(\.element) {
                    if episode.adoption { adoptions += 1 }
                    guard let row = episode.row, adoptions > 0 else { continue }
                    if !(episode.adoption && adoptions == 1) { flags.flag(row) }
                }
            }
        },
        // Last year's open episodes (DEC blank) against this year's first.
        SSDA903Rule("502", "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
                    table: .episodes, columns: [.decom], previous: [.episodes]) { episodes, context, flags in
            let last = context.previous(.episodes), began = episodes.dates(.decom)
            let beganLast = last.dates(.decom), endedLast = last[.dec], lastRows = ChildJoin(from: episodes, to: last)
            for row in chosen(episodes, context, where: { _ in true }, pick: .earliest) {
                if lastRows[row].contains(where: { endedLast.isBlank($0) && beganLast[$0].date != began[row].date }) { flags.flag(row) }
            }
        },
        differentFromLastYear("503A", "The reason for new episode in the first episode does not match open episode at end of last year.", .rne),
        differentFromLastYear("503B", "The legal status in the first episode does not match open episode at end of last year.", .ls),
        differentFromLastYear("503C", "The category of need in the first episode does not match open episode at end of last year.", .cin),
        differentFromLastYear("503D", "The placement type in the first episode does not match open episode at end of last year", .place),
        differentFromLastYear("503E", "The placement provider in the first episode does not match open episode at end of last year.", .placeProvider),
        differentFromLastYear("503F", "The Ofsted URN in the first episode does not match open episode at end of last year.", .urn),
        locationDifferentFromLastYear("503G", "The distance in first episode does not match open episode at end of last year.",
                                      differ: distanceChanged),
        locationDifferentFromLastYear("503H", "The placement LA in first episode does not match open episode at end of last year.") {
            now, before in { row, previous in now.authority[row] != before.authority[previous] }
        },
        locationDifferentFromLastYear("503J", "The placement location in first episode does not match open episode at end of last year.") {
            now, before in { row, previous in now.location[row] != before.location[previous] }
        },
        // 503H and 503G again, for a child whose episode continues for the same reason; 452 counts
        // an episode open only when its DEC is blank, not when it is not a date.
        differentFromLastYear("452", "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
                              columns: [.rne, .plPost], postcodes: true) { episodes, last, context in
            let now = context.placementLocations(), before = context.lastYearsPlacementLocations()
            let same = sameReason(episodes, last), ended = last[.dec]
            return { row, previous in
                ended.isBlank(previous) && same(row, previous) && now.authority[row] != before.authority[previous]
            }
        },
        differentFromLastYear("453", "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
                              columns: [.rne, .plPost], postcodes: true) { episodes, last, context in
            let changed = distanceChanged(context.placementLocations(), context.lastYearsPlacementLocations())
            let same = sameReason(episodes, last)
            return { row, previous in same(row, previous) && changed(row, previous) }
        },
        // A mother last year (1) who is not this year, for a child with episodes this year.
        SSDA903Rule("207", "Mother status for the current year disagrees with the mother status already recorded for this child.",
                    flags: [.header: [.mother]], needs: [.header, .episodes], previous: [.header]) { context, flags in
            let header = context[.header], last = context.previous(.header), mother = header[.mother], motherLast = last[.mother]
            let lastRows = ChildJoin(from: header, to: last), episodeRows = ChildJoin(from: header, to: context[.episodes])
            for row in header.rows where !episodeRows[row].isEmpty {
                if lastRows[row].contains(where: { motherLast[$0] == "1" && mother[row] != "1" }) { flags.flag(row, in: .header) }
            }
        },
        // A UPN other than last year's, except a change among the unknown codes from UN1 (or
        // blank) to UN2–UN5, and a change from unknown (or blank) to a known UPN.
        SSDA903Rule("208", "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
                    table: .header, columns: [.upn], previous: [.header]) { header, context, flags in
            let last = context.previous(.header), upn = header[.upn], upnLast = last[.upn]
            let lastRows = ChildJoin(from: header, to: last)
            let unknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"], laterUnknown: Set<String> = ["UN2", "UN3", "UN4", "UN5"]
            for row in header.rows {
                let now = upn[row]
                if lastRows[row].contains(where: { other in
                    let before = upnLast[other]
                    guard now != before else { return false }
                    let toLaterUnknown = (before == nil || before == "UN1") && now.map(laterUnknown.contains) == true
                    let toKnown = (before == nil || unknown.contains(before!)) && !(now == nil || unknown.contains(now!))
                    return !toLaterUnknown && !toKnown
                }) { flags.flag(row) }
            }
        },
        // Care leaver information for a child with no episodes this year whose last episode of
        // last year was open.
        SSDA903Rule("1010", "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes], previous: [.episodes]) { context, flags in
            let oc3 = context[.oc3], last = context.previous(.episodes)
            let beganLast = last.dates(.decom), endedLast = last[.dec]
            var openAtEnd = Set<String>()
            for rows in last.children.rowsByValue().present {
                let dated = rows.filter { beganLast[$0].date != nil }
                guard let latest = dated.max(by: { (beganLast[$0].date!, $0) < (beganLast[$1].date!, $1) }) else { continue }
                if endedLast.isBlank(latest), let child = last.children[latest] { openAtEnd.insert(child) }
            }
            let now = ChildJoin(from: oc3, to: context[.episodes]), children = oc3.children
            for row in oc3.rows where now[row].isEmpty && (children[row].map(openAtEnd.contains) ?? false) {
                flags.flag(row, in: .oc3)
            }
        },
        // Care leaver information for a child who died in care (E2) this year, or last year when
        // last year's episodes are given.
        SSDA903Rule("1000", "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes]) { context, flags in
            let oc3 = context[.oc3]
            var tables = [context[.episodes]]
            if let last = context.previous?[.episodes] { tables.append(last) }
            let joins = tables.map { (rows: ChildJoin(from: oc3, to: $0), died: $0[.rec].matching("E2")) }
            for row in oc3.rows where joins.contains(where: { join in join.rows[row].contains { join.died[$0] } }) {
                flags.flag(row, in: .oc3)
            }
        },
        // This year's first episode begun before the year, unless it is last year's latest
        // episode (the same child and start).
        SSDA903Rule("562", "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
                    table: .episodes, columns: [.decom], previous: [.episodes]) { episodes, context, flags in
            let last = context.previous(.episodes), began = episodes.dates(.decom), beganLast = last.dates(.decom)
            let start = context.collectionStart
            var latestLast: [String: CivilDate] = [:]
            for rows in last.children.rowsByValue().present {
                guard let child = last.children[rows.first!], let latest = rows.compactMap({ beganLast[$0].date }).max() else { continue }
                latestLast[child] = latest
            }
            for row in chosen(episodes, context, where: { began[$0].date.map { $0 < start } ?? false }, pick: .earliest) {
                guard let child = episodes.children[row] else { continue }
                if latestLast[child] != began[row].date { flags.flag(row) }
            }
        },
        SSDA903Rule("559", "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
                    table: .placedAdoption, columns: [.datePlaced], previous: [.placedAdoption]) { placed, context, flags in
            let last = context.previous(.placedAdoption), decided = placed.dates(.datePlaced), decidedLast = last.dates(.datePlaced)
            let lastRows = ChildJoin(from: placed, to: last), start = context.collectionStart
            for row in placed.rows where decided[row].date.map({ $0 < start }) ?? false {
                let rows = lastRows[row]
                if rows.isEmpty || rows.contains(where: { decidedLast[$0].date == nil }) { flags.flag(row) }
            }
        },
        // Compared as written.
        SSDA903Rule("560", "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
                    table: .placedAdoption, columns: [.datePlaced, .datePlacedCeased], previous: [.placedAdoption]) { placed, context, flags in
            let last = context.previous(.placedAdoption), decided = placed[.datePlaced]
            let decidedLast = last[.datePlaced], ceasedLast = last[.datePlacedCeased], lastRows = ChildJoin(from: placed, to: last)
            for row in placed.rows where lastRows[row].contains(where: { other in
                guard let before = decidedLast[other], ceasedLast.isBlank(other) else { return false }
                return decided[row] != before
            }) { flags.flag(row) }
        },
        SSDA903Rule("561", "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
                    table: .placedAdoption, columns: [.datePlaced], previous: [.placedAdoption]) { placed, context, flags in
            let last = context.previous(.placedAdoption), decided = placed[.datePlaced]
            let decidedLast = last[.datePlaced], ceasedLast = last[.datePlacedCeased], reasonLast = last[.reasonPlacedCeased]
            let lastRows = ChildJoin(from: placed, to: last)
            for row in placed.rows {
                guard let decision = decided[row] else { continue }
                if lastRows[row].contains(where: { other in
                    decidedLast[other] == decision && (!ceasedLast.isBlank(other) || !reasonLast.isBlank(other))
                }) { flags.flag(row) }
            }
        },
        // The child's first missing period this year (a start that is not a date counts as
        // latest) against each period left open last year.
        SSDA903Rule("576", "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
                    table: .missing, columns: [.child], previous: [.missing]) { missing, context, flags in
            let last = context.previous(.missing), started = missing.dates(.misStart)
            let startedLast = last.dates(.misStart), endedLast = last[.misEnd], lastRows = ChildJoin(from: missing, to: last)
            for rows in missing.children.rowsByValue().present {
                let dated = rows.filter { started[$0].date != nil }
                let first = dated.min { started[$0].date! < started[$1].date! } ?? rows.first!
                if lastRows[first].contains(where: { other in
                    guard endedLast.isBlank(other), let before = startedLast[other].date else { return false }
                    return started[first].date != before
                }) { flags.flag(first) }
            }
        },
        SSDA903Rule("348", "Care leaver has previously been reported as having died.",
                    table: .oc3, columns: [.inTouch], previous: [.oc3], years: SSDA903RuleSet.from(.lac2025_26)) { oc3, context, flags in
            let last = context.previous(.oc3), died = oc3[.inTouch].matching("DIED"), diedLast = last[.inTouch].matching("DIED")
            let lastRows = ChildJoin(from: oc3, to: last)
            for row in oc3.rows where !died[row] && lastRows[row].contains(where: { diedLast[$0] }) { flags.flag(row) }
        },
        SSDA903Rule("NoE", "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
                    table: .episodes, columns: [.decom], previous: [.episodes]) { episodes, context, flags in
            let last = context.previous(.episodes), began = episodes.dates(.decom), lastRows = ChildJoin(from: episodes, to: last)
            let start = context.collectionStart
            for row in episodes.rows where (began[row].date.map { $0 < start } ?? false) && lastRows[row].isEmpty { flags.flag(row) }
        },
        SSDA903Rule("1002", "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
                    flags: [.oc3: [.inTouch, .activ, .accom]], needs: [.oc3, .episodes], previous: [.episodes]) { context, flags in
            let oc3 = context[.oc3]
            let now = ChildJoin(from: oc3, to: context[.episodes]), before = ChildJoin(from: oc3, to: context.previous(.episodes))
            for row in oc3.rows where now[row].isEmpty && before[row].isEmpty { flags.flag(row, in: .oc3) }
        },
    ]

    /// A Header item this year that differs (as written; blank differs from a value) from last
    /// year's for the child.
    private static func sameAsLastYear(_ code: String, _ message: String, _ column: SSDA903Column) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .header, columns: [column], previous: [.header]) { header, context, flags in
            let last = context.previous(.header), now = header[column], before = last[column]
            let lastRows = ChildJoin(from: header, to: last)
            for row in header.rows where lastRows[row].contains(where: { before[$0] != now[row] }) { flags.flag(row) }
        }
    }

    /// A cell read as a number, as pandas' `to_numeric(errors="coerce")` reads it.
    private static func numbers(_ cells: SSDA903Cells) -> (Int) -> Double? {
        let byValue = cells.values.map { Double($0) }
        return { row in cells.isBlank(row) ? nil : byValue[Int(cells.ids[row])] }
    }

    /// This year's first episode of a child (earliest start that is a date) whose `column`
    /// differs (as written) from last year's latest episode's, when that one is open (its DEC
    /// blank or not a date). For PLACE, the DfE allows the recoding of 2024/25 and 2025/26.
    private static func differentFromLastYear(_ code: String, _ message: String, _ column: SSDA903Column) -> SSDA903Rule {
        differentFromLastYear(code, message, columns: [column]) { episodes, last, context in
            let now = episodes[column], before = last[column]
            return { row, previous in
                now[row] != before[previous]
                    && !(column == .place && allowedRecoding(from: before[previous], to: now[row], in: context.ruleSet))
            }
        }
    }

    /// The same for a column the DfE tool derives from the postcodes (PL_LA, PL_LOCATION,
    /// PL_DISTANCE), last year's derived as this year's are.
    private static func locationDifferentFromLastYear(
        _ code: String, _ message: String,
        differ: @escaping @Sendable (SSDA903PlacementLocations, SSDA903PlacementLocations) -> (Int, Int) -> Bool
    ) -> SSDA903Rule {
        differentFromLastYear(code, message, columns: [.plPost], postcodes: true) { _, _, context in
            differ(context.placementLocations(), context.lastYearsPlacementLocations())
        }
    }

    /// A distance 0.2 miles or more from last year's, or one where last year's was not known.
    private static func distanceChanged(_ now: SSDA903PlacementLocations, _ before: SSDA903PlacementLocations) -> (Int, Int) -> Bool {
        { row, previous in
            guard let distance = now.distance[row] else { return false }
            return before.distance[previous].map { abs(distance - $0) >= 0.2 } ?? true
        }
    }

    /// Whether a first episode gives the same reason for a new episode as last year's (both given).
    private static func sameReason(_ episodes: SSDA903TableData, _ last: SSDA903TableData) -> (Int, Int) -> Bool {
        let reason = episodes[.rne], reasonLast = last[.rne]
        return { row, previous in !reason.isBlank(row) && reason[row] == reasonLast[previous] }
    }

    /// Each child's first episode this year against last year's latest episode when that one is
    /// still open; `prepare` returns the test of (this year's row, last year's row).
    private static func differentFromLastYear(
        _ code: String, _ message: String, columns: [SSDA903Column], postcodes: Bool = false,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903TableData, SSDA903Context) -> (Int, Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: columns, previous: [.episodes], postcodes: postcodes) {
            episodes, context, flags in
            let last = context.previous(.episodes), differ = prepare(episodes, last, context)
            let beganLast = last.dates(.decom), endedLast = last.dates(.dec), lastRows = ChildJoin(from: episodes, to: last)
            for row in chosen(episodes, context, where: { _ in true }, pick: .earliest) {
                // Last year's episode with the latest start, the first of those in file order
                // (one pass, no arrays: this runs for every child in each of these rules).
                var previous = -1, latest: CivilDate?
                for other in lastRows[row] {
                    guard let began = beganLast[other].date, latest.map({ began > $0 }) ?? true else { continue }
                    latest = began
                    previous = other
                }
                if previous >= 0, endedLast[previous].date == nil, differ(row, previous) { flags.flag(row) }
            }
        }
    }

    /// Placement codes the DfE renamed between years: H5 became K3 (2023/24 and 2024/25), Z1
    /// became Z11–Z14 (2025/26).
    private static func allowedRecoding(from old: String?, to new: String?, in ruleSet: SSDA903RuleSet) -> Bool {
        switch ruleSet {
        case .lac2023_24, .lac2024_25: old == "H5" && new == "K3"
        case .lac2025_26: old == "Z1" && ["Z11", "Z12", "Z13", "Z14"].contains(new ?? "")
        default: false
        }
    }
}
