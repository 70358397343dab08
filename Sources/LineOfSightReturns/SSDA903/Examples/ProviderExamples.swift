extension SSDA903RuleExample {
    /// The Ofsted listings the URN rules' examples use, as the provider lookup's CSV (the harness
    /// gives the DfE tool the same table): a Leeds home, and a Bradford one whose registration
    /// ended on 30 September 2025. SC999999 is on neither list.
    public static let providersCSV = """
        urn,place_codes,provider_codes,reg_end,postcode,la_code
        SC100001,K2,"PR1,PR2",,LS1 4AP,E08000035
        SC100002,K2,PR4,30/09/2025,BD1 1HY,E08000032

        """

    public static let providers: SSDA903Providers = {
        do {
            return try SSDA903Providers.read(csv: Array(providersCSV.utf8), file: "providers.csv")
        } catch {
            preconditionFailure("the examples' provider lookup does not read: \(error)")
        }
    }()
}

/// Worked examples for the Ofsted URN rules (2025/26), with the listings above.
let providerExamples: [SSDA903RuleExample] = [
    SSDA903RuleExample("1008", "a URN on neither Ofsted list", flags: [1],
             episodes(k2Episode("1", [.urn: "SC100001"]), k2Episode("2", [.urn: "SC999999"]), k2Episode("3", [.urn: "XXXXXXX"]), k2Episode("4", [.urn: ""]))),
    SSDA903RuleExample("219", "a placement type the URN is not registered for, blank, or a URN not listed", flags: [1, 2, 3],
             episodes(k2Episode("1", [.urn: "SC100001"]), k2Episode("2", [.urn: "SC100001", .place: "U1"]),
                      k2Episode("3", [.urn: "SC999999"]), k2Episode("4", [.urn: "SC100002", .place: ""]),
                      k2Episode("5", [.urn: "XXXXXXX", .place: "U1"]))),
    SSDA903RuleExample("221", "a home's placement postcode not the provider's, or a URN not listed", flags: [1, 2],
             episodes(k2Episode("1", [.urn: "SC100001", .plPost: "LS1 4AP"]), k2Episode("2", [.urn: "SC100001", .plPost: "BD1 1HY"]),
                      k2Episode("3", [.urn: "SC999999", .plPost: "LS1 4AP"]), k2Episode("4", [.urn: "SC100001", .place: "U1", .plPost: "BD1 1HY"]),
                      k2Episode("5", [.urn: "SC100001", .ls: "V3", .plPost: "BD1 1HY"]), k2Episode("6", [.urn: "SC100001"]))),
    SSDA903RuleExample("224", "a placement provider the URN is not registered for, blank, or a URN not listed", flags: [1, 3, 4],
             episodes(k2Episode("1", [.urn: "SC100001", .placeProvider: "PR1"]), k2Episode("2", [.urn: "SC100001", .placeProvider: "PR4"]),
                      k2Episode("3", [.urn: "SC100002", .placeProvider: "PR4"]), k2Episode("4", [.urn: "SC999999", .placeProvider: "PR1"]),
                      k2Episode("5", [.urn: "SC100001"]), k2Episode("6", [.urn: "XXXXXXX", .placeProvider: "PR4"]))),
    SSDA903RuleExample("227", "an episode starting on or after the day the provider's registration ended", flags: [1],
             episodes(k2Episode("1", [.urn: "SC100002", .decom: "01/09/2025"]), k2Episode("2", [.urn: "SC100002", .decom: "30/09/2025"]),
                      k2Episode("3", [.urn: "SC100001", .decom: "01/12/2025"]), k2Episode("4", [.urn: "SC100002", .decom: "2025-10-01"]))),
    SSDA903RuleExample("228", "an episode ending after the provider's registration ended, or open at the year's end", flags: [1, 2],
             episodes(k2Episode("1", [.urn: "SC100002", .dec: "30/09/2025"]), k2Episode("2", [.urn: "SC100002", .dec: "01/10/2025"]),
                      k2Episode("3", [.urn: "SC100002"]), k2Episode("4", [.urn: "SC100001"]))),
    SSDA903RuleExample("229", "the council's own provider (PR1) elsewhere, another's (PR2) in its area, a PR1 URN not listed; K3 not checked",
             flags: [1, 2, 4],
             episodes(k2Episode("1", [.urn: "SC100001", .placeProvider: "PR1"]), k2Episode("2", [.urn: "SC100002", .placeProvider: "PR1"]),
                      k2Episode("3", [.urn: "SC100001", .placeProvider: "PR2"]), k2Episode("4", [.urn: "SC100002", .placeProvider: "PR2"]),
                      k2Episode("5", [.urn: "SC999999", .placeProvider: "PR1"]),
                      k2Episode("6", [.urn: "SC100002", .place: "K3", .placeProvider: "PR1"]))),
]

/// An episode in a children's home (K2) from 1 May 2025, with `cells` instead.
func k2Episode(_ child: String, _ cells: [SSDA903Column: String] = [:]) -> String {
    let base: [SSDA903Column: String] = [.decom: "01/05/2025", .rne: "S", .ls: "C2", .cin: "N1", .place: "K2"]
    return row(.episodes, child, base.merging(cells) { $1 })
}
