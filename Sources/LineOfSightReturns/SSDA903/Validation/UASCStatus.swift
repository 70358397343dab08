extension SSDA903Context {
    /// Each Header row's UASC status, as the DfE tool gives Header a UASC column: from XML, the
    /// child's UASC as given; from CSV files, `1` for a child in the UASC table and `0` for any
    /// other. Only for a rule that needs Header and UASC (so CSV files have both).
    public func uascStatus() -> SSDA903Cells {
        Self.uascStatus(self[.header], self[.uasc])!
    }

    /// The children who are or were UASC, this year or last, as the DfE tool's rules on distance
    /// and postcodes find them: UASC 1 in Header (`uascStatus`) or, without a Header, a UASC row
    /// holding anything; the same in last year's files when given. Nil when neither year's
    /// files say anything of UASC status (the DfE tool then cannot tell who was a UASC). A blank
    /// CHILD is the child "", as the DfE tool's joins match blank with blank.
    public func childrenEverUASC() -> Set<String>? {
        var known = false
        var children = Set<String>()
        for data in [current, previous].compactMap({ $0 }) {
            if let header = data[.header] {
                guard let status = Self.uascStatus(header, data[.uasc]) else { continue }
                known = true
                let uasc = status.matching("1")
                for row in header.rows where uasc[row] { children.insert(header.children[row] ?? "") }
            } else if let uasc = data[.uasc] {
                known = true
                let held = [uasc[.sex], uasc[.dob], uasc[.duc]]
                for row in uasc.rows where held.contains(where: { !$0.isBlank(row) }) { children.insert(uasc.children[row] ?? "") }
            }
        }
        return known ? children : nil
    }

    /// Header's UASC column: as given in the XML form, derived from the UASC table for CSV files,
    /// nil for CSV files without one.
    static func uascStatus(_ header: SSDA903TableData, _ uasc: SSDA903TableData?) -> SSDA903Cells? {
        if header.has(.uasc) { return header[.uasc] }
        guard let uasc else { return nil }
        let join = ChildJoin(from: header, to: uasc)
        return SSDA903Cells(ids: header.rows.map { join[$0].isEmpty ? 1 : 2 }, values: ["", "0", "1"])
    }

    /// A UASC status as a number, as the DfE tool's `pd.to_numeric(…, errors="coerce")` reads it:
    /// nil when blank or not a number.
    public static func uascNumber(_ text: String?) -> Double? {
        guard let text, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return nil }
        return Double(text)
    }
}
