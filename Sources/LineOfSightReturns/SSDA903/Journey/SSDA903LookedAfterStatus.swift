import LineOfSightCore

/// PrevPerm, UASC and DoLo as a child's records, both ways: the one mapping between the tables'
/// cells and `PreviousPermanenceRecord`, `UASCRecord` and `DeprivationOfLibertyRecord`, read by
/// the import and written by the export.
///
/// - PrevPerm is asked of a child who started to be looked after in the year: its record is
///   dated the day the latest period of care of the year began, and `DATE_PERM`'s `zz` parts
///   are held as parts not known.
/// - UASC is a child who was an unaccompanied asylum-seeking child at any time in the year, with
///   the date the status ended (`DUC`). The return does not say since when: a child's record is
///   dated as it was recorded before, or else the day their first period of care known began,
///   so the next year's return finds the same record.
/// - DoLo is each order in force during the year, from `DOLO_START` to `DOLO_END`.
enum SSDA903LookedAfterStatus {
    /// The day the previous permanence of a child whose rows name it is recorded on: the start of
    /// the latest period of care that began by the year's end (the one the return asks about).
    static func previousPermanence(_ row: SSDA903Row, periods: [PeriodOfCareRecord], in ruleSet: SSDA903RuleSet) throws(SSDA903ImportProblem) -> PreviousPermanenceRecord {
        guard let start = periods.map(\.start).filter({ $0 <= ruleSet.collectionEnd }).max() else {
            throw row.problem(.prevPerm, "The child has no period of care in the return or recorded by \(ruleSet.collectionEnd.long), "
                + "so there is no day they started to be looked after to record their previous permanence on")
        }
        var record = PreviousPermanenceRecord(date: start, option: row[.prevPerm] ?? "", authority: row[.laPerm])
        if let text = row[.datePerm] {
            guard let parts = orderDateParts(text) else {
                throw row.problem(.datePerm, "The date of the previous order must be a date (dd/mm/yyyy), with zz for a part not known, not “\(text)”")
            }
            (record.orderDay, record.orderMonth, record.orderYear) = parts
        }
        return record
    }

    /// A `DATE_PERM` as its known parts (day, month, year), each nil when `zz`; nil when it is not
    /// such a date (a part that is neither a number in range nor `zz`, or a day without its month).
    static func orderDateParts(_ text: String) -> (Int?, Int?, Int?)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, [2, 2, 4].elementsEqual(parts.map(\.count)) else { return nil }
        func part(_ text: String, _ range: ClosedRange<Int>) -> Int?? {
            if text.allSatisfy({ $0 == "Z" }) { return .some(nil) }
            guard text.allSatisfy(\.isASCII), let value = Int(text), range.contains(value) else { return nil }
            return .some(value)
        }
        guard let day = part(parts[0], 1...31), let month = part(parts[1], 1...12), let year = part(parts[2], 1...9999) else { return nil }
        if day != nil, month == nil || year == nil { return nil }
        if month != nil, year == nil { return nil }
        if let day, let month, let year, CivilDate(year: year, month: month, day: day) == nil { return nil }
        return (day, month, year)
    }

    static func orderDateCell(_ record: PreviousPermanenceRecord) -> String {
        guard record.orderYear != nil else { return "" }
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "zz" }
        return "\(two(record.orderDay))/\(two(record.orderMonth))/\(record.orderYear.map(fourDigits) ?? "zzzz")"
    }

    /// A year as the return writes it.
    private static func fourDigits(_ year: Int) -> String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A UASC row: the child was one in the year, dated `since`.
    static func uasc(_ row: SSDA903Row, since: CivilDate) throws(SSDA903ImportProblem) -> UASCRecord {
        let ceased = try row.optionalDate(.duc, "The date the child stopped being an unaccompanied asylum-seeking child")
        // A status that ended before the first period of care known: recorded from the day it ended.
        return UASCRecord(date: min(since, ceased ?? since), ceased: ceased)
    }

    static func deprivationOfLiberty(_ row: SSDA903Row) throws(SSDA903ImportProblem) -> DeprivationOfLibertyRecord {
        let start = try row.requiredDate(.doloStart, "The date the order depriving the child of their liberty was made")
        let end = try row.optionalDate(.doloEnd, "The date the order ended")
        if let end, end < start { throw row.problem(.doloEnd, "The order ends on \(end.long), before it was made on \(start.long)") }
        return DeprivationOfLibertyRecord(start: start, end: end)
    }

    /// A child's rows of the year, for a child with `episodes` in it: PrevPerm when a period of
    /// care began in the year (`RNE` S) and a previous permanence is recorded on or after its
    /// start; UASC when they were one at any time in it (`DUC` only when the status ended in
    /// it); DoLo for each order in force during it (an order that ended after the year is
    /// written open, as it stood at its end).
    static func rows(_ records: [any JourneyRecord], episodes: [SSDA903Episode], in year: ClosedRange<CivilDate>)
        -> (prevPerm: [SSDA903Column: String]?, uasc: [SSDA903Column: String]?, doLo: [[SSDA903Column: String]]) {
        guard !episodes.isEmpty else { return (nil, nil, []) }
        var prevPerm: [SSDA903Column: String]?
        if let began = episodes.filter({ $0.reasonForNewEpisode == SSDA903Episode.startsCare && year.contains($0.start) }).map(\.start).max(),
           let record = records.compactMap({ $0 as? PreviousPermanenceRecord }).filter({ began <= $0.date && $0.date <= year.upperBound })
               .max(by: { $0.date < $1.date }) {
            prevPerm = [.prevPerm: record.option, .laPerm: record.authority ?? "", .datePerm: orderDateCell(record)]
        }
        let uasc = records.compactMap { $0 as? UASCRecord }.filter { $0.during(year) }.max { $0.date < $1.date }.map { record in
            [SSDA903Column.duc: record.ceased.flatMap { $0 > year.upperBound ? nil : $0 }?.ssda903 ?? ""]
        }
        let doLo = records.compactMap { $0 as? DeprivationOfLibertyRecord }
            .filter { $0.start <= year.upperBound && ($0.end.map { $0 >= year.lowerBound } ?? true) }
            .sorted { $0.start < $1.start }
            .map { order in [SSDA903Column.doloStart: order.start.ssda903, .doloEnd: order.end.flatMap { $0 > year.upperBound ? nil : $0 }?.ssda903 ?? ""] }
        return (prevPerm, uasc, doLo)
    }
}
