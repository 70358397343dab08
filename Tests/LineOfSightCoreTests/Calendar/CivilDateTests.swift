import Foundation
import LineOfSightCore
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: ["2024-02-29", "2025-12-31", "0001-01-01", "9999-12-31", "1970-01-01", "1969-12-31"])
    func isoRoundTrips(_ text: String) {
        #expect(CivilDate(iso: text)?.iso == text)
    }

    @Test(arguments: ["2025-02-30", "2023-02-29", "2025-2-03", "2025-02-3", "20250-01-01", "2025/01/01",
                      "2025-13-01", "2025-00-10", "0000-01-01", "2025-01-00", "", "2025-01-01T00:00", " 2025-01-01"])
    func strictISORejects(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func componentsAndWeekday() {
        let date = d("2025-12-19")
        #expect(date.year == 2025 && date.month == 12 && date.day == 19)
        #expect(date.weekday == .friday)
        #expect(d("1970-01-01").weekday == .thursday)
        #expect(d("1969-12-28").weekday == .sunday)
        #expect(d("2024-02-29").weekday == .thursday)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
    }

    @Test func addingMonthsClipsToMonthEnd() {
        #expect(d("2025-01-31").adding(months: 1) == d("2025-02-28"))
        #expect(d("2024-01-31").adding(months: 1) == d("2024-02-29"))
        #expect(d("2024-02-29").adding(months: 12) == d("2025-02-28"))
        #expect(d("2025-11-30").adding(months: 3) == d("2026-02-28"))
        #expect(d("2025-08-31").adding(months: 6) == d("2026-02-28"))
        #expect(d("2025-03-31").adding(months: -1) == d("2025-02-28"))
        #expect(d("2025-10-15").adding(months: 3) == d("2026-01-15"))
    }

    @Test func daysWeeksAndTwentySixWeeksBeginningWith() {
        #expect(d("2025-12-30").adding(days: 3) == d("2026-01-02"))
        #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
        #expect(d("2025-01-06").adding(weeks: 16) == d("2025-04-28"))
        #expect(d("2025-01-06").days(to: d("2025-07-06")) == 181)
        #expect(d("2025-01-06").lastDayOfWeeksBeginningHere(26) == d("2025-07-06"))
        #expect(d("2024-01-08").lastDayOfWeeksBeginningHere(26) == d("2024-07-07"))  // across 29 Feb
    }

    @Test func ageOnADateWithLeapDayBirthday() {
        let born = d("2008-02-29")
        #expect(born.age(on: d("2025-02-27")) == 16)
        #expect(born.age(on: d("2025-02-28")) == 17)
        #expect(born.age(on: d("2024-02-28")) == 15)
        #expect(born.age(on: d("2024-02-29")) == 16)
        #expect(born.birthday(age: 16) == d("2024-02-29"))
        #expect(born.birthday(age: 17) == d("2025-02-28"))
        #expect(d("2010-06-15").age(on: d("2010-06-14")) == -1)
        #expect(d("2010-06-15").age(on: d("2026-06-15")) == 16)
    }

    @Test func wholeMonthsForABabysAge() {
        #expect(d("2026-01-15").wholeMonths(to: d("2026-03-14")) == 1)
        #expect(d("2026-01-15").wholeMonths(to: d("2026-03-15")) == 2)
        // Month-end birthdays: a month after 31 January 2024 is 29 February (leap year).
        #expect(d("2024-01-31").wholeMonths(to: d("2024-02-29")) == 1)
        #expect(d("2024-01-31").wholeMonths(to: d("2024-02-28")) == 0)
        #expect(d("2025-11-30").wholeMonths(to: d("2026-11-22")) == 11)
        #expect(d("2026-03-01").wholeMonths(to: d("2026-02-01")) == 0)
    }

    @Test func todayIsTheLondonCivilDate() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        let summer = Date(timeIntervalSince1970: 1_751_326_200)  // 2025-06-30T23:30:00Z
        #expect(CivilDate.today(now: summer) == d("2025-07-01"))
        // In winter London is on UTC.
        let winter = Date(timeIntervalSince1970: 1_767_223_800)  // 2025-12-31T23:30:00Z
        #expect(CivilDate.today(now: winter) == d("2025-12-31"))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode(["due": d("2026-01-14")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"due":"2026-01-14"}"#)
        let decoded = try JSONDecoder().decode([String: CivilDate].self, from: Data(#"{"x":"2024-02-29"}"#.utf8))
        #expect(decoded["x"] == d("2024-02-29"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: CivilDate].self, from: Data(#"{"x":"2025-02-30"}"#.utf8))
        }
    }
}
