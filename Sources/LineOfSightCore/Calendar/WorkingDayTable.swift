/// Precomputed working-day counts over a fixed range of day numbers, so that counting and adding
/// working days are array look-ups. Outside the range, every Monday–Friday is a working day
/// (no holidays are known there) and the counts continue arithmetically.
final class WorkingDayTable: Sendable {
    /// First and last day numbers covered by the arrays.
    let first: Int
    let last: Int
    /// `cumulative[i]` = working days in [first, first + i]. Defines `count(through:)` below.
    private let cumulative: [Int32]
    /// `ordinal[k]` = day number of the (k + 1)th working day on or after `first`.
    private let ordinal: [Int32]

    init(first: Int, last: Int, closed: Set<Int>) {
        self.first = first
        self.last = last
        var cumulative = [Int32](repeating: 0, count: last - first + 1)
        var ordinal: [Int32] = []
        ordinal.reserveCapacity(cumulative.count * 5 / 7 + 7)
        var running: Int32 = 0
        for day in first...last {
            if WorkingDayTable.isWeekday(day), !closed.contains(day) {
                running += 1
                ordinal.append(Int32(day))
            }
            cumulative[day - first] = running
        }
        self.cumulative = cumulative
        self.ordinal = ordinal
    }

    /// Working days in [first, day] (so day `first - 1` has count 0, and earlier days negative
    /// counts). Working days d with a < d ≤ b number `count(through: b) - count(through: a)`.
    @inline(__always)
    func count(through day: Int) -> Int {
        if day >= first && day <= last { return Int(cumulative[day - first]) }
        if day > last { return Int(cumulative[cumulative.count - 1]) + WorkingDayTable.weekdays(after: last, through: day) }
        return -WorkingDayTable.weekdays(after: day, through: first - 1)
    }

    /// The working day whose `count(through:)` is `target` (the `target`th working day counted
    /// from `first`; target ≤ 0 reaches back before `first`).
    @inline(__always)
    func workingDay(withCount target: Int) -> Int {
        if target >= 1 && target <= ordinal.count { return Int(ordinal[target - 1]) }
        if target > ordinal.count { return WorkingDayTable.nthWeekday(after: last, target - ordinal.count) }
        return WorkingDayTable.nthWeekday(before: first, 1 - target)
    }

    func isWorkingDay(_ day: Int) -> Bool {
        count(through: day) != count(through: day - 1)
    }

    // MARK: - Weekday arithmetic beyond the table

    @inline(__always)
    static func isWeekday(_ day: Int) -> Bool {
        ((day % 7) + 7 + 3) % 7 < 5  // 0 = Monday … 6 = Sunday; day 0 was a Thursday
    }

    /// Monday–Friday days d with a < d ≤ b (a ≤ b).
    static func weekdays(after a: Int, through b: Int) -> Int {
        let span = b - a
        var total = span / 7 * 5
        var day = a + span / 7 * 7
        while day < b {
            day += 1
            if isWeekday(day) { total += 1 }
        }
        return total
    }

    /// The nth Monday–Friday day strictly after `day` (n ≥ 1).
    static func nthWeekday(after day: Int, _ n: Int) -> Int {
        let weeks = (n - 1) / 5
        var current = day + weeks * 7
        var remaining = n - weeks * 5
        while remaining > 0 {
            current += 1
            if isWeekday(current) { remaining -= 1 }
        }
        return current
    }

    /// The nth Monday–Friday day strictly before `day` (n ≥ 1).
    static func nthWeekday(before day: Int, _ n: Int) -> Int {
        let weeks = (n - 1) / 5
        var current = day - weeks * 7
        var remaining = n - weeks * 5
        while remaining > 0 {
            current -= 1
            if isWeekday(current) { remaining -= 1 }
        }
        return current
    }
}
