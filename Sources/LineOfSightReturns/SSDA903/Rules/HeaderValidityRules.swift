extension SSDA903Rules {
    /// Header: each value valid on its own, and the date of birth within reason.
    static let headerValidity: [SSDA903Rule] = [
        .codeList("101", "The child or young person’s reported sex is not valid.",
                  earlierMessage: (.lac2023_24, "Gender code is not valid."),
                  table: .header, column: .sex, blank: .flagged, codes: HeaderCodes.sexes(in:)),
        .validDate("102", "Date of birth is not a valid date.", table: .header, column: .dob, blank: .flagged),
        .codeList("103", "The ethnicity code is either not valid or has not been entered.",
                  table: .header, column: .ethnic, blank: .flagged) { _ in HeaderCodes.ethnicities },
        .afterYearEnd("301", "Date of birth falls after the year ended.", table: .header, column: .dob),
        .eachRow("351", "Child was over 25 at the start of the current collection year.",
                 table: .header, columns: [.dob]) { header, context in
            let dob = header.dates(.dob)
            let start = context.collectionStart
            return { row in dob[row].date.map { start > $0.adding(years: 25) } ?? false }
        },
        .eachRow("232", "Sex of the child/young person has been reported as unknown.",
                 table: .header, columns: [.sex], years: SSDA903RuleSet.from(.lac2024_25)) { header, _ in
            let unknown = header[.sex].matching("U")
            return { row in unknown[row] }
        },
    ]
}
