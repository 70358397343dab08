import LineOfSightCore

extension SSDA903Rules {
    /// Header's UASC status: given in the XML form, derived from the UASC table for CSV files
    /// (`SSDA903Context.uascStatus`); and the rules on distance and postcodes that leave out the
    /// children who are or were UASC (`SSDA903Context.childrenEverUASC`).
    static let uascStatus: [SSDA903Rule] = [
        // The DfE tool checks the status only as given, so only in the XML form.
        .init("105", "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
              table: .header, columns: [.uasc], xml: true) { header, _, flags in
            let status = header[.uasc]
            for row in header.rows where ![0, 1].contains(SSDA903Context.uascNumber(status[row])) { flags.flag(row) }
        },
        // From CSV files a child in the UASC table has status 1, so only the XML form can fail it.
        SSDA903Rule("303", "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
                    flags: [.uasc: [.duc], .header: [.uasc]]) { context, flags in
            let header = context[.header], uasc = context[.uasc]
            let status = context.uascStatus(), ceased = uasc[.duc]
            let join = ChildJoin(from: header, to: uasc)
            for row in header.rows where SSDA903Context.uascNumber(status[row]) != 1 {
                for uascRow in join[row] where !ceased.isBlank(uascRow) {
                    flags.flag(row, in: .header)
                    flags.flag(uascRow, in: .uasc)
                }
            }
        },
        // The DfE's version reads a column UASC_STATUS that no table has and never runs; this is
        // the rule its message states, on Header's UASC status (docs/ssda903-deviations.md).
        SSDA903Rule("231", "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
                    flags: [.header: [.dob, .uasc]], needs: [.header, .uasc], years: SSDA903RuleSet.from(.lac2024_25)) { context, flags in
            let header = context[.header]
            let status = context.uascStatus().matching("1"), born = header.dates(.dob)
            let eleventhBirthdayBy = context.collectionEnd.adding(years: -11)
            for row in header.rows where status[row] {
                if let birth = born[row].date, birth > eleventhBirthdayBy { flags.flag(row, in: .header) }
            }
        },
        // A child who is or was UASC keeps no distance from home.
        SSDA903Rule("406", "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
                    table: .episodes, columns: [.homePost, .plPost], postcodes: true) { episodes, context, flags in
            guard let uasc = context.childrenEverUASC() else { return }
            let distance = context.placementLocations().distance
            for row in episodes.rows where distance[row] != nil && uasc.contains(episodes.children[row] ?? "") { flags.flag(row) }
        },
        // A distance outside 0–999.9 miles, for a child who is not and was not UASC. The DfE
        // tool's distances, between postcodes of its ONS directory, never are; ours come from the
        // postcode lookup given (`--postcodes`), whose grid references may be anything, so a
        // reference far outside Great Britain raises it.
        SSDA903Rule("164", "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
                    table: .episodes, columns: [.homePost, .plPost], postcodes: true) { episodes, context, flags in
            guard let uasc = context.childrenEverUASC() else { return }
            let distance = context.placementLocations().distance
            for row in episodes.rows {
                guard let miles = distance[row], miles < 0 || miles > 999.9 else { continue }
                if !uasc.contains(episodes.children[row] ?? "") { flags.flag(row) }
            }
        },
        // Every other child looked after (not on short breaks) has one.
        SSDA903Rule("392a", "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
                    table: .episodes, columns: [.homePost, .plPost], postcodes: true) { episodes, context, flags in
            guard let uasc = context.childrenEverUASC() else { return }
            let distance = context.placementLocations().distance, respite = episodes[.ls].matching(["V3", "V4"])
            for row in episodes.rows where distance[row] == nil && !respite[row] && !uasc.contains(episodes.children[row] ?? "") {
                flags.flag(row)
            }
        },
        // Without any UASC status in the files, every child counts as never a UASC.
        SSDA903Rule("392b", "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
                    table: .episodes, columns: [.homePost, .plPost]) { episodes, context, flags in
            let uasc = context.childrenEverUASC() ?? [], respite = episodes[.ls].matching(["V3", "V4"])
            let home = episodes[.homePost], placed = episodes[.plPost]
            for row in episodes.rows where (home.isBlank(row) || placed.isBlank(row)) && !respite[row]
                && !uasc.contains(episodes.children[row] ?? "") {
                flags.flag(row)
            }
        },
    ]
}
