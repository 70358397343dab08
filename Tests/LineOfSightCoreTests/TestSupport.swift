import LineOfSightCore

/// `d("2025-12-19")`: a date literal for tests; a typo stops the run at once.
func d(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date literal \(iso)") }
    return date
}

let england = WorkingDayCalendar.englandAndWales
