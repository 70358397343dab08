import Foundation
@testable import LineOfSightCore
import Testing

/// The checks of the records the return asks of a looked-after child's status: previous
/// permanence with an order's date known only in part, UASC status, deprivation of liberty.
@Suite struct LookedAfterStatusRecordTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    static let period = PeriodOfCareRecord(start: d("2025-06-10"), legalStatus: "C2", categoryOfNeed: "N1", placementType: "U4")

    static func problems(_ record: any JourneyRecord) -> [String] {
        let journey = Journey(childID: "C", dateOfBirth: d("2012-05-01"), events: [RecordedEvent(id: "p", record: period)], allocations: [])
        return record.validate(in: RecordContext(today: d("2026-11-30"), dateOfBirth: d("2012-05-01"), journey: journey)).map(\.field)
    }

    static func previous(_ option: String = "P2", authority: String? = "342", year: Int? = nil, month: Int? = nil, day: Int? = nil,
                         date: String = "2025-06-10") -> PreviousPermanenceRecord {
        PreviousPermanenceRecord(date: d(date), option: option, authority: authority, orderYear: year, orderMonth: month, orderDay: day)
    }

    @Test func anOrdersDateIsHeldAsFarAsItIsKnownButNeverADayWithoutItsMonthOrAfterCareBegan() {
        #expect(Self.problems(Self.previous(year: 2019, month: 3, day: 14)).isEmpty)
        #expect(Self.problems(Self.previous(year: 2019, month: 3)).isEmpty)
        #expect(Self.problems(Self.previous(year: 2019)).isEmpty)
        #expect(Self.problems(Self.previous(year: 2019, day: 14)) == ["orderMonth"])
        #expect(Self.problems(Self.previous(month: 3)) == ["orderYear"])
        #expect(Self.problems(Self.previous(year: 2019, month: 13)) == ["orderMonth"])
        #expect(Self.problems(Self.previous(year: 2019, month: 2, day: 30)) == ["orderDay"])
        #expect(Self.problems(Self.previous(year: 2025, month: 7)) == ["orderYear"], "after the child came into care")
        #expect(Self.problems(Self.previous(year: 2025)).isEmpty, "the year of care: the order may have come before")
        #expect(Self.previous(year: 2019, month: 3).orderDate == nil, "no day is invented")
        #expect(Self.problems(Self.previous("Z1", authority: "342")) == ["option"], "no previous permanence has no authority")
        #expect(Self.problems(Self.previous("Q9")) == ["option"])
        #expect(Self.problems(Self.previous(date: "2025-01-10")) == ["date"], "not looked after that day")
    }

    @Test func uascStatusEndsByTheEighteenthBirthdayAndADeprivationOfLibertyAfterItIsMade() {
        #expect(Self.problems(UASCRecord(date: Self.d("2025-06-10"), ceased: Self.d("2026-05-01"))).isEmpty)
        #expect(Self.problems(UASCRecord(date: Self.d("2025-06-10"), ceased: Self.d("2025-06-01"))) == ["ceased"])
        #expect(UASCRecord(date: Self.d("2025-06-10")).during(Self.d("2025-04-01")...Self.d("2026-03-31")))
        #expect(!UASCRecord(date: Self.d("2023-06-10"), ceased: Self.d("2025-03-01")).during(Self.d("2025-04-01")...Self.d("2026-03-31")))
        #expect(Self.problems(DeprivationOfLibertyRecord(start: Self.d("2025-07-01"), end: Self.d("2025-07-01"))) == ["end"])
        #expect(Self.problems(DeprivationOfLibertyRecord(start: Self.d("2025-07-01"))).isEmpty)
    }
}
