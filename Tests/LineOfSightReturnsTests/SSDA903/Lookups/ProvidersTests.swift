import LineOfSightCore
@testable import LineOfSightReturns
import Testing

/// The Ofsted provider lookup the URN rules read (`--providers`).
@Suite struct ProvidersTests {
    private func read(_ text: String) throws(SSDA903ReadError) -> SSDA903Providers {
        try SSDA903Providers.read(csv: Array(text.utf8), file: "providers.csv")
    }

    @Test func readsEachListingOfAURN() throws {
        let providers = try read("""
            urn,place_codes,provider_codes,reg_end,postcode,la_code
            SC100001,"K2,K1","PR1, PR2",,ls1 4ap,E08000035
            SC100001,K2,PR4,30/09/2025,BD1 1HY,E08000032
            1234567,,,,,
            """)
        let listings = providers["sc100001"]
        #expect(listings.count == 2)
        #expect(listings.first == .init(placementCodes: ["K2", "K1"], providerCodes: ["PR1", "PR2"], registrationEnded: nil,
                                        postcode: "LS14AP", localAuthority: "E08000035"))
        #expect(listings.last?.registrationEnded == CivilDate(year: 2025, month: 9, day: 30))
        #expect(providers["1234567"].first?.postcode == nil)
        #expect(providers["SC999999"].isEmpty)
    }

    @Test(arguments: [
        ("urn,postcode\nSC1,LS1 4AP\n", "providers.csv, line 1: is not a lookup file: its header row is not urn,place_codes,provider_codes,reg_end,postcode,la_code"),
        ("urn,place_codes,provider_codes,reg_end,postcode,la_code\nSC1,K2,PR1,2025-09-30,,\n",
         "providers.csv, line 2, column 4: is not a lookup file: reg_end “2025-09-30” is not a dd/mm/yyyy date"),
        ("urn,place_codes,provider_codes,reg_end,postcode,la_code\n,K2,PR1,,,\n",
         "providers.csv, line 2: is not a lookup file: each row needs a URN and 6 fields"),
        ("urn,place_codes,provider_codes,reg_end,postcode,la_code\nSC1,\"K2,PR1,,,\n", "providers.csv, line 2: has a quoted field that is never closed"),
    ])
    func aFileThatIsNotALookupIsRefusedWithItsLine(_ text: String, _ message: String) {
        #expect(throws: SSDA903ReadError.self) { try read(text) }
        do { _ = try read(text) } catch { #expect(error.description == message) }
    }

    @Test func theURNRulesRunOnlyWithTheLookup() {
        let current = SSDA903Return(tables: [.episodes: table(.episodes, "1,01/05/2025,S,C2,N1,K2,PR1,,,,,,SC999999")])
        let without = SSDA903Validator.validate(current, ruleSet: .lac2025_26)
        #expect(without.skipped.contains { $0.code == "1008" && $0.reason == "no Ofsted provider lookup (--providers)" })
        let with = SSDA903Validator.validate(current, ruleSet: .lac2025_26, providers: SSDA903RuleExample.providers)
        #expect(with.findings.contains { $0.ruleCode == "1008" && $0.row == 0 })
    }
}
