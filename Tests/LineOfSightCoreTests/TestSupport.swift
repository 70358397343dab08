import LineOfSightCore

/// `d("2025-12-19")`: a date literal for tests; a typo stops the run at once.
func d(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date literal \(iso)") }
    return date
}

let england = WorkingDayCalendar.englandAndWales

/// The obligations of one rule, in chain order, from deriving `journey`.
func obligations(_ rule: RuleID, _ journey: Journey, standards: LocalStandards = .defaults,
                 calendar: WorkingDayCalendar = england) -> [Obligation] {
    derive(journey, standards: standards, calendar: calendar).obligations.filter { $0.ruleID == rule }
}

/// Obligations whose id starts with a chain prefix (e.g. "cla.visit:PL1"), whatever rule set each interval.
func chainLinks(_ prefix: String, _ journey: Journey, standards: LocalStandards = .defaults,
                calendar: WorkingDayCalendar = england) -> [Obligation] {
    derive(journey, standards: standards, calendar: calendar).obligations.filter { $0.id.hasPrefix(prefix + "#") }
}

func status(_ obligation: Obligation?, asOf: String) -> ObligationStatus? {
    obligation?.status(asOf: d(asOf), dueSoonDays: 7)
}
