import LineOfSightCore

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
        // A postcode given but not in the lookup.
        SSDA903Rule("392c", "Postcode(s) provided are invalid.", table: .episodes, columns: [.homePost, .plPost],
                    postcodes: true) { episodes, context, flags in
            let postcodes = context.postcodes!, home = episodes[.homePost], placed = episodes[.plPost]
            let unknownHome = home.values.map { postcodes[$0] == nil }, unknownPlace = placed.values.map { postcodes[$0] == nil }
            for row in episodes.rows where (!home.isBlank(row) && unknownHome[Int(home.ids[row])])
                || (!placed.isBlank(row) && unknownPlace[Int(placed.ids[row])]) {
                flags.flag(row)
            }
        },
        location("454", "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
                 columns: [.homePost, .plPost], years: SSDA903RuleSet.from(.lac2025_26)) { _, derived in
            { row in derived.distance[row].map { $0 > 350 && $0 != 999.9 } ?? false }
        },
        // A supported-accommodation (K3) provider with an Ofsted URN placing the child outside the
        // council's area; a placement whose LA is not known is outside it, as in the DfE tool.
        SSDA903Rule("241", "LA of placement is not an LA the provider has premises.", table: .episodes, columns: [.urn],
                    postcodes: true, years: SSDA903RuleSet.from(.lac2025_26)) { episodes, context, flags in
            let derived = context.placementLocations()
            let k3 = episodes[.place].matching("K3"), urn = episodes[.urn], agency = urn.matching("XXXXXXX")
            for row in episodes.rows where k3[row] && !urn.isBlank(row) && !agency[row]
                && derived.authority[row] != context.localAuthority {
                flags.flag(row)
            }
        },
        // An English H5 placement open on or after 29 October 2023 without a URN. A placement
        // whose LA is not known counts as outside England, as in the DfE tool ("nan" starts with N).
        location("230", "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
                 columns: [.place, .dec, .urn], years: .lac2023_24 ... .lac2023_24) { episodes, derived in
            let h5 = episodes[.place].matching("H5"), ended = episodes.dates(.dec), urn = episodes[.urn]
            let agency = urn.matching("XXXXXXX"), cutoff = CivilDate(year: 2023, month: 10, day: 29)!
            return { row in
                guard h5[row], ended[row].date.map({ $0 >= cutoff }) ?? true, urn.isBlank(row) || agency[row] else { return false }
                let england = derived.authority[row].map { !["N", "W", "S"].contains($0.prefix(1)) } ?? false
                return england
            }
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
