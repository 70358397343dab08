import LineOfSightCore
@testable import LineOfSightReturns
import Testing

@Suite struct GeneratorTests {
    /// Last year's return is the same children as they stood then: what validating with `--prev`
    /// compares, so the benchmark's figures are those of a council's two real returns.
    @Test func lastYearsReturnIsThisYearsChildrenAsTheyStoodAYearEarlier() throws {
        var generator = SSDA903Generator(children: 400, ruleSet: .lac2025_26, seed: 5, errorRate: 0)
        let (current, previous) = generator.generateWithPreviousYear()
        let thisYear = try read(current), lastYear = try read(previous)
        let lastEnd = SSDA903RuleSet.lac2024_25.collectionEnd
        let episodes = try #require(lastYear[.episodes])
        #expect(episodes.rowCount > 100)
        for row in episodes.rows {
            let started = try #require(episodes.dates(.decom)[row].date)
            #expect(started <= lastEnd)
            if let ended = episodes.dates(.dec)[row].date { #expect(ended <= lastEnd) }
        }
        let children = Set(thisYear[.header]!.rows.compactMap { thisYear[.header]!.children[$0] })
        let lastChildren = lastYear[.header]!.rows.compactMap { lastYear[.header]!.children[$0] }
        #expect(!lastChildren.isEmpty && lastChildren.allSatisfy(children.contains))
        // Some children came into care this year only, and were not in last year's return.
        #expect(lastChildren.count < children.count)
        // The same child's first episode began on the same day in both years' returns.
        let firstThisYear = Dictionary(thisYear[.episodes]!.rows.map { (thisYear[.episodes]!.children[$0]!, thisYear[.episodes]!.dates(.decom)[$0]) }) { first, _ in first }
        for row in episodes.rows where row == 0 || episodes.children[row] != episodes.children[row - 1] {
            #expect(firstThisYear[episodes.children[row]!] == episodes.dates(.decom)[row])
        }
    }

    private func read(_ tables: [SSDA903Table: String]) throws -> SSDA903Return {
        SSDA903Return(tables: try tables.mapValues { try SSDA903Reader.readTable(bytes: Array($0.utf8), file: "generated.csv") })
    }
}
