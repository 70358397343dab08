/// Worked examples for OC2 against Episodes and OC3 (collection year 2025/26). Children 1 and 2
/// are looked after all year (one episode from 2024, open); child 3 started care in the year.
let outcomeAcrossExamples: [SSDA903RuleExample] = [
    SSDA903RuleExample("157", "SDQ1 as the reason for a child looked after all year aged 4 to 16", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2015", [.sdqReason: "SDQ1"]), o2("2", "01/01/2015", [.sdqReason: "SDQ2"]),
                 o2("3", "01/01/2015", [.sdqReason: "SDQ1"])), yearLong),
    SSDA903RuleExample("185", "an SDQ score for a child not looked after all year", flags: [1, 3], in: .oc2,
             csv(.oc2, o2("1", "01/01/2015", [.sdqScore: "10"]), o2("3", "01/01/2015", [.sdqScore: "10"]),
                 o2("2", "01/01/2015"), o2("4", "01/01/2015", [.sdqScore: "10"])), yearLong),
    SSDA903RuleExample("198", "a reason for no SDQ for a child not looked after all year", flags: [1], in: .oc2,
             csv(.oc2, o2("1", "01/01/2015", [.sdqReason: "SDQ2"]), o2("3", "01/01/2015", [.sdqReason: "SDQ2"]),
                 o2("2", "01/01/2015")), yearLong),
    SSDA903RuleExample("186", "no SDQ score or reason for a child looked after all year, 4 to 16", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2015"), o2("2", "01/01/2015", [.sdqScore: "12"]), o2("3", "01/01/2015"),
                 o2("2", "01/01/2023")), yearLong),
    SSDA903RuleExample("197B", "no SDQ score or reason for a child turning 4 or 17 in the year", flags: [0, 2], in: .oc2,
             csv(.oc2, o2("1", "01/06/2021"), o2("2", "01/06/2015"), o2("2", "01/06/2008"), o2("3", "01/06/2021"),
                 o2("1", "01/06/2021", [.sdqReason: "SDQ4"])), yearLong),
    SSDA903RuleExample("190", "an OC2 item for a child not looked after all year", flags: [1], in: .oc2,
             csv(.oc2, o2("1", "01/01/2015", [.convicted: "0"]), o2("3", "01/01/2015", [.convicted: "0"]),
                 o2("3", "01/01/2015")), yearLong),
    SSDA903RuleExample("543", "no conviction item for a child of 10 or over looked after all year", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012"), o2("2", "01/01/2012", [.convicted: "0"]), o2("2", "01/01/2020"),
                 o2("3", "01/01/2012")), yearLong),
    SSDA903RuleExample("545", "no health check item for a child under 5 looked after all year", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2022"), o2("2", "01/01/2022", [.healthCheck: "1"]), o2("2", "01/01/2012"),
                 o2("3", "01/01/2022")), yearLong),
    SSDA903RuleExample("546", "a health check item for a child of 5 or over looked after all year", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012", [.healthCheck: "1"]), o2("2", "01/01/2022", [.healthCheck: "1"]),
                 o2("2", "01/01/2012"), o2("3", "01/01/2012", [.healthCheck: "1"])), yearLong),
    SSDA903RuleExample("191", "a health item left blank for a child looked after all year", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012", healthItems(blank: .immunisations)), o2("2", "01/01/2012", healthItems()),
                 o2("3", "01/01/2012")),
             yearLong),
    SSDA903RuleExample("191", "the first episode of a child looked after all year with no OC2 row", flags: [2], in: .episodes,
             episodes(ep("1", "01/01/2024"), ep("3", "01/06/2025"), ep("4", "01/01/2024", dec: "01/02/2025", rec: "X1"),
                      ep("4", "01/02/2025", rne: "P")),
             csv(.oc2, o2("1", "01/01/2012", healthItems()))),
    SSDA903RuleExample("182", "a health item blank while another OC2 item is completed", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012", [.convicted: "0"]), o2("2", "01/01/2012"),
                 o2("3", "01/01/2012", healthItems().merging([.convicted: "0"]) { a, _ in a }))),
    SSDA903RuleExample("544", "convicted, with a health item blank", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012", healthItems(blank: .teethCheck).merging([.convicted: "1"]) { a, _ in a }),
                 o2("2", "01/01/2012", healthItems().merging([.convicted: "1"]) { a, _ in a }),
                 o2("3", "01/01/2012", [.convicted: "0"]))),
    SSDA903RuleExample("547", "a health check, with a health item blank", flags: [1], in: .oc2,
             csv(.oc2, o2("1", "01/01/2012", healthItems().merging([.healthCheck: "1"]) { a, _ in a }),
                 o2("2", "01/01/2012", [.healthCheck: "1"]), o2("3", "01/01/2012", [.healthCheck: "0"]))),
    SSDA903RuleExample("215", "care leaver information and an OC2 item for one child: the OC3 row", flags: [0], in: .oc3,
             csv(.oc3, "1,,YES,F2,B1", "2,,YES,F2,B1", "3,,,,"),
             csv(.oc2, o2("1", "", [.convicted: "0"]), o2("2", ""), o2("3", "", [.convicted: "0"]))),
    SSDA903RuleExample("215", "and the OC2 row", flags: [0], in: .oc2,
             csv(.oc2, o2("1", "", [.convicted: "0"]), o2("2", ""), o2("3", "", [.convicted: "0"])),
             csv(.oc3, "1,,YES,F2,B1", "2,,YES,F2,B1", "3,,,,")),
]

/// Children 1 and 2 looked after all year 2025/26; child 3 started in it.
private let yearLong = episodes(ep("1", "01/01/2024"), ep("2", "01/01/2024"), ep("3", "01/06/2025"))

/// An OC2 row: CHILD, DOB and the items given.
func o2(_ child: String, _ dob: String, _ cells: [SSDA903Column: String] = [:]) -> String {
    row(.oc2, child, cells.merging([.dob: dob]) { given, _ in given })
}

/// The four health items completed with 1, but `blank`.
func healthItems(blank: SSDA903Column? = nil) -> [SSDA903Column: String] {
    Dictionary(uniqueKeysWithValues: SSDA903Rules.healthItems.filter { $0 != blank }.map { ($0, "1") })
}
