import Foundation

/// Working days for England and Wales: Monday to Friday, less bank holidays, and — for local
/// standards only — the council's own closure days.
///
/// The counting convention is fixed for the whole project, so every timescale counts the same way:
/// - adding N working days to X gives the Nth working day strictly after X; X itself never
///   counts, working day or not (Saturday + 1 = Monday, Friday + 1 = Monday);
/// - working days between A and B counts working days d with A < d ≤ B (negative when B < A).
///
/// Holidays are known only for the years the feed covers; a date in any other year is computed
/// with weekends alone and reported as provisional.
public struct WorkingDayCalendar: Sendable {
    /// Bank holidays known, sorted by date.
    public let bankHolidays: [BankHoliday]
    /// Years for which the feed lists holidays, ascending.
    public let coveredYears: [Int]
    /// Local closure days (apply to local standards only), ascending.
    public let localClosures: [CivilDate]

    private let table: WorkingDayTable
    private let nationalTable: WorkingDayTable

    /// The bundled gov.uk feed for England and Wales (2012–2027).
    public static let englandAndWales: WorkingDayCalendar = {
        guard let url = Bundle.module.url(forResource: "bank-holidays-england-and-wales", withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { fatalError("the bundled bank-holiday file is missing from LineOfSightCore's resources") }
        do {
            return WorkingDayCalendar(holidays: try BankHolidayFeed.parse(data), localClosures: [])
        } catch {
            fatalError("the bundled bank-holiday file is invalid: \(error)")
        }
    }()

    /// A calendar from a list of holidays (mainly for tests and for merging).
    public init(holidays: [BankHoliday], localClosures: [CivilDate] = []) {
        let sorted = holidays.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
        self.bankHolidays = sorted
        self.coveredYears = Array(Set(sorted.map(\.date.year))).sorted()
        self.localClosures = Array(Set(localClosures)).sorted()
        let holidayDays = Set(sorted.map(\.date.dayNumber))
        let closureDays = Set(self.localClosures.map(\.dayNumber))
        // The tables span generously beyond the known holidays so that ordinary look-ups never
        // fall back to arithmetic; beyond them only weekends matter anyway.
        let allDays = holidayDays.union(closureDays)
        let first = Swift.min(CivilDate(year: 1990, month: 1, day: 1)!.dayNumber, allDays.min() ?? .max)
        let last = Swift.max(CivilDate(year: 2060, month: 12, day: 31)!.dayNumber, allDays.max() ?? .min)
        let national = WorkingDayTable(first: first, last: last, closed: holidayDays)
        self.nationalTable = national
        self.table = closureDays.isEmpty ? national : WorkingDayTable(first: first, last: last, closed: allDays)
    }

    /// Merges a newer gov.uk feed file: for every year the file lists any holiday in, its list
    /// replaces this calendar's; other years are kept. Local closures are kept.
    public func merging(feedData: Data) throws(BankHolidayFeedError) -> WorkingDayCalendar {
        let newer = try BankHolidayFeed.parse(feedData)
        let newerYears = Set(newer.map(\.date.year))
        let kept = bankHolidays.filter { !newerYears.contains($0.date.year) }
        return WorkingDayCalendar(holidays: kept + newer, localClosures: localClosures)
    }

    /// The same holidays with these local closure days added (replacing any set before).
    public func withLocalClosures(_ days: [CivilDate]) -> WorkingDayCalendar {
        WorkingDayCalendar(holidays: bankHolidays, localClosures: days)
    }

    /// This calendar without local closures: the definition statutory timescales are reported
    /// against.
    public var national: WorkingDayCalendar {
        localClosures.isEmpty ? self : WorkingDayCalendar(sharing: self)
    }

    private init(sharing other: WorkingDayCalendar) {
        self.bankHolidays = other.bankHolidays
        self.coveredYears = other.coveredYears
        self.localClosures = []
        self.nationalTable = other.nationalTable
        self.table = other.nationalTable
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        table.isWorkingDay(date.dayNumber)
    }

    /// The Nth working day strictly after `date` (N > 0); `date` itself for N = 0; for N < 0,
    /// the |N|th working day strictly before `date`.
    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        if n >= 0 {
            if n == 0 { return date }
            return CivilDate(dayNumber: table.workingDay(withCount: table.count(through: date.dayNumber) + n))
        }
        return CivilDate(dayNumber: table.workingDay(withCount: table.count(through: date.dayNumber - 1) + n + 1))
    }

    /// Working days d with `from` < d ≤ `to`; negative when `to` is before `from`.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        table.count(through: end.dayNumber) - table.count(through: start.dayNumber)
    }

    /// True when the bank holidays of the date's year are not known (the feed does not cover
    /// it), so a working-day result landing there may move when a newer feed is loaded.
    public func isProvisional(_ date: CivilDate) -> Bool {
        !coveredYearsContain(date.year)
    }

    /// The last year the feed covers.
    public var lastCoveredYear: Int? { coveredYears.last }

    @inline(__always)
    private func coveredYearsContain(_ year: Int) -> Bool {
        // The list is short and contiguous in practice: test the ends before searching.
        guard let first = coveredYears.first, let last = coveredYears.last, year >= first, year <= last else {
            return false
        }
        return coveredYears.count == last - first + 1 || coveredYears.contains(year)
    }
}
