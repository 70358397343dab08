/// The tables of the SSDA903 return. A CSV file is recognised as one of them by the set of
/// names in its header row, never by its file name.
public enum SSDA903Table: String, Sendable, CaseIterable, Comparable {
    case header = "Header", episodes = "Episodes", reviews = "Reviews", uasc = "UASC"
    case oc2 = "OC2", oc3 = "OC3", ad1 = "AD1", placedAdoption = "PlacedAdoption"
    case prevPerm = "PrevPerm", missing = "Missing", swEpisodes = "SWEpisodes", doLo = "DoLo"

    /// The columns in the DfE's order (`lac_validator/config.py`); files may order them freely.
    public var columns: [SSDA903Column] {
        switch self {
        case .header: [.child, .sex, .dob, .ethnic, .upn, .mother, .mcDOB]
        case .episodes:
            [.child, .decom, .rne, .ls, .cin, .place, .placeProvider, .dec, .rec, .reasonPlaceChange,
             .homePost, .plPost, .urn]
        case .reviews: [.child, .dob, .review, .reviewCode]
        case .uasc: [.child, .sex, .dob, .duc]
        case .oc2:
            [.child, .dob, .sdqScore, .sdqReason, .convicted, .healthCheck, .immunisations, .teethCheck,
             .healthAssessment, .substanceMisuse, .interventionReceived, .interventionOffered]
        case .oc3: [.child, .dob, .inTouch, .activ, .accom]
        case .ad1: [.child, .dob, .dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr]
        case .placedAdoption: [.child, .dob, .datePlaced, .datePlacedCeased, .reasonPlacedCeased]
        case .prevPerm: [.child, .dob, .prevPerm, .laPerm, .datePerm]
        case .missing: [.child, .dob, .missing, .misStart, .misEnd]
        case .swEpisodes: [.child, .dob, .swID, .swDECOM, .swDEC, .swReason]
        case .doLo: [.child, .dob, .doloStart, .doloEnd]
        }
    }

    /// Columns that only the XML form carries, after `columns` when a table is read from XML.
    public var xmlOnlyColumns: [SSDA903Column] {
        self == .header ? [.uasc] : []
    }

    /// The table whose column names are exactly `names` (in any order), or nil.
    public static func recognising(_ names: [String]) -> SSDA903Table? {
        let given = Set(names)
        guard given.count == names.count else { return nil }
        return byColumnNames[given]
    }

    /// Made once: a child's record is read back table by table every time an event is saved.
    private static let byColumnNames = Dictionary(uniqueKeysWithValues: allCases.map { table in
        (Set(table.columns.map(\.rawValue)), table)
    })

    public static func < (lhs: SSDA903Table, rhs: SSDA903Table) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
