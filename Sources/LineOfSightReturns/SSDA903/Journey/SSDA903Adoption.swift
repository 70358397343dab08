import LineOfSightCore

/// AD1 and PlacedAdoption as a child's adoption records: the one mapping between the tables'
/// cells and `AdoptionRecord`, read by the import and written by the export.
///
/// A PlacedAdoption row is a decision that the child should be placed for adoption
/// (`DATE_PLACED`, the record's `agencyDecision`) and, when the plan changed, the decision that
/// they should no longer be (`DATE_PLACED_CEASED`, `decisionReversed`) and why
/// (`REASON_PLACED_CEASED`, `reversedReason`). An AD1 row describes the adoption of a child
/// adopted in the year: its `DATE_INT` is the same decision, so it completes the record of that
/// decision with the match (`DATE_MATCH`), whether the adopters were the foster carers
/// (`FOSTER_CARE`) and who the adopters are (`NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`).
enum SSDA903Adoption {
    /// The fields an AD1 row gives: a record without one keeps what people recorded in them.
    static let ad1Fields = ["matched", "adoptedByFosterCarer", "numberOfAdopters", "adoptersSex", "adoptersLegalStatus"]

    /// REC for a child who left care adopted: the period whose end gives the year's AD1 row.
    static let adopted: Set<String> = ["E11", "E12"]

    /// A PlacedAdoption row as a record; `periods` are the child's, to check that the decision
    /// was made while they were looked after.
    static func record(placed row: SSDA903Row, periods: [PeriodOfCareRecord]) throws(SSDA903ImportProblem) -> AdoptionRecord {
        let decision = try decisionDate(row, .datePlaced, periods: periods)
        let ceased = try row.optionalDate(.datePlacedCeased, "The date of the decision that the child should no longer be placed for adoption")
        if let ceased, ceased < decision {
            throw row.problem(.datePlacedCeased, "The decision that the child should no longer be placed for adoption, on \(ceased.long), "
                + "comes before the decision that they should be, on \(decision.long)")
        }
        return AdoptionRecord(agencyDecision: decision, decisionReversed: ceased, reversedReason: row[.reasonPlacedCeased])
    }

    /// The record of an AD1 row's decision (`placed`'s, by date, when PlacedAdoption has it) completed by the row.
    static func record(ad1 row: SSDA903Row, onto placed: [CivilDate: AdoptionRecord], periods: [PeriodOfCareRecord]) throws(SSDA903ImportProblem) -> AdoptionRecord {
        let decision = try decisionDate(row, .dateInt, periods: periods)
        var record = placed[decision] ?? AdoptionRecord(agencyDecision: decision)
        record.matched = try row.optionalDate(.dateMatch, "The date the child was matched with the adopters")
        if let matched = record.matched, matched < decision {
            throw row.problem(.dateMatch, "The child was matched on \(matched.long), before the decision that they should be placed for adoption on \(decision.long)")
        }
        record.adoptedByFosterCarer = SSDA903JourneyCodes.flags.value(row[.fosterCare])
        if let text = row[.nbAdoptr] {
            guard let number = Int(text) else { throw row.problem(.nbAdoptr, "The number of adopters must be a whole number, not “\(text)”") }
            record.numberOfAdopters = number
        } else {
            record.numberOfAdopters = nil
        }
        record.adoptersSex = row[.sexAdoptr]
        record.adoptersLegalStatus = row[.lsAdoptr]
        return record
    }

    /// The decision's date, which the journey needs, made while the child was looked after.
    private static func decisionDate(_ row: SSDA903Row, _ column: SSDA903Column, periods: [PeriodOfCareRecord]) throws(SSDA903ImportProblem) -> CivilDate {
        let date = try row.requiredDate(column, "The date of the decision that the child should be placed for adoption")
        guard period(of: date, among: periods) != nil else {
            throw row.problem(column, "The child was not looked after on \(date.long), so this cannot be the date of a decision "
                + "that they should be placed for adoption: no period of care in the return or recorded covers it")
        }
        return date
    }

    /// The period of care in which a decision made on `date` was made: the one that covers it,
    /// or the next one when that began before the return (it was recorded from an episode that
    /// did not start care, so the child was looked after before it began).
    static func period(of date: CivilDate, among periods: [PeriodOfCareRecord]) -> PeriodOfCareRecord? {
        let sorted = periods.sorted { $0.start < $1.start }
        if let covering = sorted.last(where: { $0.start <= date && ($0.end.map { date <= $0 } ?? true) }) { return covering }
        return sorted.first { $0.start > date }.flatMap { $0.firstEpisodeReason == nil ? nil : $0 }
    }

    /// `adoptions` with the adoption order of each that ended in one: the return holds no date
    /// of the order, but a period of care that ended with the child adopted (`REC` E11 or E12)
    /// ended on the day of the order, which is the order of the latest decision of the period
    /// not reversed (the one whose AD1 row the export writes).
    static func withOrders(_ adoptions: [AdoptionRecord], periods: [PeriodOfCareRecord]) -> [AdoptionRecord] {
        var latest: [CivilDate: Int] = [:]
        for (index, adoption) in adoptions.enumerated() where adoption.decisionReversed == nil {
            guard let period = period(of: adoption.agencyDecision, among: periods), period.end != nil,
                  let reason = period.endReason, adopted.contains(reason) else { continue }
            if latest[period.start].map({ adoptions[$0].agencyDecision < adoption.agencyDecision }) ?? true { latest[period.start] = index }
        }
        var result = adoptions
        for (start, index) in latest {
            result[index].adoptionOrder = periods.first { $0.start == start }?.end
        }
        return result
    }

    /// A child's rows of the year: PlacedAdoption for each decision in force during the year,
    /// made in a period of care open during it; AD1 for the latest decision not reversed of a
    /// period that ended in the year with the child adopted.
    static func rows(_ records: [any JourneyRecord], in year: ClosedRange<CivilDate>)
        -> (placed: [[SSDA903Column: String]], ad1: [SSDA903Column: String]?) {
        let periods = records.compactMap { $0 as? PeriodOfCareRecord }
        var placed: [[SSDA903Column: String]] = []
        var ad1: AdoptionRecord?
        let adoptions = records.compactMap { $0 as? AdoptionRecord }.sorted { $0.agencyDecision < $1.agencyDecision }
        for adoption in adoptions where adoption.agencyDecision <= year.upperBound && (adoption.decisionReversed.map { $0 >= year.lowerBound } ?? true) {
            guard let period = period(of: adoption.agencyDecision, among: periods), period.start <= year.upperBound,
                  period.end.map({ $0 >= year.lowerBound }) ?? true else { continue }
            // A decision reversed after the year was in force all year: written as it stood at its end.
            let ceased = adoption.decisionReversed.flatMap { $0 > year.upperBound ? nil : $0 }
            placed.append([.datePlaced: adoption.agencyDecision.ssda903, .datePlacedCeased: ceased?.ssda903 ?? "",
                           .reasonPlacedCeased: ceased == nil ? "" : adoption.reversedReason ?? ""])
            if adoption.decisionReversed == nil, let end = period.end, year.contains(end), let reason = period.endReason, adopted.contains(reason) {
                ad1 = adoption
            }
        }
        return (placed, ad1.map { adoption in
            [.dateInt: adoption.agencyDecision.ssda903, .dateMatch: adoption.matched?.ssda903 ?? "",
             .fosterCare: SSDA903JourneyCodes.flags.code(adoption.adoptedByFosterCarer) ?? "",
             .nbAdoptr: adoption.numberOfAdopters.map(String.init) ?? "", .sexAdoptr: adoption.adoptersSex ?? "",
             .lsAdoptr: adoption.adoptersLegalStatus ?? ""]
        })
    }
}
