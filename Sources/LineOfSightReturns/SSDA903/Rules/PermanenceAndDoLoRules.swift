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
        .outOfOrder("702", "The date that the DoLO ended is before the date that it started.", table: .doLo,
                    earlier: .doloStart, later: .doloEnd, sameDayAtFault: true, years: SSDA903RuleSet.from(.lac2026_27)),
        .afterYearEnd("703", "The date that the DoLO started is after the end of the collection year.", table: .doLo,
                      column: .doloStart, years: SSDA903RuleSet.from(.lac2026_27)),
        .outsideYear("704", "The date that the DoLO ended is before the start or after the end of the collection year.",
                     table: .doLo, column: .doloEnd, years: SSDA903RuleSet.from(.lac2026_27)),
        noOverlap("705", "A DoLO cannot start when the previous DoLO is still open.", table: .doLo,
                  start: .doloStart, end: .doloEnd, years: SSDA903RuleSet.from(.lac2026_27)),
        .outOfOrder("708", "Dates of DoLOs are before child’s date of birth.", table: .doLo, earlier: .dob,
                    later: .doloStart, sameDayAtFault: true, columns: [.doloStart], years: SSDA903RuleSet.from(.lac2026_27)),
    ]
}
