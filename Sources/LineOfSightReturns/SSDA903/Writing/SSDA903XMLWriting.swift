/// Writes a return in its XML form (root `EXPSSDA903`, laid out as `SSDA903XMLLayout` reads it):
/// one `CHILD` element for each Header row, in Header's order, holding the rows of the other
/// tables with the same CHILD. Every field of a row element is written, empty when blank, so that
/// no reader fills a missing field from elsewhere. UASC is `1` for a child with a UASC row and
/// `0` for any other (when the return came from XML, Header's own UASC).
///
/// What the XML form cannot hold is not written: SWEpisodes and DoLo (it has no elements for
/// them), and a DOB or SEX of another table that differs from Header's (it holds them once). A
/// return it cannot lay out at all is refused: a child twice in Header, a row of a child that
/// Header lacks, or two rows of a one-row table (UASC, OC2, OC3, AD1, PrevPerm) for one child.
public enum SSDA903XMLWriter {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    public static func xml(_ data: SSDA903Return) throws(Refusal) -> String {
        guard let header = data[.header] else { throw Refusal(description: "the XML form needs the Header table") }
        if let twice = header.childGroups.present.first(where: { $0.count > 1 }) {
            throw Refusal(description: "child \(header.children[twice.first!] ?? "") is in Header \(twice.count) times")
        }
        let others = SSDA903XMLLayout.tables.dropFirst().compactMap { data[$0] }
        var joins: [SSDA903Table: ChildJoin] = [:]
        for table in others {
            let join = ChildJoin(from: header, to: table)
            let held = header.rows.reduce(0) { $0 + join[$1].count }
            if held < table.rowCount {
                let orphan = ChildJoin(from: table, to: header)
                let row = table.rows.first { orphan[$0].isEmpty }!
                throw Refusal(description: "\(table.table.rawValue) row \(row) is of child \(table.children[row] ?? "(blank)"), who is not in Header")
            }
            joins[table.table] = join
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n"
        for row in header.rows {
            func rows(_ table: SSDA903Table) -> [Int] { joins[table].map { Array($0[row]) } ?? [] }
            func single(_ table: SSDA903Table) throws(Refusal) -> Int? {
                let found = rows(table)
                guard found.count <= 1 else {
                    throw Refusal(description: "child \(header.children[row] ?? "") has \(found.count) \(table.rawValue) rows; the XML form holds one")
                }
                return found.first
            }
            out += "  <CHILD>\n    <HEADER>\n"
            var fields = [String]()
            func field(_ column: SSDA903Column, of table: SSDA903TableData, _ at: Int) {
                fields.append(element(SSDA903XMLLayout.tag(of: column), table[column][at]))
            }
            for column in [SSDA903Column.child, .upn, .sex, .dob, .ethnic] { field(column, of: header, row) }
            let uasc = try single(.uasc)
            let status = header.has(.uasc) ? header[.uasc][row] : (uasc == nil ? "0" : "1")
            fields.append(element("UASC", status))
            if let uasc { field(.duc, of: data[.uasc]!, uasc) }
            if let ad1 = try single(.ad1) {
                for column in SSDA903Table.ad1.columns.dropFirst(2) { field(column, of: data[.ad1]!, ad1) }
            }
            if let oc3 = try single(.oc3) {
                for column in SSDA903Table.oc3.columns.dropFirst(2) { field(column, of: data[.oc3]!, oc3) }
            }
            out += fields.map { "      " + $0 + "\n" }.joined()
            out += rowElements("AMISSING", .missing, rows(.missing), data, indent: "      ")
            out += rowElements("AREVIEW", .reviews, rows(.reviews), data, indent: "      ")
            out += "      " + element("MOTHER", header[.mother][row]) + element("MC_DOB", header[.mcDOB][row]) + "\n"
            out += rowElements("PERMANENCE", .prevPerm, try single(.prevPerm).map { [$0] } ?? [], data, indent: "      ")
            out += rowElements("OC2", .oc2, try single(.oc2).map { [$0] } ?? [], data, indent: "      ")
            out += rowElements("AD_PLACED", .placedAdoption, rows(.placedAdoption), data, indent: "      ")
            out += "    </HEADER>\n"
            out += rowElements("EPISODE", .episodes, rows(.episodes), data, indent: "    ")
            out += "  </CHILD>\n"
        }
        return out + "</EXPSSDA903>\n"
    }

    /// One element per row, each holding every field its table's rows hold themselves.
    private static func rowElements(_ name: String, _ table: SSDA903Table, _ rows: [Int], _ data: SSDA903Return,
                                    indent: String) -> String {
        guard let cells = data[table] else { return "" }
        let columns = SSDA903XMLLayout.ownColumns(of: table)
        return rows.map { row in
            indent + "<\(name)>" + columns.map { element(SSDA903XMLLayout.tag(of: $0), cells[$0][row]) }.joined() + "</\(name)>\n"
        }.joined()
    }

    private static func element(_ name: String, _ value: String?) -> String {
        guard let value, !value.isEmpty else { return "<\(name)/>" }
        return "<\(name)>\(escaped(value))</\(name)>"
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
