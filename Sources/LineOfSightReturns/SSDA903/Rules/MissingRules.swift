extension SSDA903Rules {
    /// Missing: each value valid on its own, the type and dates given together, dates in the year.
    static let missing: [SSDA903Rule] = [
        .validDate("1004", "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
                   table: .missing, column: .misStart, blank: .flagged),
        .validDate("1005", "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
                   table: .missing, column: .misEnd, blank: .allowed),
        .codeList("1006", "Missing type invalid.", table: .missing, column: .missing, blank: .allowed) { _ in
            OtherTableCodes.missingTypes
        },
        .eachRow("564", "Child was missing or away from placement without authorisation and the date started is blank.",
                 table: .missing, columns: [.missing, .misStart]) { missing, _ in
            let type = missing[.missing].matching(OtherTableCodes.missingTypes), start = missing[.misStart]
            return { row in type[row] && start.isBlank(row) }
        },
        .eachRow("565", "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.",
                 table: .missing, columns: [.missing, .misStart]) { missing, _ in
            let type = missing[.missing], start = missing[.misStart]
            return { row in !start.isBlank(row) && type.isBlank(row) }
        },
        .eachRow("566", "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
                 table: .missing, columns: [.missing, .misEnd]) { missing, _ in
            let type = missing[.missing], end = missing[.misEnd]
            return { row in !end.isBlank(row) && type.isBlank(row) }
        },
        .outOfOrder("567", "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
                    table: .missing, earlier: .misStart, later: .misEnd, sameDayAtFault: false),
        .afterYearEnd("570", "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
                      table: .missing, column: .misStart),
        .outsideYear("571", "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
                     table: .missing, column: .misEnd),
        noOverlap("574", "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
                  table: .missing, start: .misStart, end: .misEnd),
        .outOfOrder("586", "Dates of missing periods are before child’s date of birth.", table: .missing,
                    earlier: .dob, later: .misStart, sameDayAtFault: true, columns: [.misStart]),
    ]
}
