extension SSDA903Rules {
    /// PrevPerm and DoLo (deprivation of liberty orders, from 2026/27): each value valid on its own.
    static let permanenceAndDoLo: [SSDA903Rule] = [
        .codeList("631", "Previous permanence option not a valid value.",
                  table: .prevPerm, column: .prevPerm, blank: .allowed) { _ in OtherTableCodes.previousPermanence },
        .validDate("700", "The start date of the DoLO is not a valid date.", table: .doLo, column: .doloStart,
                   blank: .flagged, years: SSDA903RuleSet.from(.lac2026_27)),
        .validDate("701", "The end date of the DoLO is not a valid date.", table: .doLo, column: .doloEnd,
                   blank: .allowed, years: SSDA903RuleSet.from(.lac2026_27)),
    ]
}
