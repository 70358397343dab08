/// Worked examples for the checks across tables (collection year 2025/26).
let integrityExamples: [SSDA903RuleExample] =
    [("INT01", SSDA903Table.ad1), ("INT02", .placedAdoption), ("INT03", .episodes), ("INT04", .missing),
     ("INT05", .oc2), ("INT06", .oc3), ("INT07", .prevPerm), ("INT08", .reviews), ("INT09", .uasc)].map { code, table in
        SSDA903RuleExample(code, "child 3 has no Header row; a blank CHILD matches a blank CHILD", flags: [1], in: table,
                           header("1,M,01/01/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,", ",F,01/01/2015,WBRI,,,"),
                           (table, [row(table, "1", [:]), row(table, "3", [:]), row(table, "2", [:]), row(table, "", [:])]))
    }
    + [("INT11", SSDA903Table.ad1), ("INT12", .placedAdoption), ("INT13", .missing), ("INT14", .oc2),
       ("INT15", .oc3), ("INT16", .prevPerm), ("INT17", .reviews), ("INT18", .uasc)].map { code, table in
        SSDA903RuleExample(code, "a DOB other than Header's; not a date, blank or not in Header passes", flags: [1], in: table,
                           header("1,M,01/01/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,", "3,F,bad,WBRI,,,"),
                           (table, [row(table, "1", [.dob: "1/1/2015"]), row(table, "2", [.dob: "02/01/2015"]),
                                    row(table, "2", [.dob: "31/02/2015"]), row(table, "3", [.dob: "01/01/2015"]),
                                    row(table, "4", [.dob: "01/01/2014"]), row(table, "1", [:])]))
    }
    + [
        SSDA903RuleExample("INT21", "a SEX other than Header's; blank or not in Header passes", flags: [1], in: .uasc,
                           header("1,M,01/01/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,", "3,,01/01/2015,WBRI,,,"),
                           csv(.uasc, "1,M,,", "2,M,,", "2,,,", "3,M,,", "4,F,,")),
    ]

/// One CSV row of `table` for `child`, with the given cells and the rest blank.
func row(_ table: SSDA903Table, _ child: String, _ cells: [SSDA903Column: String]) -> String {
    table.columns.map { $0 == .child ? child : cells[$0] ?? "" }.joined(separator: ",")
}
