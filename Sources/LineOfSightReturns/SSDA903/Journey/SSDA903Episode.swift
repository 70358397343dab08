import LineOfSightCore

/// One row of the Episodes table as the journey sees it. Import reads rows into these and
/// export writes them out: the one mapping between the table's cells and an episode's facts.
/// A blank code is "" (the journey keeps what the return said, even when the validator would
/// flag it); a blank optional value is nil.
public struct SSDA903Episode: Sendable {
    public var start: CivilDate
    /// RNE: S when the child started to be looked after, P, T, L, B or U for a change.
    public var reasonForNewEpisode: String
    public var legalStatus: String
    public var categoryOfNeed: String
    public var placementType: String
    public var provider: String?
    public var end: CivilDate?
    /// REC: X1 when another episode of the same period follows.
    public var reasonEnded: String?
    /// REASON_PLACE_CHANGE: why the placement ended, on the episode that ends.
    public var reasonPlacementEnded: String?
    public var homePostcode: String?
    public var postcode: String?
    public var urn: String?
    /// Where it was read from; nil for an episode made from the journey already recorded.
    public var source: SSDA903Row?

    public static let startsCare = "S"
    public static let continues = "X1"
    /// RNE codes of an episode that starts because the placement changed, and because the legal status did.
    static let placementChanges: Set<String> = ["P", "T", "B", "U"]
    static let legalStatusChanges: Set<String> = ["L", "B", "U"]

    /// Placement types that say the child stays with their current foster carers (placed for
    /// adoption with them): a change to one is a change of placement but not of carers.
    static let withCurrentCarers: Set<String> = ["A3", "A5"]

    /// The RNE of an episode of a period that the journey records changing on one day: B or P
    /// when the child moved to other carers, U or T when the placement changed but the carers
    /// did not (rule 217), L when only the legal status changed.
    static func reason(placementChanged: Bool, legalStatusChanged: Bool, placementType: String) -> String {
        let sameCarers = withCurrentCarers.contains(placementType)
        return switch (placementChanged, legalStatusChanged) {
        case (true, true): sameCarers ? "U" : "B"
        case (true, false): sameCarers ? "T" : "P"
        default: "L"
        }
    }

    /// The episode of a row; its dates must be dates the journey can hold.
    init(_ row: SSDA903Row) throws(SSDA903ImportProblem) {
        start = try row.requiredDate(.decom, "The date the episode started")
        end = try row.optionalDate(.dec, "The date the episode ended")
        if let end, end < start { throw row.problem(.dec, "The episode ends on \(end.long), before it starts on \(start.long)") }
        reasonForNewEpisode = row[.rne] ?? ""
        legalStatus = row[.ls] ?? ""
        categoryOfNeed = row[.cin] ?? ""
        placementType = row[.place] ?? ""
        provider = row[.placeProvider]
        reasonEnded = row[.rec]
        reasonPlacementEnded = row[.reasonPlaceChange]
        homePostcode = row[.homePost]
        postcode = row[.plPost]
        urn = row[.urn]
        source = row
    }

    init(start: CivilDate, reasonForNewEpisode: String, legalStatus: String, categoryOfNeed: String, placement: any PlacementDetails) {
        self.start = start
        self.reasonForNewEpisode = reasonForNewEpisode
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        placementType = placement.placementType
        provider = placement.provider
        homePostcode = placement.homePostcode
        postcode = placement.postcode
        urn = placement.urn
    }

    /// The row's cells, CHILD aside.
    public var cells: [SSDA903Column: String] {
        var cells: [SSDA903Column: String] = [
            .decom: start.ssda903, .rne: reasonForNewEpisode, .ls: legalStatus, .cin: categoryOfNeed, .place: placementType,
        ]
        cells[.placeProvider] = provider
        cells[.dec] = end?.ssda903
        cells[.rec] = reasonEnded
        cells[.reasonPlaceChange] = reasonPlacementEnded
        cells[.homePost] = homePostcode
        cells[.plPost] = postcode
        cells[.urn] = urn
        return cells
    }

    /// Whether the child lives somewhere else, as far as the return can tell.
    func placementDiffers(from other: SSDA903Episode) -> Bool {
        placementType != other.placementType || provider != other.provider || urn != other.urn
            || postcode != other.postcode || homePostcode != other.homePostcode
    }

}
