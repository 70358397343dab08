import Foundation

/// Calendar arithmetic in the project's one convention (see `WorkingDayCalendar`).
extension CivilDate {
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    public func adding(weeks: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + 7 * weeks)
    }

    /// Calendar months, clipped to the end of a shorter month: 31 Jan + 1 month = 28 Feb
    /// (29 Feb in a leap year), as "not more than three months after" is read for reviews.
    public func adding(months: Int) -> CivilDate {
        let (y, m, d) = components
        let monthIndex = y * 12 + (m - 1) + months
        let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let month = monthIndex - year * 12 + 1
        let day = Swift.min(d, CivilDate.daysIn(month: month, year: year))
        return CivilDate(dayNumber: CivilDate.dayNumber(year: year, month: month, day: day))
    }

    public func adding(years: Int) -> CivilDate {
        adding(months: 12 * years)
    }

    /// Signed number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The last day of a period of `weeks` weeks "beginning with" this day: the day itself is
    /// day 1, so 26 weeks beginning with X ends on X + 181 (Children Act 1989 s32(1)(a)).
    public func lastDayOfWeeksBeginningHere(_ weeks: Int) -> CivilDate {
        adding(days: weeks * 7 - 1)
    }

    /// The day on which someone born on `self` reaches `age`. A 29 February birthday falls on
    /// 28 February in common years (the clipping of `adding(months:)`).
    public func birthday(age: Int) -> CivilDate {
        adding(years: age)
    }

    /// Age in whole years on `date`, for someone born on `self` (0 before the first birthday,
    /// negative before birth).
    public func age(on date: CivilDate) -> Int {
        var age = date.year - year
        if birthday(age: age) > date { age -= 1 }
        return age
    }

    /// Whole calendar months from `self` to `date` (a baby's age in months), with the same month-end
    /// clipping as `adding(months:)`: 31 Jan to 29 Feb 2024 is one month. 0 when `date` is earlier.
    public func wholeMonths(to date: CivilDate) -> Int {
        guard date > self else { return 0 }
        var months = (date.year - year) * 12 + date.month - month
        if adding(months: months) > date { months -= 1 }
        return months
    }

    /// Today's civil date in Europe/London, the zone every council in England works in.
    /// Pass `now` to make "today" deterministic in tests.
    public static func today(now: Date = Date()) -> CivilDate {
        let offset = londonTimeZone.secondsFromGMT(for: now)
        let seconds = now.timeIntervalSince1970 + Double(offset)
        return CivilDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    private static let londonTimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
}
