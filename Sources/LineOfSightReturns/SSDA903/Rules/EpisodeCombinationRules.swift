import LineOfSightCore

extension SSDA903Rules {
    /// Episodes: a placement type against the legal status, the reason the episode began or
    /// ended, and the provider, within one episode.
    static let episodeCombinations: [SSDA903Rule] = [
        .eachRow("217", "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
                 table: .episodes, columns: [.place, .decom, .rne]) { episodes, _ in
            let withCarers = episodes[.place].matching(["A3", "A5"]), began = episodes.dates(.decom)
            let allowed = episodes[.rne].matching(["S", "T", "U"])
            let from = CivilDate(year: 2015, month: 4, day: 1)!
            return { row in withCarers[row] && (began[row].date.map { $0 >= from } ?? false) && !allowed[row] }
        },
        // 2023/24 only: P2 ended on 28 October 2023, when supported accommodation regulation began.
        .eachRow("217t", "Placement type 'P2' is not a valid placement type from 28 October 2023.",
                 table: .episodes, columns: [.place, .decom], years: .lac2023_24 ... .lac2023_24) { episodes, _ in
            let independent = episodes[.place].matching("P2"), ended = episodes.dates(.dec)
            let last = CivilDate(year: 2023, month: 10, day: 28)!
            return { row in independent[row] && (ended[row].date.map { $0 > last } ?? true) }
        },
        .eachRow("378", "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
                 table: .episodes, columns: [.place, .ls]) { episodes, _ in
            let withParents = episodes[.place].matching("P1"), section20 = episodes[.ls].matching("V2")
            return { row in withParents[row] && section20[row] }
        },
        .eachRow("380", "A period of care cannot start with a temporary placement.",
                 table: .episodes, columns: [.place, .rne]) { episodes, _ in
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements)
            let placementChange = episodes[.rne].matching(["P", "B"])
            return { row in temporary[row] && !placementChange[row] }
        },
        .eachRow("381", "A period of care cannot end with a temporary placement.",
                 table: .episodes, columns: [.place, .rec]) { episodes, _ in
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements)
            let reason = episodes[.rec], continues = reason.matching("X1")
            return { row in temporary[row] && !reason.isBlank(row) && !continues[row] }
        },
        .eachRow("382", "A child receiving respite care cannot be in a temporary placement.",
                 table: .episodes, columns: [.ls, .place]) { episodes, _ in
            let respite = episodes[.ls].matching(["V3", "V4"])
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements)
            return { row in respite[row] && temporary[row] }
        },
        .eachRow("384", "A child receiving respite care cannot be in a long-term foster placement ",
                 table: .episodes, columns: [.place, .ls]) { episodes, _ in
            let respite = episodes[.ls].matching(["V3", "V4"]), longTerm = episodes[.place].matching(["U1", "U4"])
            return { row in respite[row] && longTerm[row] }
        },
        .eachRow("516", "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
                 table: .episodes, columns: [.rec, .place]) { episodes, _ in
            let toFosterCarers = episodes[.rec].matching(["E45", "E46"])
            let fostered = episodes[.place].matching(["U1", "U2", "U3", "U4", "U5", "U6"])
            return { row in toFosterCarers[row] && !fostered[row] }
        },
        .eachRow("526", "Child is missing a placement provider code for at least one episode.",
                 table: .episodes, columns: [.place, .placeProvider]) { episodes, context in
            let exempt = episodes[.place].matching(
                EpisodeCodes.temporaryPlacements.union(EpisodeCodes.otherPlacements(in: context.ruleSet)))
            let provider = episodes[.placeProvider]
            return { row in !exempt[row] && provider.isBlank(row) }
        },
    ]
}
