/// The code sets of the Episodes table, as the DfE validator's rules list them
/// (see shared/reference/ssda903.md §4 for their meanings).
public enum EpisodeCodes {
    /// RNE, rule 143.
    public static let reasonsForNewEpisode: Set<String> = ["S", "P", "L", "T", "U", "B"]
    /// LS, rule 144.
    public static let legalStatuses: Set<String> = [
        "C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3",
    ]
    /// CIN, rule 145: the 903 allows N1–N8 only.
    public static let categoriesOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    /// REC, rule 149.
    public static let reasonsEpisodeCeased: Set<String> = [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1",
    ]
    /// REASON_PLACE_CHANGE, rule 1009.
    public static let reasonsForPlacementChange: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
    ]
    /// PLACE_PROVIDER, rule 178.
    public static let placementProviders: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]

    /// PLACE, rule 146. 2025/26 dropped H5, P2 and Z1 and added K3 and Z11–Z14. The 2024/25 rule
    /// lists K3 in lower case, which never matches an upper-cased value, so K3 is refused that
    /// year as the DfE tool refuses it.
    public static func placements(in ruleSet: SSDA903RuleSet) -> Set<String> {
        ruleSet >= .lac2025_26 ? placementsFrom2025 : placementsUntil2025
    }

    /// Temporary placements (T0–T4).
    public static let temporaryPlacements: Set<String> = ["T0", "T1", "T2", "T3", "T4"]

    /// The "other placement" codes: Z1 until 2024/25, Z11–Z14 from 2025/26.
    public static func otherPlacements(in ruleSet: SSDA903RuleSet) -> Set<String> {
        ruleSet >= .lac2025_26 ? ["Z11", "Z12", "Z13", "Z14"] : ["Z1"]
    }

    private static let placementsUntil2025: Set<String> = [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ]
    private static let placementsFrom2025: Set<String> = [
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
    ]
}
