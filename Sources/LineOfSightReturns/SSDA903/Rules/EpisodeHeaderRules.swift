import LineOfSightCore

extension SSDA903Rules {
    /// Episodes against the child's Header row: ages, UPN and motherhood. An episode is compared
    /// with every Header row of its child, as the DfE tool's merge on CHILD does.
    static let episodesWithHeader: [SSDA903Rule] = [
        // The child's first episode (earliest start that is a date).
        SSDA903Rule("302", "First episode starts before child was born.",
                    flags: [.episodes: [.decom], .header: [.dob]], needs: [.episodes, .header]) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let began = episodes.dates(.decom), born = header.dates(.dob)
            let headerRows = ChildJoin(from: episodes, to: header)
            for rows in context.episodeHistory.children {
                guard let first = rows.first, let start = began[first].date else { continue }
                for headerRow in headerRows[first] where born[headerRow].date.map({ $0 > start }) ?? false {
                    flags.flag(first, in: .episodes)
                    flags.flag(headerRow, in: .header)
                }
            }
        },
        withHeader("210", "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
                   episodes: [.decom], header: [.upn]) { episodes, header, context in
            let began = episodes.dates(.decom), un4 = header[.upn].matching("UN4")
            let cutoff = CivilDate(year: context.collectionEnd.year, month: 3, day: 24)!
            return { row, headerRow in un4[headerRow] && (began[row].date.map { $0 >= cutoff } ?? false) }
        },
        withHeader("352", "Child who started to be looked after was aged 18 or over.",
                   episodes: [.decom, .rne]) { episodes, header, _ in
            let began = episodes.dates(.decom), startsCare = episodes[.rne].matching("S"), born = header.dates(.dob)
            return { row, headerRow in
                guard startsCare[row], let start = began[row].date, let birth = born[headerRow].date else { return false }
                return birth.adding(years: 18) <= start
            }
        },
        withHeader("358", "Child with this legal status should not be under 10.",
                   episodes: [.decom, .ls], header: [.dob]) { episodes, header, _ in
            let began = episodes.dates(.decom), status = episodes[.ls].matching(["J1", "J2", "J3"])
            let born = header.dates(.dob)
            return { row, headerRow in
                guard status[row], let start = began[row].date, let birth = born[headerRow].date else { return false }
                return birth.adding(years: 10) >= start
            }
        },
        // An open episode (DEC blank, not merely not a date) of a child 18 before 31 March.
        withHeader("359", "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
                   episodes: [.dec, .ls, .place]) { episodes, header, context in
            let ended = episodes[.dec], v2 = episodes[.ls].matching("V2"), k2 = episodes[.place].matching("K2")
            let born = header.dates(.dob), end = context.collectionEnd
            return { row, headerRow in
                guard ended.isBlank(row), !(v2[row] && k2[row]), let birth = born[headerRow].date else { return false }
                return birth.adding(years: 18) < end
            }
        },
        startedTooYoung("370", "Child in independent living should be at least 15.", place: "P2", age: 15,
                        years: .lac2022_23 ... .lac2022_23),
        startedTooYoung("370", "Child in independent living should be at least 16.", place: "P2", age: 16,
                        years: .lac2023_24 ... .lac2023_24),
        startedTooYoung("371", "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 14.",
                        place: "H5", age: 14, years: .lac2022_23 ... .lac2022_23),
        startedTooYoung("371", "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.",
                        place: "H5", age: 16, years: .lac2023_24 ... .lac2023_24),
        startedTooYoung("371", "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
                        place: "K3", age: 16, years: SSDA903RuleSet.from(.lac2024_25)),
        startedTooYoung("372", "Child in youth custody or prison should be at least 10.", place: "R5", age: 10),
        startedTooYoung("373", "Child placed in a school should be at least 4 years old.", place: "S1", age: 4),
        startedTooYoung("374", "Child in residential employment should be at least 14 years old.", place: "P3", age: 14),
        lastedTooLong("375", "Hospitalisation coded as a temporary placement exceeds six weeks.", place: "T1", days: 42),
        lastedTooLong("376", "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
                      place: "T3", days: 21),
        lastedTooLong("379", "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
                      place: "T4", days: 7),
        withHeader("386", "Reason episode ceased is adopted but child has reached age 18.", episodes: [.rec]) { episodes, header, _ in
            let adopted = episodes[.rec].matching(["E11", "E12"]), ended = episodes.dates(.dec), born = header.dates(.dob)
            return { row, headerRow in
                guard adopted[row], let end = ended[row].date, let birth = born[headerRow].date else { return false }
                return birth.adding(years: 18) <= end
            }
        },
        // Unless the child is shown 14 or over by every Header row (a child missing from Header,
        // or whose DOB is not a date, cannot be shown it), as the DfE tool decides.
        SSDA903Rule("387", "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
                    flags: [.episodes: [.rec]], needs: [.episodes, .header]) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let independent = episodes[.rec].matching(["E5", "E6"]), ended = episodes.dates(.dec)
            let born = header.dates(.dob), headerRows = ChildJoin(from: episodes, to: header)
            for row in episodes.rows where independent[row] {
                guard let end = ended[row].date else { continue }
                let matches = headerRows[row]
                let fourteen = matches.allSatisfy { born[$0].date.map { $0.adding(years: 14) <= end } ?? false }
                if matches.isEmpty || !fourteen { flags.flag(row, in: .episodes) }
            }
        },
        withHeader("407", "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
                   episodes: [.dec, .rec], header: [.dob]) { episodes, header, _ in
            let guardianship = episodes[.rec].matching(["E45", "E46", "E47", "E48"]), ended = episodes.dates(.dec)
            let born = header.dates(.dob)
            return { row, headerRow in
                guard guardianship[row], let end = ended[row].date, let birth = born[headerRow].date else { return false }
                return birth.adding(years: 18) < end
            }
        },
        withHeader("460", "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
                   episodes: [.dec, .rec]) { episodes, header, _ in
            let stayed = episodes[.rec].matching("E17"), ended = episodes.dates(.dec), born = header.dates(.dob)
            return { row, headerRow in
                guard stayed[row], let end = ended[row].date, let birth = born[headerRow].date else { return false }
                return birth.adding(years: 18) > end
            }
        },
        withHeader("607", "Child ceased to be looked after in the year, but mother field has not been completed.",
                   episodes: [.dec, .rec, .ls], header: [.mother, .sex]) { episodes, header, context in
            let ended = episodes.dates(.dec), reason = episodes[.rec], continues = reason.matching("X1")
            let exempt = episodes[.ls].matching(["V3", "V4"])
            let female = header[.sex].matching(HeaderCodes.female(in: context.ruleSet)), mother = header[.mother]
            let year = context.collectionStart ... context.collectionEnd
            return { row, headerRow in
                guard let end = ended[row].date, year.contains(end), !reason.isBlank(row), !continues[row],
                      !exempt[row] else { return false }
                return female[headerRow] && mother.isBlank(headerRow)
            }
        },
        SSDA903Rule("234", "A child aged under 10 can not change placement due to being admitted to custody",
                    flags: [.episodes: [.reasonPlaceChange], .header: [.dob]], needs: [.episodes, .header],
                    years: SSDA903RuleSet.from(.lac2025_26)) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let custody = episodes[.reasonPlaceChange].matching("CUSTOD"), began = episodes.dates(.decom)
            let born = header.dates(.dob), headerRows = ChildJoin(from: episodes, to: header)
            for row in episodes.rows where custody[row] {
                guard let start = began[row].date else { continue }
                for headerRow in headerRows[row] where born[headerRow].date.map({ $0.adding(years: 10) > start }) ?? false {
                    flags.flag(row, in: .episodes)
                    flags.flag(headerRow, in: .header)
                }
            }
        },
        // Header rows of a child with an episode under a legal status other than V3 or V4.
        childLookedAfter("393", "Child is looked after but mother field is not completed.", columns: [.mother]) { header, context in
            let female = header[.sex].matching(HeaderCodes.female(in: context.ruleSet)), mother = header[.mother]
            return { row in female[row] && mother.isBlank(row) }
        },
        childLookedAfter("442", "Unique Pupil Number (UPN) field is not completed.", columns: [.upn]) { header, _ in
            let upn = header[.upn]
            return { row in upn.isBlank(row) }
        },
        SSDA903Rule("628", "Motherhood details are not required for care leavers who have not been looked after during the year.",
                    flags: [.header: [.mother]], needs: [.header, .episodes, .oc3]) { context, flags in
            let header = context[.header], oc3 = context[.oc3], mother = header[.mother]
            let episodeRows = ChildJoin(from: header, to: context[.episodes]), oc3Rows = ChildJoin(from: header, to: oc3)
            let items = [oc3[.inTouch], oc3[.activ], oc3[.accom]]
            for row in header.rows where !mother.isBlank(row) && episodeRows[row].isEmpty {
                if oc3Rows[row].contains(where: { oc3Row in items.contains { !$0.isBlank(oc3Row) } }) {
                    flags.flag(row, in: .header)
                }
            }
        },
        // The child's latest ending (the latest DEC that is a date) against the first child's DOB.
        SSDA903Rule("625", "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
                    flags: [.header: [.mcDOB], .episodes: [.dec]], needs: [.episodes, .header]) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let ended = episodes.dates(.dec), childBorn = header.dates(.mcDOB), end = context.collectionEnd
            let headerRows = ChildJoin(from: episodes, to: header)
            for rows in context.episodeHistory.children {
                let dated = rows.filter { ended[$0].date != nil }
                guard let latest = dated.map({ ended[$0].date! }).max() else { continue }
                let row = dated.sorted().first { ended[$0].date == latest }!
                for other in headerRows[row] where childBorn[other].date.map({ $0 > end || $0 > latest }) ?? false {
                    flags.flag(row, in: .episodes)
                    flags.flag(other, in: .header)
                }
            }
        },
        // The table's own DOB, as the DfE tool reads it; both must be dates (the deviations note).
        SSDA903Rule("184", "Date of decision that a child should be placed for adoption is before the child was born.",
                    flags: [.placedAdoption: [.datePlaced, .dob]], needs: [.placedAdoption, .header]) { context, flags in
            let placed = context[.placedAdoption], decided = placed.dates(.datePlaced), born = placed.dates(.dob)
            for row in placed.rows {
                guard let decision = decided[row].date, let birth = born[row].date else { continue }
                if decision < birth { flags.flag(row, in: .placedAdoption) }
            }
        },
        SSDA903Rule("3001", "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
                    flags: [.oc3: [.accom]], needs: [.oc3, .header]) { context, flags in
            let oc3 = context[.oc3], header = context[.header]
            let withCarers = oc3[.accom].matching(["Z1", "Z2"]), born = header.dates(.dob)
            let headerRows = ChildJoin(from: oc3, to: header)
            let year = context.collectionStart ... context.collectionEnd
            for row in oc3.rows where withCarers[row] {
                if headerRows[row].contains(where: { born[$0].date.map { year.contains($0.adding(years: 17)) } ?? false }) {
                    flags.flag(row, in: .oc3)
                }
            }
        },
    ]

    /// A rule on an episode and one of its child's Header rows: `prepare` returns the test of a
    /// pair. It flags the episode, and the Header row too when `header` names its columns.
    private static func withHeader(
        _ code: String, _ message: String, episodes episodeColumns: [SSDA903Column],
        header headerColumns: [SSDA903Column]? = nil,
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903TableData, SSDA903Context) -> (Int, Int) -> Bool
    ) -> SSDA903Rule {
        var flagged: [SSDA903Table: [SSDA903Column]] = [.episodes: episodeColumns]
        if let headerColumns { flagged[.header] = headerColumns }
        return SSDA903Rule(code, message, flags: flagged, needs: [.episodes, .header], years: years) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let atFault = prepare(episodes, header, context), headerRows = ChildJoin(from: episodes, to: header)
            for row in episodes.rows {
                for headerRow in headerRows[row] where atFault(row, headerRow) {
                    flags.flag(row, in: .episodes)
                    if headerColumns != nil { flags.flag(headerRow, in: .header) }
                }
            }
        }
    }

    /// A placement that began before the child was `age` (its start, end and the DOB all dates).
    private static func startedTooYoung(_ code: String, _ message: String, place: String, age: Int,
                                        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every) -> SSDA903Rule {
        withHeader(code, message, episodes: [.decom, .place], years: years) { episodes, header, _ in
            let placement = episodes[.place].matching(place), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let born = header.dates(.dob)
            return { row, headerRow in
                guard placement[row], let start = began[row].date, ended[row].date != nil,
                      let birth = born[headerRow].date else { return false }
                return start < birth.adding(years: age)
            }
        }
    }

    /// A temporary placement that lasted more than `days` (the child's DOB must be a date too,
    /// as in the DfE tool).
    private static func lastedTooLong(_ code: String, _ message: String, place: String, days: Int) -> SSDA903Rule {
        withHeader(code, message, episodes: [.decom, .place]) { episodes, header, _ in
            let placement = episodes[.place].matching(place), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let born = header.dates(.dob)
            return { row, headerRow in
                guard placement[row], let start = began[row].date, let end = ended[row].date,
                      born[headerRow].date != nil else { return false }
                return end > start.adding(days: days)
            }
        }
    }

    /// Header rows at fault whose child has an episode under a legal status other than V3 or V4
    /// (a blank status counts).
    private static func childLookedAfter(
        _ code: String, _ message: String, columns: [SSDA903Column],
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903Context) -> (Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.header: columns], needs: [.header, .episodes]) { context, flags in
            let header = context[.header], episodes = context[.episodes]
            let respite = episodes[.ls].matching(["V3", "V4"]), episodeRows = ChildJoin(from: header, to: episodes)
            let atFault = prepare(header, context)
            for row in header.rows where atFault(row) && episodeRows[row].contains(where: { !respite[$0] }) {
                flags.flag(row, in: .header)
            }
        }
    }
}
