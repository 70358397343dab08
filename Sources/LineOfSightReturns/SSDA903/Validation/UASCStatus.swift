extension SSDA903Context {
    /// Each Header row's UASC status, as the DfE tool gives Header a UASC column: from XML, the
    /// child's UASC as given; from CSV files, `1` for a child in the UASC table and `0` for any
    /// other. Only for a rule that needs Header and UASC (so CSV files have both).
    public func uascStatus() -> SSDA903Cells {
        let header = self[.header]
        if header.has(.uasc) { return header[.uasc] }
        let join = ChildJoin(from: header, to: self[.uasc])
        return SSDA903Cells(ids: header.rows.map { join[$0].isEmpty ? 1 : 2 }, values: ["", "0", "1"])
    }

    /// A UASC status as a number, as the DfE tool's `pd.to_numeric(…, errors="coerce")` reads it:
    /// nil when blank or not a number.
    public static func uascNumber(_ text: String?) -> Double? {
        guard let text, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return nil }
        return Double(text)
    }
}
