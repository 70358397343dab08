extension SSDA903Rules {
    /// A new episode's reason (RNE) against what changed from the child's episode before it (in
    /// date order): L the legal status alone, P or T the placement alone, U or B both. The
    /// placement is its type, postcode, URN and provider. The DfE's three rules treat blank cells
    /// differently, as pandas compares them: 434 and 435 find a blank legal status equal to
    /// nothing, 435 a blank placement field equal to nothing, 434 and 436 blank placement fields
    /// equal to each other, and 436 blank legal statuses too.
    static let episodeChanges: [SSDA903Rule] = [
        change("434", "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
               columns: [.rne, .ls, .place, .plPost, .urn, .placeProvider], reasons: ["L"]) { same in
            same.status(blanksEqual: false) || !same.placement(blanksEqual: true)
        },
        change("435", "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.",
               columns: [.ls, .place, .plPost, .urn, .placeProvider], reasons: ["P", "T"]) { same in
            !same.status(blanksEqual: false) || same.placement(blanksEqual: false)
        },
        change("436", "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
               columns: [.rne, .ls, .place, .plPost, .urn, .placeProvider], reasons: ["U", "B"]) { same in
            same.status(blanksEqual: true) || same.placement(blanksEqual: true)
        },
    ]

    /// What stayed the same between two consecutive episodes of a child.
    struct EpisodeSameness {
        let episodes: SSDA903TableData
        let previous: Int
        let next: Int

        func status(blanksEqual: Bool) -> Bool { same(.ls, blanksEqual) }

        func placement(blanksEqual: Bool) -> Bool {
            [SSDA903Column.place, .plPost, .urn, .placeProvider].allSatisfy { same($0, blanksEqual) }
        }

        private func same(_ column: SSDA903Column, _ blanksEqual: Bool) -> Bool {
            let cells = episodes[column]
            return cells.ids[previous] == cells.ids[next] && (blanksEqual || !cells.isBlank(next))
        }
    }

    /// Flags each episode with one of `reasons` that is at fault against the child's episode before it.
    private static func change(_ code: String, _ message: String, columns: [SSDA903Column], reasons: Set<String>,
                               atFault: @escaping @Sendable (EpisodeSameness) -> Bool) -> SSDA903Rule {
        SSDA903Rule(code, message, table: .episodes, columns: columns) { episodes, context, flags in
            let reason = episodes[.rne].matching(reasons)
            context.episodeHistory.forEachPair { previous, next in
                if reason[next], atFault(EpisodeSameness(episodes: episodes, previous: previous, next: next)) { flags.flag(next) }
            }
        }
    }
}
