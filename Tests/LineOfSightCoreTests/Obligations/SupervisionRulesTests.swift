import LineOfSightCore
import Testing

@Suite struct SupervisionRulesTests {
    func sessions(_ dates: [String]) -> [DatedRecord] {
        dates.enumerated().map { DatedRecord(id: "S\($0.offset + 1)", date: d($0.element)) }
    }

    @Test func newlyQualifiedWeeklyThenFortnightlyThenMonthly() {
        // Started Mon 1 Sep 2025: weekly until 13 Oct, fortnightly until 1 Mar 2026, then monthly.
        let record = StaffSupervision(staffID: "W1", teamID: "T1", managerID: "M1", start: d("2025-09-01"), newlyQualified: true,
                                      sessions: sessions(["2025-09-08", "2025-09-16", "2025-10-14", "2026-03-02"]))
        let links = deriveSupervision(record, standards: .defaults, calendar: england)
        #expect(links.map(\.due) == [d("2025-09-08"), d("2025-09-15"), d("2025-09-23"), d("2025-10-28"), d("2026-04-02")])
        #expect(links.map { $0.status(asOf: d("2026-03-10"), dueSoonDays: 7) } == [.metOnTime, .metLate, .metLate, .metLate, .upcoming])
        #expect(links.allSatisfy { $0.subject == Subject(.staffMember, "W1") && $0.ruleID == .supervisionNewlyQualified })
        #expect(links.first?.responsible == Responsibility(teamID: "T1", workerID: "M1"))
    }

    @Test func caseHoldersEveryFourWeeksUntilTheyLeave() throws {
        let record = StaffSupervision(staffID: "W2", start: d("2025-09-01"), end: d("2025-11-15"), sessions: sessions(["2025-09-29"]))
        let links = deriveSupervision(record, standards: .defaults, calendar: england)
        #expect(links.map(\.due) == [d("2025-09-29"), d("2025-10-27")])
        #expect(links.last?.notApplicable == NotApplicable(reason: "left post", since: d("2025-11-15")))
        let sixWeekly = try LocalStandards.defaults.overriding(["supervision.interval_weeks": .integer(6)])
        #expect(deriveSupervision(record, standards: sixWeekly, calendar: england).first?.due == d("2025-10-13"))
    }
}
