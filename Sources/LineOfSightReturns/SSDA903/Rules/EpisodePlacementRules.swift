extension SSDA903Rules {
    /// Episodes: the placement's provider, URN and reason for change against its type.
    static let episodePlacements: [SSDA903Rule] = [
        .eachRow("178", "Placement provider code is not a valid code.",
                 table: .episodes, columns: [.placeProvider]) { episodes, context in
            let provider = episodes[.placeProvider]
            let known = provider.matching(EpisodeCodes.placementProviders)
            let noProvider = episodes[.place].matching(placementsWithoutProvider(in: context.ruleSet))
            return { row in !provider.isBlank(row) && (!known[row] || noProvider[row]) }
        },
        .eachRow("213", "Placement provider information not required.",
                 table: .episodes, columns: [.placeProvider]) { episodes, context in
            let provider = episodes[.placeProvider]
            let temporary = episodes[.place].matching(context.ruleSet >= .lac2025_26
                ? EpisodeCodes.temporaryPlacements.union(EpisodeCodes.otherPlacements(in: context.ruleSet))
                : EpisodeCodes.temporaryPlacements)
            return { row in temporary[row] && !provider.isBlank(row) }
        },
        .eachRow("222", "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
                 table: .episodes, columns: [.urn]) { episodes, context in
            let urn = episodes[.urn], exempt = urn.matching("XXXXXXX")
            let notInspected = episodes[.place].matching(placementsWithoutURN(in: context.ruleSet))
            return { row in notInspected[row] && !urn.isBlank(row) && !exempt[row] }
        },
        SSDA903Rule("226", "Reason for placement change is not required for temporary placements.",
                    earlierMessage: (.lac2024_25, "Reason for placement change is not required."),
                    table: .episodes, columns: [.reasonPlaceChange, .place]) { episodes, context, flags in
            // A temporary placement, and the episode before it, carry no reason for a change.
            let temporary = episodes[.place].matching(EpisodeCodes.temporaryPlacements)
            let reason = episodes[.reasonPlaceChange]
            for rows in context.episodeHistory.children {
                for (position, row) in rows.enumerated() where temporary[row] {
                    if !reason.isBlank(row) || (position > 0 && !reason.isBlank(rows[position - 1])) { flags.flag(row) }
                }
            }
        },
        // The DfE tool's 2025/26 version reads a column that does not exist and never runs
        // (docs/ssda903-deviations.md); this is the rule as its message states it.
        .eachRow("233", "Reason for placement change is not required when the episode has not ceased.",
                 table: .episodes, columns: [.reasonPlaceChange], years: SSDA903RuleSet.from(.lac2025_26)) { episodes, _ in
            let ended = episodes[.dec], reason = episodes[.reasonPlaceChange]
            return { row in ended.isBlank(row) && !reason.isBlank(row) }
        },
        providerForbidden("527", "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
                          provider: "PR1", placements: ["P1", "R2", "R5"]),
        providerForbidden("528", "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
                          provider: "PR2", placements: ["P1", "R2", "R5"]),
        providerForbidden("529", "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
                          provider: "PR3",
                          placements: ["A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"]),
        providerForbidden("530", "A placement provider code of PR4 cannot be associated with placement P1.",
                          provider: "PR4", placements: ["P1"]),
        providerForbidden("531", "A placement provider code of PR5 cannot be associated with placements P1.",
                          provider: "PR5", placements: ["P1"]),
        .eachRow("550", "A placement provider code of PR0 can only be associated with placement P1.",
                 table: .episodes, columns: [.place, .placeProvider]) { episodes, _ in
            let parent = episodes[.placeProvider].matching("PR0"), withParent = episodes[.place].matching("P1")
            return { row in parent[row] && !withParent[row] }
        },
    ]

    /// Rules 527–531: this provider cannot run these placement types.
    private static func providerForbidden(_ code: String, _ message: String, provider: String,
                                          placements: Set<String>) -> SSDA903Rule {
        .eachRow(code, message, table: .episodes, columns: [.place, .placeProvider]) { episodes, _ in
            let forbidden = episodes[.place].matching(placements), byProvider = episodes[.placeProvider].matching(provider)
            return { row in byProvider[row] && forbidden[row] }
        }
    }

    /// Placement types that have no provider (rule 178): temporary moves except T4 from 2025/26,
    /// and the "other placement" codes.
    static func placementsWithoutProvider(in ruleSet: SSDA903RuleSet) -> Set<String> {
        let temporary: Set<String> = ruleSet >= .lac2025_26 ? ["T0", "T1", "T2", "T3"] : EpisodeCodes.temporaryPlacements
        return temporary.union(EpisodeCodes.otherPlacements(in: ruleSet))
    }

    /// Placement types that Ofsted does not inspect, so have no URN (rule 222), by rule set.
    static func placementsWithoutURN(in ruleSet: SSDA903RuleSet) -> Set<String> {
        var codes: Set<String> = ["P1", "P3", "R1", "R2", "R5"]
        codes.formUnion(EpisodeCodes.temporaryPlacements)
        codes.formUnion(EpisodeCodes.otherPlacements(in: ruleSet))
        if ruleSet <= .lac2023_24 { codes.insert("P2") }
        if ruleSet == .lac2022_23 { codes.insert("H5") }
        return codes
    }
}
