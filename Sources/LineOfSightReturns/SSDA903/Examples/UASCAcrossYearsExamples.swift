/// Worked examples for UASC status and DUC this year against last year's (2025/26, CSV files:
/// a child's status is 1 when they are in that year's UASC table and have a Header row).
let uascAcrossYearsExamples: [SSDA903RuleExample] = [
    // Child 1 is in neither Header (so has no status this year); child 3's DUC of last year is in last year.
    SSDA903RuleExample("205A", "UASC last year, not this year, with a DUC this year", flags: [0], in: .uasc,
             previous: [header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                        csv(.uasc, "1,M,01/01/2008,", "2,M,01/01/2008,", "3,M,01/01/2008,01/06/2024")],
             header("2,M,01/01/2008,WBRI,UN1,,"),
             csv(.uasc, "1,M,01/01/2008,01/06/2025", "2,M,01/01/2008,", "3,M,01/01/2008,")),
    SSDA903RuleExample("205B", "UASC both years: last year's DUC not the 18th birthday, or this year's neither in the year nor last year's",
             flags: [1, 3], in: .uasc,
             previous: [header("1,M,01/06/2007,WBRI,UN1,,", "2,M,01/06/2007,WBRI,UN1,,", "3,M,01/06/2008,WBRI,UN1,,",
                               "4,M,01/06/2007,WBRI,UN1,,"),
                        csv(.uasc, "1,M,01/06/2007,01/06/2025", "2,M,01/06/2007,01/05/2025", "3,M,01/06/2008,01/06/2026",
                            "4,M,01/06/2007,01/06/2025")],
             header("1,M,01/06/2007,WBRI,UN1,,", "2,M,01/06/2007,WBRI,UN1,,", "3,M,01/06/2008,WBRI,UN1,,", "4,M,01/06/2007,WBRI,UN1,,"),
             csv(.uasc, "1,M,01/06/2007,01/06/2025", "2,M,01/06/2007,01/06/2025", "3,M,01/06/2008,01/06/2026", "4,M,01/06/2007,")),
    SSDA903RuleExample("205C", "a DUC for a child UASC in neither year", flags: [0], in: .uasc,
             previous: [header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                        csv(.uasc, "4,M,01/01/2008,")],
             header("3,M,01/01/2008,WBRI,UN1,,"),
             csv(.uasc, "1,M,01/01/2008,01/06/2025", "2,M,01/01/2008,", "3,M,01/01/2008,01/06/2025")),
    SSDA903RuleExample("205D", "UASC this year, not last year", flags: [0], in: .header,
             previous: [header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                        csv(.uasc, "2,M,01/01/2008,")],
             header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
             csv(.uasc, "1,M,01/01/2008,", "2,M,01/01/2008,")),
]
