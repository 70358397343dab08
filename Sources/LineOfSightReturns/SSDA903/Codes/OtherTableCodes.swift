/// The code sets of the smaller tables, as the DfE validator's rules list them
/// (meanings in shared/reference/ssda903.md §4).
public enum OtherTableCodes {
    /// Reviews REVIEW_CODE, rule 167.
    public static let reviewParticipation: Set<String> = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    /// OC3 IN_TOUCH, rule 131.
    public static let inTouch: Set<String> = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    /// OC3 ACTIV, rule 132.
    public static let activities: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    /// OC3 ACCOM, rule 133: S1 and X1 are refused (homeless or in custody cannot be suitable).
    public static let accommodation: Set<String> = [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2",
        "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
    ]
    /// OC2 SDQ_REASON, rule 196.
    public static let sdqReasons: Set<String> = ["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]
    /// AD1 NB_ADOPTR, rule 175.
    public static let numbersOfAdopters: Set<String> = ["1", "2"]
    /// AD1 SEX_ADOPTR, rule 176.
    public static let adoptersSexes: Set<String> = ["M1", "F1", "MM", "FF", "MF"]
    /// AD1 LS_ADOPTR, rule 177.
    public static let adoptersLegalStatuses: Set<String> = ["L0", "L11", "L12", "L2", "L3", "L4"]
    /// PlacedAdoption REASON_PLACED_CEASED, rule 120.
    public static let reasonsPlacedCeased: Set<String> = ["RD1", "RD2", "RD3", "RD4"]
    /// PrevPerm PREV_PERM, rule 631.
    public static let previousPermanence: Set<String> = ["P1", "P2", "P3", "P4", "Z1"]
    /// Missing MISSING, rule 1006: missing, or away without authorisation.
    public static let missingTypes: Set<String> = ["M", "A"]
    /// SWEpisodes SW_REASON, rule SW13STG1.
    public static let socialWorkerChangeReasons: Set<String> = [
        "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS",
    ]
    /// 0/1 flags (AD1 FOSTER_CARE, rule 114).
    public static let flags: Set<String> = ["0", "1"]
}
