/// Every column name in the SSDA903 CSV tables, spelt as in the files (the DfE validator's
/// `config.py`). One enum for all tables, because several columns (CHILD, DOB, SEX) recur.
public enum SSDA903Column: String, Sendable, CaseIterable {
    case child = "CHILD", sex = "SEX", dob = "DOB", ethnic = "ETHNIC", upn = "UPN"
    case mother = "MOTHER", mcDOB = "MC_DOB"
    case decom = "DECOM", rne = "RNE", ls = "LS", cin = "CIN", place = "PLACE"
    case placeProvider = "PLACE_PROVIDER", dec = "DEC", rec = "REC"
    case reasonPlaceChange = "REASON_PLACE_CHANGE", homePost = "HOME_POST", plPost = "PL_POST", urn = "URN"
    case review = "REVIEW", reviewCode = "REVIEW_CODE"
    case duc = "DUC"
    case sdqScore = "SDQ_SCORE", sdqReason = "SDQ_REASON", convicted = "CONVICTED"
    case healthCheck = "HEALTH_CHECK", immunisations = "IMMUNISATIONS", teethCheck = "TEETH_CHECK"
    case healthAssessment = "HEALTH_ASSESSMENT", substanceMisuse = "SUBSTANCE_MISUSE"
    case interventionReceived = "INTERVENTION_RECEIVED", interventionOffered = "INTERVENTION_OFFERED"
    case inTouch = "IN_TOUCH", activ = "ACTIV", accom = "ACCOM"
    case dateInt = "DATE_INT", dateMatch = "DATE_MATCH", fosterCare = "FOSTER_CARE"
    case nbAdoptr = "NB_ADOPTR", sexAdoptr = "SEX_ADOPTR", lsAdoptr = "LS_ADOPTR"
    case datePlaced = "DATE_PLACED", datePlacedCeased = "DATE_PLACED_CEASED"
    case reasonPlacedCeased = "REASON_PLACED_CEASED"
    case prevPerm = "PREV_PERM", laPerm = "LA_PERM", datePerm = "DATE_PERM"
    case missing = "MISSING", misStart = "MIS_START", misEnd = "MIS_END"
    case swID = "SW_ID", swDECOM = "SW_DECOM", swDEC = "SW_DEC", swReason = "SW_REASON"
    case doloStart = "DOLO_START", doloEnd = "DOLO_END"
    /// Header's UASC status (`1` a UASC, `0` not): a field of the XML form only, which no CSV
    /// table has (see `SSDA903Table.xmlOnlyColumns`).
    case uasc = "UASC"

    /// Columns holding a `dd/mm/yyyy` date, parsed once when the file is read. `DATE_PERM` is not
    /// among them: it allows `zz` for unknown parts and has a reading of its own.
    public var isDate: Bool {
        switch self {
        case .dob, .mcDOB, .decom, .dec, .review, .duc, .dateInt, .dateMatch, .datePlaced,
             .datePlacedCeased, .misStart, .misEnd, .swDECOM, .swDEC, .doloStart, .doloEnd:
            true
        default:
            false
        }
    }
}
