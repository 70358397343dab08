extension SSDA903Rules {
    /// The DfE tool's internal checks that a table holding one row per child does so.
    static let childOnce: [SSDA903Rule] = [
        childOnce("INT31", .ad1), childOnce("INT32", .header), childOnce("INT33", .oc2),
        childOnce("INT34", .oc3), childOnce("INT35", .prevPerm), childOnce("INT36", .uasc),
    ]

    private static func childOnce(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        SSDA903Rule(code, "Internal Check: Child should only exist once in \(table.rawValue).",
                    table: table, columns: [.child]) { data, _, flags in
            for rows in data.children.rowsByValue().present where rows.count > 1 {
                rows.forEach { flags.flag($0) }
            }
        }
    }
}
