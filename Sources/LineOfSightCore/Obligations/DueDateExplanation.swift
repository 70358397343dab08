/// Why an obligation is due when it is (M24): the interval from the event that started its clock,
/// counted as its rule counts, and the weekdays that were not counted. Worked out backwards from
/// the stored dates, so it explains exactly the date people see, whatever the local standards.
public struct DueDateExplanation: Sendable, Hashable {
    public enum Interval: Sendable, Hashable {
        case workingDays(Int), months(Int), weeks(Int), days(Int)
    }

    /// A weekday between the start and the due date that was not a working day.
    public struct NotCounted: Sendable, Hashable {
        public enum Reason: Sendable, Hashable { case bankHoliday, closureDay }
        public let date: CivilDate
        public let reason: Reason
    }

    public let rule: Rule
    public let interval: Interval
    public let notCounted: [NotCounted]

    /// Nil for an obligation whose rule is not in the catalogue.
    public init?(_ obligation: Obligation, calendar: WorkingDayCalendar) {
        guard let rule = RuleCatalogue.rule(obligation.ruleID) else { return nil }
        self.rule = rule
        let (start, due) = (obligation.startedBy.date, obligation.due)
        switch rule.calendar {
        case .nationalWorkingDays, .localWorkingDays:
            let counting = rule.calendar == .nationalWorkingDays ? calendar.national : calendar
            interval = .workingDays(counting.workingDays(from: start, to: due))
            var skipped: [NotCounted] = []
            var day = start.adding(days: 1)
            while day <= due {
                if !day.weekday.isWeekend, !counting.isWorkingDay(day) {
                    skipped.append(NotCounted(date: day, reason: calendar.national.isWorkingDay(day) ? .closureDay : .bankHoliday))
                }
                day = day.adding(days: 1)
            }
            notCounted = skipped
        case .calendar:
            let days = start.days(to: due)
            if let months = (1...240).first(where: { start.adding(months: $0) == due }) {
                interval = .months(months)
            } else if days > 0, days % 7 == 0 {
                interval = .weeks(days / 7)
            } else {
                interval = .days(days)
            }
            notCounted = []
        }
    }
}
