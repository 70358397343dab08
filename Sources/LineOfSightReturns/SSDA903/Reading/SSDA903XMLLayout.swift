/// Where each table's cells lie in the XML form of the return (root `EXPSSDA903`, one `CHILD`
/// element a child: shared/reference/ssda903.md §3), as the DfE tool's `read_xml_from_text` maps
/// it. A `HEADER` holds the child's own fields and those of the one-row tables (UASC, AD1, OC3);
/// each repeated element (`EPISODE` in the `CHILD`, `AREVIEW`, `AMISSING`, `OC2`, `PERMANENCE`,
/// `AD_PLACED` in the `HEADER`) is one row of its table, whose CHILD, DOB and SEX are the
/// `HEADER`'s. SWEpisodes and DoLo have no XML form (the DfE tool reads neither from XML).
enum SSDA903XMLLayout {
    static let root = "EXPSSDA903"
    static let child = "CHILD"
    static let header = "HEADER"

    /// The tables an XML return holds: all of them, each possibly empty.
    static let tables: [SSDA903Table] = [.header, .episodes, .reviews, .uasc, .oc2, .oc3, .ad1,
                                         .placedAdoption, .prevPerm, .missing]

    /// The element whose every occurrence is one row of a table, and where it sits.
    static let rowElements: [String: (table: SSDA903Table, inHeader: Bool)] = [
        "EPISODE": (.episodes, false), "AREVIEW": (.reviews, true), "AMISSING": (.missing, true),
        "OC2": (.oc2, true), "PERMANENCE": (.prevPerm, true), "AD_PLACED": (.placedAdoption, true),
    ]

    /// The columns a row element holds itself; the rest of its table's columns are the `HEADER`'s.
    static func ownColumns(of table: SSDA903Table) -> [SSDA903Column] {
        table.columns.filter { !headerOwned.contains($0) }
    }

    /// A child's identity, which every table repeats and the XML gives once, in the `HEADER`.
    private static let headerOwned: Set<SSDA903Column> = [.child, .dob, .sex]

    /// The fields directly in a `HEADER`: Header's, the UASC status and date it ceased, and the
    /// one-row tables' fields.
    static let headerFields: [SSDA903Column] = {
        var fields = SSDA903Table.header.columns + [.uasc]
        for table in [SSDA903Table.uasc, .ad1, .oc3] {
            fields += table.columns.filter { !fields.contains($0) }
        }
        return fields
    }()

    /// The one-row tables made from `HEADER` fields.
    static let headerTables: [SSDA903Table] = [.uasc, .oc3, .ad1]

    /// The field whose value puts a row of the one-row `table` in a child's `HEADER`, nil when
    /// there is none. AD1 when DATE_INT is given and OC3 when IN_TOUCH is, as in the DfE tool;
    /// UASC when UASC is given, unless it says 0 (not a UASC) and no DUC is given: the DfE tool
    /// makes a row whenever UASC is given, so every child whose UASC is 0 is in its UASC table
    /// (docs/ssda903-deviations.md). `fields` are the `HEADER`'s, trimmed.
    static func rowKey(of table: SSDA903Table, in fields: [SSDA903Column: String]) -> SSDA903Column? {
        func given(_ column: SSDA903Column) -> Bool { !(fields[column] ?? "").isEmpty }
        switch table {
        case .uasc:
            return given(.uasc) && (fields[.uasc] != "0" || given(.duc)) ? .uasc : nil
        case .oc3: return given(.inTouch) ? .inTouch : nil
        case .ad1: return given(.dateInt) ? .dateInt : nil
        default: return nil
        }
    }

    /// The element name of a column: its CSV name, except the child's id and the placement.
    static func tag(of column: SSDA903Column) -> String {
        switch column {
        case .child: "CHILDID"
        case .place: "PL"
        default: column.rawValue
        }
    }

    /// The columns of `fields` by element name.
    static func byTag(_ fields: [SSDA903Column]) -> [String: SSDA903Column] {
        Dictionary(uniqueKeysWithValues: fields.map { (tag(of: $0), $0) })
    }
}
