/// Ethnicity codes shared by the CIN census (rule 4220) and SSDA903 `ETHNIC`.
public enum Ethnicity {
    public static let codes: [(code: String, title: String)] = [
        ("WBRI", "White British"), ("WIRI", "White Irish"), ("WOTH", "Any other White background"),
        ("WIRT", "Traveller of Irish heritage"), ("WROM", "Gypsy/Roma"), ("MWBC", "White and Black Caribbean"),
        ("MWBA", "White and Black African"), ("MWAS", "White and Asian"), ("MOTH", "Any other Mixed background"),
        ("AIND", "Indian"), ("APKN", "Pakistani"), ("ABAN", "Bangladeshi"), ("AOTH", "Any other Asian background"),
        ("BCRB", "Caribbean"), ("BAFR", "African"), ("BOTH", "Any other Black background"), ("CHNE", "Chinese"),
        ("OOTH", "Any other ethnic group"), ("REFU", "Refused"), ("NOBT", "Information not yet obtained"),
    ]

    public static func title(for code: String) -> String? {
        codes.first { $0.code == code }?.title
    }
}
