import LineOfSightCore
import PropertyBased
import Testing

/// Laws of the working-day convention, over dates from before the precomputed table to after
/// it (1985–2065), so the array look-ups and the arithmetic fallback are held to the same rules.
@Suite struct WorkingDayLawsTests {
    static let days = Gen.int(in: d("1985-01-01").dayNumber...d("2065-12-31").dayNumber)
    let calendar = england.withLocalClosures([d("2025-12-24"), d("1989-12-29"), d("2061-01-03")])

    @Test func addingThenCountingBackGivesN() async {
        await propertyCheck(count: 500, input: Self.days, Gen.int(in: 0...400)) { day, n in
            let start = CivilDate(dayNumber: day)
            let end = england.adding(workingDays: n, to: start)
            #expect(england.workingDays(from: start, to: end) == n)
        }
    }

    @Test func resultsAreWorkingDaysStrictlyAfterTheStart() async {
        await propertyCheck(count: 500, input: Self.days, Gen.int(in: 1...400)) { day, n in
            let start = CivilDate(dayNumber: day)
            let end = calendar.adding(workingDays: n, to: start)
            #expect(calendar.isWorkingDay(end))
            #expect(end > start)
            // No earlier day has already reached N.
            #expect(calendar.workingDays(from: start, to: end.adding(days: -1)) == n - 1)
        }
    }

    @Test func countingMatchesStepping() async {
        await propertyCheck(count: 300, input: Self.days, Gen.int(in: -60...60)) { day, span in
            let a = CivilDate(dayNumber: day)
            let b = a.adding(days: span)
            var stepped = 0
            for offset in 1...max(1, abs(span)) where span != 0 {
                let dayCounted = span > 0 ? a.adding(days: offset) : b.adding(days: offset)
                if calendar.isWorkingDay(dayCounted) { stepped += 1 }
            }
            #expect(calendar.workingDays(from: a, to: b) == (span >= 0 ? stepped : -stepped))
        }
    }

    @Test func negativeAddingInvertsFromAWorkingDay() async {
        await propertyCheck(count: 300, input: Self.days, Gen.int(in: 1...200)) { day, n in
            let start = england.adding(workingDays: 1, to: CivilDate(dayNumber: day))
            let back = england.adding(workingDays: -n, to: start)
            #expect(england.isWorkingDay(back))
            #expect(england.workingDays(from: start, to: back) == -n)
        }
    }

    @Test func monthArithmeticNeverOverflowsTheMonth() async {
        await propertyCheck(count: 300, input: Self.days, Gen.int(in: -48...48)) { day, months in
            let start = CivilDate(dayNumber: day)
            let end = start.adding(months: months)
            let monthDistance = (end.year - start.year) * 12 + end.month - start.month
            #expect(monthDistance == months)
            #expect(end.day == min(start.day, CivilDate.daysIn(month: end.month, year: end.year)))
        }
    }
}
