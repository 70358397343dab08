import LineOfSightCore

extension SSDA903Rules {
    /// Episodes: start and end dates against each other, the collection year and the law's history.
    static let episodeDates: [SSDA903Rule] = [
        .eachRow("353", "No episode submitted can start before 14 October 1991.",
                 table: .episodes, columns: [.decom]) { episodes, _ in
            // The Children Act 1989 came into force on 14 October 1991.
            let began = episodes.dates(.decom)
            let commencement = CivilDate(year: 1991, month: 10, day: 14)!
            return { row in began[row].date.map { $0 < commencement } ?? false }
        },
        .afterYearEnd("354", "Date episode ceased must be on or before the end of the current collection year.",
                      table: .episodes, column: .decom),
        // The same text in both cells, as the DfE compares them, or the same day written two ways.
        // Two blank cells are not an episode of under a day (the DfE tool flags them;
        // docs/ssda903-deviations.md).
        .eachRow("355", "Episode appears to have lasted for less than 24 hours",
                 table: .episodes, columns: [.decom, .dec]) { episodes, _ in
            let beganText = episodes[.decom], endedText = episodes[.dec]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return { row in
                if !beganText.isBlank(row), beganText[row] == endedText[row] { return true }
                guard let start = began[row].date, let end = ended[row].date else { return false }
                return start == end
            }
        },
        .outOfOrder("356", "The date the episode ceased is before the date the same episode started.",
                    table: .episodes, earlier: .decom, later: .dec, sameDayAtFault: false, columns: [.decom]),
        .afterYearEnd("385", "Date episode ceased must be on or before the end of the current collection year.",
                      table: .episodes, column: .dec),
        .eachRow("446", "E1 is not a valid code for episodes starting before December 2005.",
                 table: .episodes, columns: [.ls, .decom]) { episodes, _ in
            // Placement orders (E1) began with the Adoption and Children Act 2002, in force 30 December 2005.
            let placementOrder = episodes[.ls].matching("E1"), began = episodes.dates(.decom)
            let firstDay = CivilDate(year: 2005, month: 12, day: 1)!
            return { row in placementOrder[row] && (began[row].date.map { $0 < firstDay } ?? false) }
        },
    ]
}
