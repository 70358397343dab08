import LineOfSightCore
@testable import LineOfSightReturns
import Testing

@Suite struct ValidatorTests {
    @Test func aMalformedDateIsAFindingAndEveryOtherRuleStillRunsOnEveryRow() {
        let current = SSDA903Return(tables: [.header: table(.header,
            "1,M,31/02/2012,XXXX,UN3,,", "2,M,01/01/2012,YYYY,UN3,,", "3,Q,2012-01-01,WBRI,UN3,,")])
        let report = SSDA903Validator.validate(current, ruleSet: .lac2025_26)
        let found = Set(report.findings.map { "\($0.ruleCode)@\($0.row)" })
        #expect(found.isSuperset(of: ["102@0", "102@2", "103@0", "103@1", "101@2"]))
    }

    @Test func aFindingNamesTheRuleChildTableRowAndLine() {
        let current = SSDA903Return(tables: [.header: table(.header, "A1,M,01/01/2012,WBRI,UN3,,", "A2,M,01/01/2012,XXXX,UN3,,")])
        let report = SSDA903Validator.validate(current, ruleSet: .lac2025_26,
                                               rules: SSDA903Rules.all.filter { $0.code == "103" })
        #expect(Array(report.findings) == [SSDA903Finding(ruleCode: "103", childID: "A2", table: .header, row: 1, line: 3)])
        #expect(report.csv == "rule_code,child_id,table,row_index\n103,A2,Header,1\n")
    }

    /// Rule 706's fault is a DoLO left open in last year's files: the finding names that table,
    /// its row, line and child, not a row of this year's table with the same number.
    @Test func aRowOfLastYearsTableIsNamedAsLastYears() {
        let current = SSDA903Return(tables: [.doLo: table(.doLo, "1,,01/06/2025,")])
        let previous = SSDA903Return(tables: [.doLo: table(.doLo, "1,,01/06/2025,", "2,,01/06/2025,")])
        let report = SSDA903Validator.validate(current, previous: previous, ruleSet: .lac2026_27,
                                               rules: SSDA903Rules.all.filter { $0.code == "706" })
        #expect(Array(report.findings) == [SSDA903Finding(ruleCode: "706", childID: "2", table: .doLo, row: 1, line: 3, lastYear: true)])
        #expect(report.csv == "rule_code,child_id,table,row_index\n706,2,DoLo_last,1\n")
        var text = ""
        report.writeTable { text += $0 }
        #expect(text.contains("last year's DoLo row 1 (line 3), child 2"))
    }

    /// Rule 1012 runs with Episodes alone and flags whichever of its tables are present.
    @Test func aRuleWithOptionalTablesRunsWithoutThem() {
        let current = SSDA903Return(tables: [.episodes: table(.episodes, "1,01/01/2025,S,C2,N1,U1,PR1,,,,,,"),
                                             .reviews: table(.reviews, "1,,01/06/2025,PN1", "2,,01/06/2025,PN1")])
        let report = SSDA903Validator.validate(current, ruleSet: .lac2025_26, rules: SSDA903Rules.all.filter { $0.code == "1012" })
        #expect(report.ran == ["1012"])
        #expect(report.findings.map { "\($0.table.rawValue)@\($0.row)" } == ["Reviews@1"])
    }

    /// 411 cannot be raised by any return (PL_LOCATION is derived from PL_LA): it is not a rule
    /// that runs, but it is listed for every year, with the reason.
    @Test func aRuleNoInputCanRaiseIsListedWithItsReason() {
        #expect(!SSDA903Rules.all.contains { $0.code == "411" })
        for ruleSet in SSDA903RuleSet.allCases {
            #expect(SSDA903Rules.unraisable(for: ruleSet).map(\.code) == ["411"])
        }
        #expect(SSDA903Rules.unraisable[0].reason.contains("derived from PL_LA"))
    }

    @Test func aRuleWhoseTablesAreAbsentIsReportedAsNotRun() {
        let current = SSDA903Return(tables: [.header: table(.header, "1,M,01/01/2012,WBRI,UN3,,")])
        let report = SSDA903Validator.validate(current, ruleSet: .lac2025_26)
        #expect(report.skipped.contains { $0.code == "141" && $0.missing == [.episodes] })
        #expect(report.ran.contains("101"))
        #expect(!report.ran.contains("141"))
    }

    @Test func onlyTheRuleSetsRulesRun() {
        let current = SSDA903Return(tables: [.header: table(.header, "1,U,01/01/2012,WBRI,UN3,,", "2,U,01/01/2012,WBRI,UN3,,")])
        func codes(_ ruleSet: SSDA903RuleSet) -> Set<String> {
            Set(SSDA903Validator.validate(current, ruleSet: ruleSet).findings.map(\.ruleCode))
        }
        #expect(codes(.lac2023_24) == ["101", "EPI"])
        #expect(codes(.lac2024_25) == ["232", "EPI"])
    }

    @Test func aRowFlaggedTwiceByOneRuleIsOneFinding() {
        let rule = SSDA903Rule("T1", "twice", table: .header, columns: [.child]) { _, _, flags in
            flags.flag(0)
            flags.flag(0)
        }
        let current = SSDA903Return(tables: [.header: table(.header, "1,M,01/01/2012,WBRI,UN3,,")])
        #expect(SSDA903Validator.validate(current, ruleSet: .lac2025_26, rules: [rule]).findings.count == 1)
    }
}
