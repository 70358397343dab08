/// A DfE rule that no return this validator reads can raise: listed, with the reason, so that
/// the rule list (`lineofsight-returns rules --year`) names it rather than leaving it out.
public struct SSDA903UnraisableRule: Sendable {
    public let code: String
    public let message: String
    public let years: ClosedRange<SSDA903RuleSet>
    /// Why no input can raise it, in words.
    public let reason: String
}

extension SSDA903Rules {
    public static let unraisable: [SSDA903UnraisableRule] = [
        // The DfE tool derives PL_LOCATION from PL_LA itself (`datastore.py`: IN exactly when
        // PL_LA is the council's), as `SSDA903PlacementLocations` does, and no table of the
        // return, in its CSV files or its XML form, has a PL_LOCATION a council could give.
        SSDA903UnraisableRule(code: "411", message: "Placement location code disagrees with LA of placement.",
                              years: SSDA903RuleSet.every,
                              reason: "PL_LOCATION is derived from PL_LA (IN exactly when PL_LA is the council's); no file of the return can give one that disagrees"),
    ]

    /// The rules of `ruleSet` that no input can raise.
    public static func unraisable(for ruleSet: SSDA903RuleSet) -> [SSDA903UnraisableRule] {
        unraisable.filter { $0.years.contains(ruleSet) }
    }
}
