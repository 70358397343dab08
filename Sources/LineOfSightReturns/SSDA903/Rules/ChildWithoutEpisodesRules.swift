extension SSDA903Rules {
    /// Rows of the tables that only a child looked after in the year has, for a child with no
    /// episode this year.
    static let childWithoutEpisodes: [SSDA903Rule] = [
        // Each of the six tables that is present (the rule runs with Episodes alone); a blank
        // CHILD matches a blank CHILD, as in the DfE tool's join.
        SSDA903Rule("1012", "No other data should be returned for OC3 children who had no episodes in the current year",
                    flags: Dictionary(uniqueKeysWithValues: withoutEpisodes.map { ($0, [SSDA903Column.child]) }),
                    needs: [.episodes], optional: Set(withoutEpisodes)) { context, flags in
            let episodes = context[.episodes]
            for table in withoutEpisodes {
                guard let data = context.current[table] else { continue }
                let join = ChildJoin(from: data, to: episodes)
                for row in data.rows where join[row].isEmpty { flags.flag(row, in: table) }
            }
        },
    ]

    private static let withoutEpisodes: [SSDA903Table] = [.placedAdoption, .missing, .reviews, .ad1, .prevPerm, .oc2]
}
