@testable import LineOfSightReturns
import Testing

@Suite struct RuleCaseTests {
    static let cases = headerRuleCases + episodeRuleCases + otherTableRuleCases

    @Test(arguments: cases)
    func ruleFlagsExactlyTheRowsAtFault(_ example: RuleCase) {
        #expect(example.flagged == example.flags)
    }

    @Test func everyRuleHasACaseWithRowsThatFailAndRowsThatPass() {
        let shown = Set(Self.cases.filter(\.showsBoth).map(\.code))
        let missing = Set(SSDA903Rules.all.map(\.code)).subtracting(shown)
        #expect(missing.isEmpty, "rules without a worked example: \(missing.sorted())")
    }
}
