extension SSDA903Rules {
    /// The rules on where a child was placed, from the postcodes (PL_LA, PL_LOCATION, derived as
    /// the DfE tool derives them, `SSDA903PlacementLocations`). They run only with the postcode
    /// lookup (`--postcodes`), and the report says so when it is absent.
    static let placementLocations: [SSDA903Rule] = [
        location("169", "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
                 columns: [.plPost]) { episodes, derived in
            let respite = episodes[.ls].matching(["V3", "V4"])
            return { row in !respite[row] && derived.authority[row] == nil }
        },
        location("179", "Placement location code is not a valid code.", columns: [.plPost]) { episodes, derived in
            let respite = episodes[.ls].matching(["V3", "V4"])
            return { row in !respite[row] && derived.location[row] == nil }
        },
        location("420", "LA of placement completed but child is looked after under legal status V3 or V4.",
                 columns: [.ls, .plPost]) { episodes, derived in
            let respite = episodes[.ls].matching(["V3", "V4"])
            return { row in respite[row] && derived.authority[row] != nil }
        },
    ]

    private static func location(
        _ code: String, _ message: String, columns: [SSDA903Column],
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903PlacementLocations) -> (Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: columns, postcodes: true, years: years) { episodes, context, flags in
            let atFault = prepare(episodes, context.placementLocations())
            for row in episodes.rows where atFault(row) { flags.flag(row) }
        }
    }
}
