import LineOfSightCore

extension SSDA903Rules {
    /// The rules on an episode's Ofsted URN against the provider lookup (`--providers`). Each
    /// looks at the episodes with a URN that is not `XXXXXXX` (a provider Ofsted does not
    /// inspect); a URN listed more than once is at fault when any of its listings is, and one not
    /// listed at all is at fault wherever the lookup's value would have to match, as the DfE
    /// tool's left joins have it.
    static let providers: [SSDA903Rule] = [
        provider("1008", "Ofsted Unique Reference Number (URN) is not valid.", columns: [.urn]) { _, _ in
            { _, listings in listings.isEmpty }
        },
        provider("219", "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
                 columns: [.urn, .place]) { episodes, _ in
            let place = episodes[.place]
            return { row, listings in
                guard let code = place[row] else { return true }
                return listings.isEmpty || listings.contains { !$0.placementCodes.contains(code) }
            }
        },
        provider("221", "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
                 columns: [.plPost]) { episodes, context in
            let respite = episodes[.ls].matching(["V3", "V4"]), placed = episodes[.plPost]
            let checked = episodes[.place].matching(postcodePlacements(in: context.ruleSet))
            return { row, listings in
                guard checked[row], !respite[row], let postcode = placed[row] else { return false }
                let key = SSDA903Providers.postcodeKey(postcode)
                return listings.isEmpty || listings.contains { $0.postcode != key }
            }
        },
        provider("224", "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
                 columns: [.placeProvider]) { episodes, _ in
            let provider = episodes[.placeProvider]
            return { row, listings in
                guard let code = provider[row] else { return true }
                return listings.isEmpty || listings.contains { !$0.providerCodes.contains(code) }
            }
        },
        provider("227", "Ofsted Unique reference number (URN) is not valid for the episode start date.",
                 columns: [.urn, .decom]) { episodes, _ in
            let started = episodes.dates(.decom)
            return { row, listings in
                guard let start = started[row].date else { return false }
                return listings.contains { $0.registrationEnded.map { start >= $0 } ?? false }
            }
        },
        // An open episode (or one whose end is not a date) must be at a provider still registered
        // on the last day of the year.
        provider("228", "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
                 columns: [.urn, .dec]) { episodes, context in
            let ended = episodes.dates(.dec), yearEnd = context.collectionEnd
            return { row, listings in
                let end = ended[row].date ?? yearEnd
                return listings.contains { $0.registrationEnded.map { end > $0 } ?? false }
            }
        },
        // A provider of the council's own (PR1) should be in its area, and another council's (PR2)
        // outside it; from 2025/26 not for the placements Ofsted registers no premises for.
        provider("229", "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
                 columns: [.urn, .placeProvider]) { episodes, context in
            let own = episodes[.placeProvider].matching("PR1"), other = episodes[.placeProvider].matching("PR2")
            let unchecked = episodes[.place].matching(context.ruleSet >= .lac2025_26 ? placementsWithoutPremises : [])
            let council = context.localAuthority
            return { row, listings in
                guard !unchecked[row] else { return false }
                if own[row] { return listings.isEmpty || listings.contains { $0.localAuthority != council } }
                return other[row] && listings.contains { $0.localAuthority == council }
            }
        },
    ]

    /// The placements whose postcode rule 221 compares with the provider's: 2023/24 added H5,
    /// 2024/25 replaced it with K3.
    private static func postcodePlacements(in ruleSet: SSDA903RuleSet) -> Set<String> {
        switch ruleSet {
        case .lac2022_23: ["K1", "K2", "R3", "S1"]
        case .lac2023_24: ["H5", "K1", "K2", "R3", "S1"]
        default: ["K1", "K2", "K3", "R3", "S1"]
        }
    }

    private static let placementsWithoutPremises: Set<String> = [
        "K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
    ]

    /// A rule on the episodes with an Ofsted URN: `prepare` runs once and returns the test of
    /// one row against its URN's listings (true = at fault).
    private static func provider(
        _ code: String, _ message: String, columns: [SSDA903Column],
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903Context) -> (Int, [SSDA903Providers.Listing]) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: columns, providers: true) { episodes, context, flags in
            let lookup = context.providers!, urn = episodes[.urn]
            let listings = urn.values.map { lookup[$0] }, agency = urn.matching("XXXXXXX")
            let atFault = prepare(episodes, context)
            for row in episodes.rows where !urn.isBlank(row) && !agency[row] && atFault(row, listings[Int(urn.ids[row])]) {
                flags.flag(row)
            }
        }
    }
}
