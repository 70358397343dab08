import LineOfSightCore

/// Dates as GOV.UK style writes them: "3 March 2025".
enum DateText {
    static func long(_ date: CivilDate) -> String { date.long }

    /// "Friday 28 August 2026": where the day of the week matters (working-day arithmetic).
    static func withWeekday(_ date: CivilDate) -> String {
        "\(weekdays[date.weekday.rawValue - 1]) \(long(date))"
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "2 years 3 months", "5 months", "12 days": how long since `from`.
    static func duration(from: CivilDate, to today: CivilDate) -> String {
        let months = from.wholeMonths(to: today)
        func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }
        if months < 1 { return plural(max(0, from.days(to: today)), "day") }
        if months < 12 { return plural(months, "month") }
        return plural(months / 12, "year") + (months % 12 == 0 ? "" : " " + plural(months % 12, "month"))
    }

    /// "4 years old", or "Unborn (due 3 March 2026)".
    static func age(dateOfBirth: CivilDate?, expected: CivilDate?, today: CivilDate) -> String {
        if let birth = dateOfBirth {
            let years = birth.age(on: today)
            if years >= 1 { return "\(years) year\(years == 1 ? "" : "s") old" }
            let months = birth.wholeMonths(to: today)
            return "\(months) month\(months == 1 ? "" : "s") old"
        }
        if let due = expected { return "Unborn (due \(long(due)))" }
        return "Not recorded"
    }
}
