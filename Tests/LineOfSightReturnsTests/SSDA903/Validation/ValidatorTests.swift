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
