import LineOfSightCore

extension SSDA903Rules {
    /// The rules on where a child was placed, from the postcodes (PL_LA, PL_LOCATION, derived as
    /// the DfE tool derives them, `SSDA903PlacementLocations`). They run only with the postcode
    /// lookup (`--postcodes`), and the report says so when it is absent.
    static let placementLocations: [SSDA903Rule] = [
        location("169", "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
                 columns: [.plPost]) { episodes, derived, _ in
            let respite = episodes[.ls].matching(["V3", "V4"])
            return { row in !respite[row] && derived.authority[row] == nil }
        },
        location("179", "Placement location code is not a valid code.", columns: [.plPost]) { episodes, derived, _ in
            let respite = episodes[.ls].matching(["V3", "V4"])
            return { row in !respite[row] && derived.location[row] == nil }
        },
        location("420", "LA of placement completed but child is looked after under legal status V3 or V4.",
                 columns: [.ls, .plPost]) { episodes, derived, _ in
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
                 columns: [.homePost, .plPost], years: SSDA903RuleSet.from(.lac2025_26)) { _, derived, _ in
            { row in derived.distance[row].map { $0 > 350 && $0 != 999.9 } ?? false }
        },
        // A supported-accommodation (K3) provider with an Ofsted URN placing the child outside the
        // council's area; a placement whose LA is not known is outside it, as in the DfE tool.
        location("241", "LA of placement is not an LA the provider has premises.", columns: [.urn],
                 years: SSDA903RuleSet.from(.lac2025_26)) { episodes, derived, context in
            let k3 = episodes[.place].matching("K3"), urn = episodes[.urn], agency = urn.matching("XXXXXXX")
            return { row in k3[row] && !urn.isBlank(row) && !agency[row] && derived.authority[row] != context.localAuthority }
        },
        // The council's own provision (PR1) outside its area, for placements other than fostering,
        // adoption (and from 2025/26 supported accommodation, K3) and short breaks. A placement
        // whose LA is not known is outside it, as in the DfE tool.
        location("1015", "Placement provider is own provision but child not placed in own LA.", columns: [.placeProvider, .plPost]) {
            episodes, derived, context in
            let exempt = Set(["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"])
                .union(context.ruleSet >= .lac2025_26 ? ["K3"] : [])
            let place = episodes[.place], ls = episodes[.ls]
            let checked = place.matching(exempt), respite = ls.matching(["V3", "V4"])
            let own = episodes[.placeProvider].matching("PR1"), council = context.localAuthority
            return { row in
                own[row] && !place.isBlank(row) && !ls.isBlank(row) && !checked[row] && !respite[row]
                    && derived.authority[row] != council
            }
        },
        // A URN for every placement Ofsted registers, open at some time in the year, in England.
        location("218", "Ofsted Unique reference number (URN) is required.", columns: [.urn]) { episodes, derived, context in
            let exempt = episodes[.place].matching(placementsWithoutURNAsked(in: context.ruleSet))
            let ended = episodes.dates(.dec), urn = episodes[.urn], start = context.collectionStart
            let outsideEngland = outsideEngland(in: context.ruleSet)
            return { row in
                let inYear = switch ended[row] {
                case .missing: true
                case .malformed: false
                case .valid(let end): end >= start
                }
                return inYear && urn.isBlank(row) && !exempt[row] && !outsideEngland(derived.authority[row])
            }
        },
        location("243", "Only placements with providers registered with Ofsted should have a URN reported.", columns: [.urn],
                 years: SSDA903RuleSet.from(.lac2025_26)) { episodes, derived, _ in
            let urn = episodes[.urn]
            return { row in !urn.isBlank(row) && derived.authority[row].map(placedOutsideEngland.contains) ?? false }
        },
        // An English H5 placement open on or after 29 October 2023 without a URN. A placement
        // whose LA is not known counts as outside England, as in the DfE tool ("nan" starts with N).
        location("230", "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
                 columns: [.place, .dec, .urn], years: .lac2023_24 ... .lac2023_24) { episodes, derived, _ in
            let h5 = episodes[.place].matching("H5"), ended = episodes.dates(.dec), urn = episodes[.urn]
            let agency = urn.matching("XXXXXXX"), cutoff = CivilDate(year: 2023, month: 10, day: 29)!
            return { row in
                guard h5[row], ended[row].date.map({ $0 >= cutoff }) ?? true, urn.isBlank(row) || agency[row] else { return false }
                let england = derived.authority[row].map { !["N", "W", "S"].contains($0.prefix(1)) } ?? false
                return england
            }
        },
    ]

    /// The LA codes of placements outside England (and confidential ones) in the rules on URNs.
    private static let placedOutsideEngland: Set<String> = ["CON", "NIR", "SCO", "WAL", "NUK"]

    /// Whether a placement's LA is outside England for rule 218. Up to 2024/25 the DfE tool tests
    /// the first letter of the LA as text, so an LA that is not known ("nan") is outside too.
    private static func outsideEngland(in ruleSet: SSDA903RuleSet) -> @Sendable (String?) -> Bool {
        if ruleSet >= .lac2025_26 { return { $0.map(placedOutsideEngland.contains) ?? false } }
        return { authority in authority.map { ["N", "W", "S", "C"].contains($0.prefix(1)) } ?? true }
    }

    /// The placements rule 218 asks no URN for: rule 222's, and H5 in 2023/24, when the DfE
    /// changed 222's list and not 218's.
    private static func placementsWithoutURNAsked(in ruleSet: SSDA903RuleSet) -> Set<String> {
        placementsWithoutURN(in: ruleSet).union(ruleSet == .lac2023_24 ? ["H5"] : [])
    }

    private static func location(
        _ code: String, _ message: String, columns: [SSDA903Column],
        years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903PlacementLocations, SSDA903Context) -> (Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: columns, postcodes: true, years: years) { episodes, context, flags in
            let atFault = prepare(episodes, context.placementLocations(), context)
            for row in episodes.rows where atFault(row) { flags.flag(row) }
        }
    }
}
