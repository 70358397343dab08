/// Worked examples for the rules on a new episode's reason against what changed (2025/26). Each
/// child's first episode starts on 1 May 2025 at a Leeds home; the next, on 1 June, says why.
let episodeChangeExamples: [SSDA903RuleExample] = [
    // Child 3's episodes are in the file latest first: the rules take them in date order.
    SSDA903RuleExample("434", "legal status unchanged, or the placement changed too; blank statuses are not the same status",
             flags: [3, 4],
             episodes(placed("1", [.decom: "01/05/2025"]), placed("1", [.rne: "L", .ls: "E1"]),
                      placed("2", [.decom: "01/05/2025"]), placed("2", [.rne: "L"]),
                      placed("3", [.rne: "L", .ls: "E1", .place: "U1"]), placed("3", [.decom: "01/05/2025"]),
                      placed("4", [.decom: "01/05/2025", .ls: ""]), placed("4", [.rne: "L", .ls: ""]))),
    SSDA903RuleExample("435", "legal status changed (or blank), or the placement did not; a blank URN is not the same URN",
             flags: [3, 5, 9],
             episodes(placed("1", [.decom: "01/05/2025"]), placed("1", [.rne: "P", .place: "U1"]),
                      placed("2", [.decom: "01/05/2025"]), placed("2", [.rne: "P", .ls: "E1"]),
                      placed("3", [.decom: "01/05/2025"]), placed("3", [.rne: "T"]),
                      placed("4", [.decom: "01/05/2025", .urn: ""]), placed("4", [.rne: "P", .urn: ""]),
                      placed("5", [.decom: "01/05/2025", .ls: ""]), placed("5", [.rne: "P", .ls: "", .place: "U1"]))),
    SSDA903RuleExample("436", "legal status or placement unchanged, blanks alike",
             flags: [3, 5, 7, 9],
             episodes(placed("1", [.decom: "01/05/2025"]), placed("1", [.rne: "U", .ls: "E1", .place: "U1"]),
                      placed("2", [.decom: "01/05/2025"]), placed("2", [.rne: "B", .ls: "E1"]),
                      placed("3", [.decom: "01/05/2025"]), placed("3", [.rne: "U", .place: "U1"]),
                      placed("4", [.decom: "01/05/2025", .ls: ""]), placed("4", [.rne: "U", .ls: "", .place: "U1"]),
                      placed("5", [.decom: "01/05/2025", .urn: ""]), placed("5", [.rne: "U", .ls: "E1", .urn: ""]))),
]

/// An episode from 1 June 2025 in a Leeds home (SC100001, the council's own), with `cells` instead.
private func placed(_ child: String, _ cells: [SSDA903Column: String] = [:]) -> String {
    let home: [SSDA903Column: String] = [.decom: "01/06/2025", .plPost: "LS1 4AP", .urn: "SC100001", .placeProvider: "PR1"]
    return k2Episode(child, home.merging(cells) { $1 })
}
