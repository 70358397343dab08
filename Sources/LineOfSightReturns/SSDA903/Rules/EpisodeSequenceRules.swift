extension SSDA903Rules {
    /// Episodes: each child's episodes as a chain — how one ends and the next begins.
    static let episodeSequence: [SSDA903Rule] = [
        SSDA903Rule("142", "A new episode has started, but the previous episode has not ended.",
                    table: .episodes, columns: [.dec, .rec]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), reason = episodes[.rec]
            for rows in context.episodeHistory.children {
                for row in rows.dropLast() where began[row].date != nil && (ended[row].date == nil || reason.isBlank(row)) {
                    flags.flag(row)
                }
            }
        },
        SSDA903Rule("357", "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
                    table: .episodes, columns: [.rne]) { episodes, context, flags in
            let began = episodes.dates(.decom), startsCare = episodes[.rne].matching("S")
            for rows in context.episodeHistory.children {
                guard let first = rows.first, let start = began[first].date else { continue }
                if start >= context.collectionStart && !startsCare[first] { flags.flag(first) }
            }
        },
        SSDA903Rule("431", "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
                    table: .episodes, columns: [.rne, .decom]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), startsCare = episodes[.rne].matching("S")
            context.episodeHistory.forEachPair { previous, next in
                guard startsCare[next], let start = began[next].date, let end = ended[previous].date else { return }
                if start <= end { flags.flag(next) }
            }
        },
        SSDA903Rule("432", "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
                    table: .episodes, columns: [.rne]) { episodes, context, flags in
            let leftCare = episodes[.rec].matching(EpisodeCodes.reasonsEpisodeCeased.subtracting(["X1"]))
            let startsCare = episodes[.rne].matching("S")
            context.episodeHistory.forEachPair { previous, next in
                if leftCare[previous] && !startsCare[next] { flags.flag(next) }
            }
        },
        // Ordered by start, then end date, and compared as written, as the DfE tool does.
        SSDA903Rule("433", "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
                    table: .episodes, columns: [.rne, .decom]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let beganText = episodes[.decom], endedText = episodes[.dec]
            let continues = episodes[.rne].matching(["P", "L", "T", "U", "B"])
            for rows in context.episodeHistory.children where rows.count > 1 {
                let ordered = rows.sorted { a, b in
                    if began[a].date != began[b].date { return EpisodeHistory.earlier(began[a], a, than: began[b], b) }
                    return EpisodeHistory.earlier(ended[a], a, than: ended[b], b)
                }
                for index in 1..<ordered.count {
                    let previous = ordered[index - 1], next = ordered[index]
                    guard continues[next] else { continue }
                    if endedText.isBlank(previous) || beganText.isBlank(next) || endedText[previous] != beganText[next] {
                        flags.flag(next)
                    }
                }
            }
        },
        SSDA903Rule("501", "A new episode has started before the end date of the previous episode.",
                    table: .episodes, columns: [.decom, .dec]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            context.episodeHistory.forEachPair { previous, next in
                guard let start = began[next].date, let end = ended[previous].date else { return }
                if start < end { flags.flag(next) }
            }
        },
        // An episode whose start is not a date has no place in the chain (141 reports it); the
        // DfE tool dates it 01/01/1901 (docs/ssda903-deviations.md).
        SSDA903Rule("388", "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
                    table: .episodes, columns: [.rec]) { episodes, context, flags in
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), reason = episodes[.rec]
            let continues = reason.matching("X1")
            for child in context.episodeHistory.children {
                let rows = child.filter { began[$0].date != nil }
                for (position, row) in rows.enumerated() {
                    guard let end = ended[row].date else { continue }
                    guard position + 1 < rows.count else {
                        if continues[row] { flags.flag(row) }
                        continue
                    }
                    guard let nextStart = began[rows[position + 1]].date else { continue }
                    if continues[row] ? end != nextStart : (!reason.isBlank(row) && end == nextStart) { flags.flag(row) }
                }
            }
        },
        SSDA903Rule("437", "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
                    table: .episodes, columns: [.rec]) { episodes, context, flags in
            let began = episodes.dates(.decom), final = episodes[.rec].matching(["E2", "E15"])
            for rows in context.episodeHistory.children {
                for row in rows.dropLast() where final[row] && began[row].date != nil { flags.flag(row) }
            }
        },
    ]
}
