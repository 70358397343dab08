/// The codes a child's permanence is recorded in (shared/reference/annex-a.md §3.8 and
/// timescales.md §7), so the Annex A list of children in care is built from what workers record.
public enum PermanenceCodes {
    /// Annex A List 8, "What is the permanence plan for this child?", as the Standard Safeguarding
    /// Dataset encodes it. More than one may be set while plans run in parallel.
    public static let plans: CodeList = [
        ("RETURN1M", "Return home within 1 month"),
        ("RETURN6M", "Return home within 6 months"),
        ("RETURNEV", "Return home eventually"),
        ("REMAINSUP", "Remain with birth family, supported by short breaks"),
        ("LTRELFR", "Long-term with relatives or friends"),
        ("ADOPTION", "Adoption"),
        ("LTFOST18", "Long-term fostering to 18"),
        ("RESPLMT", "Residential until independence"),
        ("SUPPLIV", "Supported living"),
        ("OTHERPLN", "Other plan"),
    ]

    /// The plan of long-term fostering, which needs the match approved (`permanence.long_term_fostering_match`).
    public static let longTermFostering = "LTFOST18"

    /// Reasons a period of care ends with the child going home, before which a risk assessment of
    /// the return is expected (Ofsted found returns home made without one).
    public static let returnHomeReasons: Set<String> = ["E4A", "E4B", "E13"]
}
