@testable import LineOfSightReturns
import Testing

@Suite struct RuleExampleTests {
    @Test(arguments: SSDA903RuleExample.all)
    func ruleFlagsExactlyTheRowsOfItsExample(_ example: SSDA903RuleExample) throws {
        let rules = SSDA903Rules.all.filter { $0.code == example.code }
        try #require(!rules.isEmpty)
        let report = SSDA903Validator.validate(try example.read(), previous: try example.readPrevious(),
                                               ruleSet: example.ruleSet, localAuthority: SSDA903RuleExample.localAuthority,
                                               postcodes: SSDA903RuleExample.postcodes,
                                               providers: SSDA903RuleExample.providers, rules: rules)
        #expect(report.findings.filter { $0.table == example.table }.map(\.row) == example.flags)
    }

    @Test func everyRuleHasAnExampleWithRowsThatFailAndRowsThatPass() {
        let shown = SSDA903RuleExample.all.filter { example in
            !example.flags.isEmpty && example.flags.count < example.rowsInTable ?? 0
        }
        let missing = Set(SSDA903Rules.all.map(\.code)).subtracting(shown.map(\.code))
        #expect(missing.isEmpty, "rules without a worked example: \(missing.sorted())")
    }
}
