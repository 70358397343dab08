extension SSDA903Rules {
    /// Periods of one child (missing episodes, DoLOs) must not overlap: ordered as the DfE tool
    /// orders them (by end date, or start date when there is no end, then start date; a period
    /// with neither last, ties in file order), a period may not start before the previous one
    /// ended, nor follow one whose end is not a date.
    static func noOverlap(_ code: String, _ message: String, table: SSDA903Table,
                          start: SSDA903Column, end: SSDA903Column,
                          years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every) -> SSDA903Rule {
        SSDA903Rule(code, message, table: table, columns: [start, end], years: years) { data, _, flags in
            let starts = data.dates(start), ends = data.dates(end)
            func key(_ row: Int) -> FieldDate { ends[row].date != nil ? ends[row] : starts[row] }
            for rows in data.children.rowsByValue().present where rows.count > 1 {
                let ordered = rows.sorted { a, b in
                    if key(a).date != key(b).date { return EpisodeHistory.earlier(key(a), a, than: key(b), b) }
                    return EpisodeHistory.earlier(starts[a], a, than: starts[b], b)
                }
                for index in 1..<ordered.count {
                    let previous = ordered[index - 1], next = ordered[index]
                    guard let previousEnd = ends[previous].date else { flags.flag(next); continue }
                    if let nextStart = starts[next].date, nextStart < previousEnd { flags.flag(next) }
                }
            }
        }
    }
}
