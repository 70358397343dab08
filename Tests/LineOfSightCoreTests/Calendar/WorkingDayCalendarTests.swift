import Foundation
import LineOfSightCore
import Testing

/// Expected dates are worked by hand from bank-holidays-england-and-wales.json.
@Suite struct WorkingDayCalendarTests {
    @Test func theStartDayNeverCounts() {
        #expect(england.adding(workingDays: 1, to: d("2025-01-04")) == d("2025-01-06"))  // Sat + 1 = Mon
        #expect(england.adding(workingDays: 1, to: d("2025-01-03")) == d("2025-01-06"))  // Fri + 1 = Mon
        #expect(england.adding(workingDays: 1, to: d("2025-01-05")) == d("2025-01-06"))  // Sun + 1 = Mon
        #expect(england.adding(workingDays: 1, to: d("2025-01-06")) == d("2025-01-07"))
        #expect(england.adding(workingDays: 0, to: d("2025-01-04")) == d("2025-01-04"))
    }

    @Test func christmasAndNewYear() {
        // 22, 23, 24 Dec; 25–26 holidays; 29, 30, 31; 1 Jan holiday; 2, 5–9, 12, 13, 14 Jan.
        #expect(england.adding(workingDays: 15, to: d("2025-12-19")) == d("2026-01-14"))
        #expect(england.adding(workingDays: 1, to: d("2025-12-25")) == d("2025-12-29"))  // start on a holiday
        // 2026: Christmas on Friday, Boxing Day substitute Monday 28 Dec.
        #expect(england.adding(workingDays: 1, to: d("2026-12-24")) == d("2026-12-29"))
        // 2027: both substitutes (27 and 28 Dec).
        #expect(england.adding(workingDays: 1, to: d("2027-12-24")) == d("2027-12-29"))
    }

    @Test func easterMayAndAugust() {
        #expect(england.adding(workingDays: 1, to: d("2025-04-17")) == d("2025-04-22"))  // Good Fri, Easter Mon
        #expect(england.adding(workingDays: 1, to: d("2025-05-23")) == d("2025-05-27"))  // late May Monday
        #expect(england.adding(workingDays: 1, to: d("2025-08-22")) == d("2025-08-26"))  // August Monday
        #expect(england.adding(workingDays: 1, to: d("2024-05-24")) == d("2024-05-28"))
    }

    @Test func veDay2020MovedTheEarlyMayHoliday() {
        #expect(!england.isWorkingDay(d("2020-05-08")))
        #expect(england.isWorkingDay(d("2020-05-04")))  // the usual early-May Monday was a working day
        #expect(england.adding(workingDays: 1, to: d("2020-05-07")) == d("2020-05-11"))
        #expect(england.adding(workingDays: 1, to: d("2020-05-01")) == d("2020-05-04"))
    }

    @Test func countingBetweenDates() {
        #expect(england.workingDays(from: d("2025-12-19"), to: d("2026-01-14")) == 15)
        #expect(england.workingDays(from: d("2026-01-14"), to: d("2025-12-19")) == -15)
        #expect(england.workingDays(from: d("2025-01-04"), to: d("2025-01-06")) == 1)
        #expect(england.workingDays(from: d("2025-01-06"), to: d("2025-01-06")) == 0)
        #expect(england.workingDays(from: d("2025-12-24"), to: d("2025-12-28")) == 0)
        #expect(england.workingDays(from: d("2024-12-31"), to: d("2025-12-31")) == 253)  // 261 weekdays less 8 bank holidays
    }

    @Test func negativeAddingCountsBackFromTheDay() {
        #expect(england.adding(workingDays: -1, to: d("2025-12-29")) == d("2025-12-24"))
        #expect(england.adding(workingDays: -1, to: d("2025-01-06")) == d("2025-01-03"))
        #expect(england.adding(workingDays: -2, to: d("2025-04-22")) == d("2025-04-16"))
    }

    @Test func coverageAndProvisionalDates() {
        #expect(england.coveredYears == Array(2012...2027))
        #expect(!england.isProvisional(d("2027-12-31")))
        #expect(england.isProvisional(d("2028-01-04")))
        #expect(england.isProvisional(d("2011-12-30")))
        // Beyond the feed only weekends are known.
        #expect(england.adding(workingDays: 1, to: d("2029-12-31")) == d("2030-01-01"))
        #expect(england.adding(workingDays: 1, to: d("2099-12-31")) == d("2100-01-01"))
    }

    @Test func aNewerFeedWinsForTheYearsItCovers() throws {
        let feed = """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year’s Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true},
          {"title": "Made-up day", "date": "2027-06-01", "notes": "", "bunting": false}
        ]}, "scotland": {"division": "scotland", "events": []}}
        """
        let merged = try england.merging(feedData: Data(feed.utf8))
        #expect(merged.coveredYears == Array(2012...2028))
        #expect(!merged.isProvisional(d("2028-06-01")))
        #expect(!merged.isWorkingDay(d("2028-01-03")))
        #expect(!merged.isWorkingDay(d("2027-06-01")))
        #expect(merged.isWorkingDay(d("2027-12-27")))  // 2027 was replaced by the newer list
        #expect(!merged.isWorkingDay(d("2026-12-28")))  // 2026 kept
    }

    @Test func badFeedsAreRefusedWithAReason() {
        #expect(throws: BankHolidayFeedError.self) { try england.merging(feedData: Data("[]".utf8)) }
        #expect(throws: BankHolidayFeedError.self) { try england.merging(feedData: Data(#"{"scotland":{"events":[]}}"#.utf8)) }
        do {
            _ = try england.merging(feedData: Data(#"{"england-and-wales":{"events":[{"title":"x","date":"2028-02-30"}]}}"#.utf8))
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains("events[0].date"))
        }
    }

    @Test func localClosuresApplyOnlyToTheLocalCalendar() {
        let local = england.withLocalClosures([d("2025-12-24"), d("2025-12-31")])
        #expect(!local.isWorkingDay(d("2025-12-24")))
        #expect(local.national.isWorkingDay(d("2025-12-24")))
        #expect(local.adding(workingDays: 1, to: d("2025-12-23")) == d("2025-12-29"))
        #expect(local.national.adding(workingDays: 1, to: d("2025-12-23")) == d("2025-12-24"))
        #expect(local.workingDays(from: d("2025-12-19"), to: d("2026-01-14")) == 13)
    }
}
