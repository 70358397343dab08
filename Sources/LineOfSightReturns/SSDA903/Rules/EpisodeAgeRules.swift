extension SSDA903Rules {
    /// Episodes against the child's date of birth in Header.
    static let episodeAges: [SSDA903Rule] = [
        // Unless every Header row of the child shows the child 16 or over when the episode ended
        // (a child missing from Header, or a date that is not a date, cannot show it).
        SSDA903Rule("389", "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
                    flags: [.episodes: [.rec]], needs: [.episodes, .header]) { context, flags in
            let episodes = context[.episodes], header = context[.header]
            let toAdultServices = episodes[.rec].matching("E7"), ended = episodes.dates(.dec)
            let born = header.dates(.dob), headerRows = ChildJoin(from: episodes, to: header)
            for row in episodes.rows where toAdultServices[row] {
                let matches = headerRows[row]
                let sixteen = matches.allSatisfy { headerRow in
                    guard let birth = born[headerRow].date, let end = ended[row].date else { return false }
                    return birth.adding(years: 16) <= end
                }
                if matches.isEmpty || !sixteen { flags.flag(row, in: .episodes) }
            }
        },
    ]
}
