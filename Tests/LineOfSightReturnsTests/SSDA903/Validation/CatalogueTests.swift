import LineOfSightCore
@testable import LineOfSightReturns
import Testing

@Suite struct CatalogueTests {
    @Test func eachCodesVersionsCoverDisjointRuleSets() {
        for (code, versions) in Dictionary(grouping: SSDA903Rules.all, by: \.code) {
            for ruleSet in SSDA903RuleSet.allCases {
                #expect(versions.filter { $0.applies(to: ruleSet) }.count <= 1, "\(code) twice in \(ruleSet)")
            }
        }
    }

    @Test func everyRuleFlagsColumnsOfTablesItReads() {
        for rule in SSDA903Rules.all {
            #expect(!rule.flags.isEmpty, "\(rule.code) flags nothing")
            #expect(rule.needs.union(rule.optional).isSuperset(of: rule.flags.keys), "\(rule.code) flags a table it does not read")
            for (table, columns) in rule.flags {
                #expect(!columns.isEmpty && columns.allSatisfy((table.columns + table.xmlOnlyColumns).contains),
                        "\(rule.code) names columns \(columns) outside \(table)")
            }
            #expect(!rule.message.isEmpty)
        }
    }

    @Test func aRewordedMessageKeepsItsOldTextForTheOldYears() throws {
        let rule = try #require(SSDA903Rules.all.first { $0.code == "101" })
        #expect(rule.message(in: .lac2023_24) == "Gender code is not valid.")
        #expect(rule.message(in: .lac2024_25) == "The child or young person’s reported sex is not valid.")
    }

    @Test func ruleSetsRunFromAprilToMarch() {
        #expect(SSDA903RuleSet(collectionYear: 2026) == .lac2025_26)
        #expect(SSDA903RuleSet(collectionYear: 2022) == nil)
        #expect(SSDA903RuleSet.lac2025_26.description == "lac2025_26")
        #expect(SSDA903RuleSet.lac2025_26.collectionStart == CivilDate(year: 2025, month: 4, day: 1))
        #expect(SSDA903RuleSet.lac2025_26.collectionEnd == CivilDate(year: 2026, month: 3, day: 31))
    }

    @Test func tablesAreRecognisedByTheirColumnsAlone() {
        for table in SSDA903Table.allCases {
            #expect(SSDA903Table.recognising(table.columns.reversed().map(\.rawValue)) == table)
        }
        #expect(SSDA903Table.recognising(["CHILD", "DOB"]) == nil)
    }
}
