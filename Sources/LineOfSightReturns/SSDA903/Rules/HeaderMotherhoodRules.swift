extension SSDA903Rules {
    /// Header: MOTHER and MC_DOB (the date of birth of a child's own first child).
    static let headerMotherhood: [SSDA903Rule] = [
        .validDate("171", "Date of birth of mother's child is not a valid date.",
                   table: .header, column: .mcDOB, blank: .allowed),
        .eachRow("174", "Mother's child date of birth is recorded but sex shows that the child is a male.",
                 earlierMessage: (.lac2023_24, "Mother's child date of birth is recorded but gender shows that the child is a male."),
                 table: .header, columns: [.sex, .mcDOB]) { header, context in
            let male = header[.sex].matching(HeaderCodes.male(in: context.ruleSet)), childsBirth = header[.mcDOB]
            return { row in male[row] && !childsBirth.isBlank(row) }
        },
        .eachRow("611", "Date of birth field is blank, but child is a mother.",
                 table: .header, columns: [.mother, .mcDOB]) { header, _ in
            let mother = header[.mother].matching("1"), childsBirth = header[.mcDOB]
            return { row in mother[row] && childsBirth.isBlank(row) }
        },
        .eachRow("612", "Date of birth field has been completed but mother field indicates child is not a mother.",
                 table: .header, columns: [.sex, .mother, .mcDOB]) { header, context in
            let female = header[.sex].matching(HeaderCodes.female(in: context.ruleSet))
            let mother = header[.mother], notMother = mother.matching("0"), childsBirth = header[.mcDOB]
            return { row in (notMother[row] || mother.isBlank(row)) && female[row] && !childsBirth.isBlank(row) }
        },
        .eachRow("620", "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
                 table: .header, columns: [.dob, .mother]) { header, context in
            let mother = header[.mother].matching("1"), dob = header.dates(.dob)
            let start = context.collectionStart
            return { row in mother[row] && (dob[row].date.map { $0.adding(years: 11) > start } ?? false) }
        },
        // Only when both dates are dates: a missing or malformed DOB is rule 102's finding, not a
        // mother younger than her child (the DfE tool flags it here too; docs/ssda903-deviations.md).
        .eachRow("621", "Mother’s field has been completed but date of birth shows that the mother is younger than her child.",
                 table: .header, columns: [.dob, .mcDOB]) { header, _ in
            let dob = header.dates(.dob), childsBirth = header.dates(.mcDOB)
            return { row in
                guard let born = dob[row].date, let childBorn = childsBirth[row].date else { return false }
                return childBorn <= born
            }
        },
        // MOTHER against SEX (as the codes 1 and 2, in every year, as the DfE tool has it) and
        // against the child's episodes (short breaks left out; an open one lasting to the year's
        // end) and OC3 row: for a child with an episode only; a girl looked after in the year
        // needs MOTHER, one who left care and has an OC3 row does not.
        SSDA903Rule("165", "Data entry for mother status is invalid.",
                    flags: [.header: [.mother, .sex], .oc3: [.inTouch, .activ, .accom]], needs: [.header, .episodes, .oc3]) {
            context, flags in
            let header = context[.header], episodes = context[.episodes], oc3 = context[.oc3]
            let toEpisodes = ChildJoin(from: header, to: episodes), toOC3 = ChildJoin(from: header, to: oc3)
            let respite = episodes[.ls].matching(["V3", "V4"]), began = episodes.dates(.decom), ended = episodes.dates(.dec)
            let mother = header[.mother], valid = mother.matching(["0", "1"])
            let male = header[.sex].matching("1"), female = header[.sex].matching("2")
            let careLeaving = [oc3[.activ], oc3[.accom], oc3[.inTouch]]
            let (start, end) = (context.collectionStart, context.collectionEnd)
            for row in header.rows {
                let stays = toEpisodes[row].filter { !respite[$0] }
                guard !stays.isEmpty else { continue }
                // The DfE tool counts a blank CHILD's episodes in no child's year.
                let inYear = !header.children.isBlank(row) && stays.contains { episode in
                    (ended[episode].date ?? end) >= start && (began[episode].date.map { $0 <= end } ?? false)
                }
                let given = !mother.isBlank(row)
                let atFault = (given && !valid[row]) || (given && male[row]) || (!given && female[row] && inYear)
                // A mother who left care before the year, with an OC3 row saying how she is now.
                let leftCare = given && female[row] && !inYear
                let leavers = toOC3[row].filter { leaver in careLeaving.contains { !$0.isBlank(leaver) } }
                if atFault || (leftCare && !leavers.isEmpty) { flags.flag(row, in: .header) }
                for leaver in toOC3[row] where atFault || (leftCare && leavers.contains(leaver)) { flags.flag(leaver, in: .oc3) }
            }
        },
    ]
}
