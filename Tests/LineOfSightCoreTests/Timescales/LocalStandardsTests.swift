import LineOfSightCore
import Testing

@Suite struct LocalStandardsTests {
    @Test func everyDefinitionHasADefaultAndASource() {
        #expect(LocalStandards.definitions.count == Set(LocalStandards.definitions.map(\.key)).count)
        for definition in LocalStandards.definitions {
            #expect(LocalStandards.defaults.values[definition.key] == definition.defaultValue)
            #expect(!definition.source.isEmpty && !definition.description.isEmpty)
        }
        #expect(LocalStandards.defaults.values["visits.cp.interval_working_days"] == .integer(10))
    }

    @Test func overridingMovesADueDate() throws {
        let journey = Journey(childID: "C", cpPlans: [CPPlan(id: "CP", start: d("2025-12-12"))])
        let standards = try LocalStandards.defaults.overriding(["visits.cp.interval_working_days": .integer(15)])
        // 12 Dec + 15 working days: 15–19, 22–24, 29–31 Dec, 2, 5, 6, 7 Jan.
        #expect(chainLinks("cp.visit:CP", journey, standards: standards).first?.due == d("2026-01-07"))
        #expect(chainLinks("cp.visit:CP", journey).first?.due == d("2025-12-30"))
    }

    @Test func badOverridesAreRefusedNamingTheKey() {
        #expect(throws: StandardsError(key: "visits.cp.interval", message: "unknown standard visits.cp.interval")) {
            try LocalStandards.defaults.overriding(["visits.cp.interval": .integer(5)])
        }
        do {
            _ = try LocalStandards.defaults.overriding(["visits.cp.interval_working_days": .boolean(true)])
            Issue.record("expected a type error")
        } catch {
            #expect(error.key == "visits.cp.interval_working_days")
            #expect(error.message.contains("expected a whole number"))
        }
        #expect(throws: StandardsError.self) {
            try LocalStandards.defaults.overriding(["assessment.working_days": .integer(0)])
        }
        #expect(throws: StandardsError.self) {
            try LocalStandards.defaults.overriding(["visits.reg28.first_year_boundary": .choice("sometimes")])
        }
    }
}

@Suite struct RuleCatalogueTests {
    @Test func everyRuleCitesASourceAndKnownStandards() {
        #expect(RuleCatalogue.all.count == Set(RuleCatalogue.all.map(\.id)).count)
        for rule in RuleCatalogue.all {
            #expect(!rule.source.isEmpty && !rule.title.isEmpty)
            for key in rule.standards {
                #expect(LocalStandards.definition(key) != nil, "\(rule.id) names unknown standard \(key)")
            }
        }
    }

    @Test func everyDerivedObligationHasACatalogueRule() {
        let journeys = [SampleJourneys.rich, SyntheticJourneys.complete(seed: 1, today: d("2026-06-01"))]
        for obligation in journeys.flatMap({ derive($0, standards: .defaults, calendar: england).obligations }) {
            #expect(RuleCatalogue.rule(obligation.ruleID) != nil, "\(obligation.ruleID) missing from the catalogue")
        }
    }
}
