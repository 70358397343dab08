/// Adoption scorecard measures (shared/reference/timescales.md §5), over children adopted in a
/// period — by convention three years ending 31 March.
public enum AdoptionMeasures {
    /// The scorecard period: 1 April three years before, to 31 March of `year`.
    public static func scorecardPeriod(endingMarch year: Int) -> ClosedRange<CivilDate> {
        CivilDate(year: year - 3, month: 4, day: 1)!...CivilDate(year: year, month: 3, day: 31)!
    }

    /// The date the child entered care for the period of care in which they were adopted.
    public static func enteredCare(_ journey: Journey) -> CivilDate? {
        guard let anchor = journey.adoption?.placed ?? journey.adoption?.adoptionOrder else { return nil }
        return journey.periodsOfCare.filter { $0.start <= anchor }.map(\.start).max()
    }

    /// A1: days from entering care to moving in with the adoptive family, for an adopted child.
    public static func a1Days(_ journey: Journey) -> Int? {
        guard let adoption = journey.adoption, adoption.adoptionOrder != nil, let placed = adoption.placed,
              let entered = enteredCare(journey) else { return nil }
        return entered.days(to: placed)
    }

    /// A10: as A1, but for a child adopted by their foster carers the move-in date is the date
    /// they moved in with those carers (the placement date when that is not recorded).
    public static func a10Days(_ journey: Journey) -> Int? {
        guard let adoption = journey.adoption, adoption.adoptionOrder != nil, let placed = adoption.placed,
              let entered = enteredCare(journey) else { return nil }
        let movedIn = adoption.adoptedByFosterCarer == true ? (adoption.movedInWithFosterCarer ?? placed) : placed
        return entered.days(to: movedIn)
    }

    /// A2: days from court authority to place (placement order) to the match decision, for an
    /// adopted child. Matched before authority counts 0. Excluded (nil): no placement order,
    /// not placed for adoption before the adoption order, or no match recorded.
    public static func a2Days(_ journey: Journey) -> Int? {
        guard let adoption = journey.adoption, let order = adoption.adoptionOrder,
              let authority = adoption.placementOrder, let placed = adoption.placed, placed < order,
              let matched = adoption.matched else { return nil }
        return max(0, authority.days(to: matched))
    }

    /// A3: waited less than 14 months from entering care to moving in with the adoptive family.
    public static func a3WaitedUnder14Months(_ journey: Journey) -> Bool? {
        guard a1Days(journey) != nil, let entered = enteredCare(journey), let placed = journey.adoption?.placed else {
            return nil
        }
        return placed < entered.adding(months: 14)
    }

    public struct Scorecard: Sendable, Hashable {
        public let period: ClosedRange<CivilDate>
        /// Children with an adoption order in the period.
        public let adopted: Int
        public let a1AverageDays: Double?
        public let a2AverageDays: Double?
        public let a2Children: Int
        public let a3Percent: Double?
        public let a10AverageDays: Double?
    }

    /// Arithmetic means over the children adopted in `period`.
    public static func scorecard(_ journeys: [Journey], period: ClosedRange<CivilDate>) -> Scorecard {
        let adopted = journeys.filter { journey in journey.adoption?.adoptionOrder.map(period.contains) ?? false }
        func mean(_ values: [Int]) -> Double? { values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count) }
        let a2 = adopted.compactMap(a2Days)
        let a3 = adopted.compactMap(a3WaitedUnder14Months)
        return Scorecard(period: period, adopted: adopted.count, a1AverageDays: mean(adopted.compactMap(a1Days)),
                         a2AverageDays: mean(a2), a2Children: a2.count,
                         a3Percent: a3.isEmpty ? nil : 100 * Double(a3.filter { $0 }.count) / Double(a3.count),
                         a10AverageDays: mean(adopted.compactMap(a10Days)))
    }
}
