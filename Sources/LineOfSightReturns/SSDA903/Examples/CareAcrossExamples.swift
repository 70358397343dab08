/// Worked examples for the rules on a child's care across tables and years: DoLo against last
/// year's and the periods of care (2026/27), care leavers' eligibility, tables of children with no
/// episode, and decisions to place for adoption (2025/26).
let careAcrossExamples: [SSDA903RuleExample] = [
    // The flagged row is last year's (child 2's open DoLO); the DfE tool gives its number as a row
    // of this year's table, so the example has as many rows this year.
    SSDA903RuleExample("706", "a DoLO open last year with none starting the same day this year", .lac2026_27, flags: [1], in: .doLo,
             previous: [csv(.doLo, "1,,01/06/2025,", "2,,01/06/2025,", "3,,01/06/2025,01/01/2026")],
             csv(.doLo, "1,,01/06/2025,", "2,,01/07/2026,", "3,,01/05/2026,")),
    SSDA903RuleExample("707", "a DoLO without an end after care ended, or ending outside the period of care", .lac2026_27,
             flags: [0, 2], in: .doLo,
             csv(.doLo, "1,,01/06/2026,", "2,,01/06/2026,", "3,,01/06/2026,01/09/2026", "3,,01/06/2026,01/07/2026"),
             episodes(ep("1", "01/01/2026", dec: "01/05/2026", rec: "X1"), ep("1", "01/05/2026", rne: "P", dec: "01/08/2026", rec: "E13"),
                      ep("2", "01/01/2026"), ep("3", "01/01/2026", dec: "01/08/2026", rec: "E13"))),
    SSDA903RuleExample("1001", "a care leaver with under 13 weeks in care since 14, or adopted; last year's episodes count, an open one to 31 March",
             flags: [1, 2], in: .oc3,
             previous: [episodes(ep("1", "01/01/2024", dec: "01/06/2024", rec: "E4A"), ep("3", "01/01/2024", dec: "01/06/2024", rec: "E11"))],
             csv(.oc3, "1,,YES,F2,B1", "2,,YES,F2,B1", "3,,YES,F2,B1", "4,,YES,F2,B1"),
             header(hd("1", "01/01/2007"), hd("2", "01/01/2007"), hd("3", "01/01/2007"), hd("4", "01/01/2007")),
             episodes(ep("2", "01/01/2025", dec: "15/01/2025", rec: "E4A"), ep("4", "01/10/2025"))),
    SSDA903RuleExample("1012", "reviews of a child with no episode", flags: [1], in: .reviews,
             csv(.reviews, "1,,01/06/2025,PN1", "2,,01/06/2025,PN1"),
             csv(.missing, "3,,M,01/06/2025,"),
             episodes(ep("1", "01/01/2025"))),
    SSDA903RuleExample("1012", "missing periods of a child with no episode; the rule runs without the other tables", flags: [0, 2], in: .missing,
             csv(.missing, "3,,M,01/06/2025,", "1,,M,01/06/2025,", "4,,A,01/07/2025,"),
             episodes(ep("1", "01/01/2025"))),
    // Child 1's only decision ceased: the DfE tool flags an adoption only when the child has two
    // such decisions (docs/ssda903-deviations.md), so it flags row 2 alone.
    SSDA903RuleExample("558", "an adoption where every decision to place for adoption has ceased", flags: [0, 2], in: .episodes,
             episodes(ep("1", "01/01/2025", dec: "01/06/2025", rec: "E11"), ep("2", "01/01/2025", dec: "01/06/2025", rec: "E12"),
                      ep("3", "01/01/2025", dec: "01/06/2025", rec: "E11"), ep("4", "01/01/2025", dec: "01/06/2025", rec: "E11")),
             csv(.placedAdoption, "1,,01/01/2025,01/03/2025,RD1", "2,,01/01/2024,01/03/2024,RD1", "2,,01/01/2025,,",
                 "3,,01/01/2024,01/03/2024,RD1", "3,,01/01/2025,01/03/2025,RD1")),
    // Child 5's decision is earlier than last year's, which the DfE tool, comparing the dates as
    // text ("15/01/2024" after "01/06/2024"), passes (docs/ssda903-deviations.md).
    SSDA903RuleExample("584", "after last year's decision ceased, a decision blank or not later than last year's", flags: [1, 3, 4],
             in: .placedAdoption,
             previous: [csv(.placedAdoption, "1,,01/01/2024,01/03/2024,RD1", "2,,01/01/2024,01/03/2024,RD1", "3,,01/01/2024,,",
                            "4,,01/01/2024,01/03/2024,RD1", "5,,01/06/2024,01/09/2024,RD1")],
             csv(.placedAdoption, "1,,01/06/2025,,", "2,,01/01/2024,,", "3,,01/01/2023,,", "4,,,,", "5,,15/01/2024,,")),
]
