import LineOfSightCore

extension SSDA903Rules {
    /// DoLo (deprivation of liberty orders, from 2026/27) against last year's DoLo and against
    /// the child's periods of care.
    static let doLoAcross: [SSDA903Rule] = [
        // A DoLO left open last year (DOLO_END blank) with no DoLO of the child starting the same
        // day this year. The fault is last year's row: the DfE tool reports its number as a row
        // of this year's DoLo table (docs/ssda903-deviations.md); ours names last year's table.
        // Starts are compared as dates when both are dates, as written otherwise.
        SSDA903Rule("706", "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..",
                    table: .doLo, columns: [.doloStart], previous: [.doLo], years: SSDA903RuleSet.from(.lac2026_27)) { doLo, context, flags in
            let last = context.previous(.doLo), endedLast = last[.doloEnd]
            let started = doLo.dates(.doloStart), startedText = doLo[.doloStart]
            let startedLast = last.dates(.doloStart), startedLastText = last[.doloStart]
            let thisYear = ChildJoin(from: last, to: doLo)
            for row in last.rows where endedLast.isBlank(row) {
                let continued = thisYear[row].contains { other in
                    if let before = startedLast[row].date, let now = started[other].date { return before == now }
                    return startedLastText[row] == startedText[other]
                }
                if !continued { flags.flagLastYear(row, in: .doLo) }
            }
        },
        // A DoLO (with a start that is a date) outside every period of care of the child, as 577
        // for a missing period; a child with no episode is let be.
        periodOfCare("707", "Child ceased to be looked after but there is a DoLO without an end date.",
                     table: .doLo, start: .doloStart, column: .doloEnd, years: SSDA903RuleSet.from(.lac2026_27)) { doLo in
            outsidePeriod(started: doLo.dates(.doloStart), ended: doLo.dates(.doloEnd))
        },
    ]
}
