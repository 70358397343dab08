extension SSDA903Rules {
    /// PrevPerm and DoLo (deprivation of liberty orders, from 2026/27): each value valid on its own.
    static let permanenceAndDoLo: [SSDA903Rule] = [
        .codeList("631", "Previous permanence option not a valid value.",
                  table: .prevPerm, column: .prevPerm, blank: .allowed) { _ in OtherTableCodes.previousPermanence },
        .eachRow("635", "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
                 table: .prevPerm, columns: [.laPerm, .datePerm, .prevPerm]) { prevPerm, _ in
            let authority = prevPerm[.laPerm], date = prevPerm[.datePerm], option = prevPerm[.prevPerm]
            return { row in (!authority.isBlank(row) || !date.isBlank(row)) && option.isBlank(row) }
        },
        .validDate("700", "The start date of the DoLO is not a valid date.", table: .doLo, column: .doloStart,
                   blank: .flagged, years: SSDA903RuleSet.from(.lac2026_27)),
        .validDate("701", "The end date of the DoLO is not a valid date.", table: .doLo, column: .doloEnd,
                   blank: .allowed, years: SSDA903RuleSet.from(.lac2026_27)),
        .eachRow("702", "The date that the DoLO ended is before the date that it started.",
                 table: .doLo, columns: [.doloStart, .doloEnd], years: SSDA903RuleSet.from(.lac2026_27)) { dolo, _ in
            let starts = dolo.dates(.doloStart), ends = dolo.dates(.doloEnd)
            return { row in
                guard let start = starts[row].date, let end = ends[row].date else { return false }
                return end <= start
            }
        },
        .eachRow("703", "The date that the DoLO started is after the end of the collection year.",
                 table: .doLo, columns: [.doloStart], years: SSDA903RuleSet.from(.lac2026_27)) { dolo, context in
            let starts = dolo.dates(.doloStart)
            let end = context.collectionEnd
            return { row in starts[row].date.map { $0 > end } ?? false }
        },
        .eachRow("704", "The date that the DoLO ended is before the start or after the end of the collection year.",
                 table: .doLo, columns: [.doloEnd], years: SSDA903RuleSet.from(.lac2026_27)) { dolo, context in
            let ends = dolo.dates(.doloEnd)
            let year = context.collectionStart ... context.collectionEnd
            return { row in ends[row].date.map { !year.contains($0) } ?? false }
        },
        noOverlap("705", "A DoLO cannot start when the previous DoLO is still open.", table: .doLo,
                  start: .doloStart, end: .doloEnd, years: SSDA903RuleSet.from(.lac2026_27)),
        notBeforeBirth("708", "Dates of DoLOs are before child’s date of birth.", table: .doLo, column: .doloStart,
                       years: SSDA903RuleSet.from(.lac2026_27)),
    ]
}
