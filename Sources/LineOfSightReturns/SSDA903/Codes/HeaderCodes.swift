import LineOfSightCore

/// The code sets of the Header table.
public enum HeaderCodes {
    /// SEX, rule 101: `1`/`2` until 2023/24, `M`/`F`/`U` from 2024/25.
    public static func sexes(in ruleSet: SSDA903RuleSet) -> Set<String> {
        ruleSet >= .lac2024_25 ? ["M", "F", "U"] : ["1", "2"]
    }

    /// The SEX code of a male child in `ruleSet` (rule 174).
    public static func male(in ruleSet: SSDA903RuleSet) -> String { ruleSet >= .lac2024_25 ? "M" : "1" }
    /// The SEX code of a female child in `ruleSet` (rule 612).
    public static func female(in ruleSet: SSDA903RuleSet) -> String { ruleSet >= .lac2024_25 ? "F" : "2" }

    /// ETHNIC, rule 103: the codes shared with the CIN census.
    public static let ethnicities = Set(Ethnicity.codes.map(\.code))

    /// UPN-unknown codes, rule 168.
    public static let unknownUPNs: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"]
}
