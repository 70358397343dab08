extension SSDA903Rules {
    /// Episodes: each code and date valid on its own, and the end date and reason given together.
    static let episodeValidity: [SSDA903Rule] = [
        .validDate("141", "Date episode began is not a valid date.", table: .episodes, column: .decom, blank: .allowed),
        .codeList("143", "The reason for new episode code is not a valid code.",
                  table: .episodes, column: .rne, blank: .allowed) { _ in EpisodeCodes.reasonsForNewEpisode },
        .codeList("144", "The legal status code is not a valid code.",
                  table: .episodes, column: .ls, blank: .allowed) { _ in EpisodeCodes.legalStatuses },
        .codeList("145", "Category of need code is not a valid code.",
                  table: .episodes, column: .cin, blank: .allowed) { _ in EpisodeCodes.categoriesOfNeed },
        .codeList("146", "Placement type code is not a valid code.",
                  table: .episodes, column: .place, blank: .allowed, codes: EpisodeCodes.placements(in:)),
        .validDate("147", "Date episode ceased is not a valid date.", table: .episodes, column: .dec, blank: .allowed),
        .eachRow("148", "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
                 table: .episodes, columns: [.dec, .rec]) { episodes, _ in
            let ended = episodes[.dec], reason = episodes[.rec]
            return { row in ended.isBlank(row) != reason.isBlank(row) }
        },
        .codeList("149", "Reason episode ceased code is not valid. ",
                  table: .episodes, column: .rec, blank: .allowed) { _ in EpisodeCodes.reasonsEpisodeCeased },
        .codeList("1009", "Reason for placement change is not a valid code.",
                  table: .episodes, column: .reasonPlaceChange, blank: .allowed) { _ in
            EpisodeCodes.reasonsForPlacementChange
        },
    ]
}
