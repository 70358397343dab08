import LineOfSightCore
import Testing

/// The council's caseload standard (thresholds per service and for newly qualified workers,
/// weights by stage) and the months of the workforce trend, worked by hand.
@Suite struct CaseloadsTests {
    @Test func thresholdsByServiceScaledByHoursAndLowerForNewlyQualifiedWorkers() {
        let standard = CaseloadStandard(.defaults)
        #expect(standard.threshold(service: "cin_cp", newlyQualified: false, fte: 1) == 18)
        #expect(standard.threshold(service: "cin_cp", newlyQualified: false, fte: 0.5) == 9)
        // Newly qualified: the lower of 12 and the service's; on 0.6 hours, 7.2.
        #expect(standard.threshold(service: "cin_cp", newlyQualified: true, fte: 0.6) == 12 * 0.6)
        #expect(standard.threshold(service: "care_leavers", newlyQualified: false, fte: 1) == 25)
        #expect(standard.threshold(service: "unknown", newlyQualified: false, fte: 1) == nil)
        #expect(CaseloadStandard.services.allSatisfy { standard.threshold(service: $0, newlyQualified: false, fte: 1) != nil })
    }

    @Test func weightsApplyOnlyWhenTheCouncilWeightsCaseloads() throws {
        let unweighted = try CaseloadStandard(LocalStandards.defaults.overriding(["caseload.weight.child_protection_percent": .integer(150)]))
        #expect(!unweighted.weighted && unweighted.weight(.childProtectionPlan) == 1)
        let weighted = try CaseloadStandard(LocalStandards.defaults.overriding([
            "caseload.weighted": .boolean(true), "caseload.weight.child_protection_percent": .integer(150),
            "caseload.weight.care_leaver_percent": .integer(50),
        ]))
        #expect(weighted.weight(.childProtectionPlan) == 1.5 && weighted.weight(.s47Enquiry) == 1.5)
        #expect(weighted.weight(.careLeaver) == 0.5 && weighted.weight(.lookedAfter) == 1)
        #expect(throws: StandardsError.self) { try LocalStandards.defaults.overriding(["caseload.threshold.cin_cp": .integer(0)]) }
    }

    @Test func theLastTwelveMonthsEndWithTodayAndCountLeapFebruaries() {
        let months = TrendMonth.lastTwelve(endingOn: d("2026-03-31"))
        #expect(months.count == 12)
        #expect(months.first?.first == d("2025-04-01") && months.first?.last == d("2025-04-30"))
        #expect(months.last?.first == d("2026-03-01") && months.last?.last == d("2026-03-31"))
        #expect(months.map(\.title).prefix(2) == ["April 2025", "May 2025"])
        // Mid-month: the current month runs to today; February 2024 had 29 days.
        let leap = TrendMonth.lastTwelve(endingOn: d("2024-03-10"))
        #expect(leap.last?.first == d("2024-03-01") && leap.last?.last == d("2024-03-10"))
        #expect(leap[10].last == d("2024-02-29") && leap[0].first == d("2023-04-01"))
        #expect(TrendMonth.yearBefore(d("2026-03-31")) == d("2025-04-01"))
        #expect(TrendMonth.yearBefore(d("2024-02-29")) == d("2023-03-01"))
        // The month as a filter names it, and whether it is counted to its last day.
        #expect(leap.map(\.id).suffix(2) == ["2024-02", "2024-03"])
        #expect(leap[10].isComplete && !leap[11].isComplete && months[11].isComplete)
    }
}
