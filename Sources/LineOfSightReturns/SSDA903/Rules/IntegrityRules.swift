extension SSDA903Rules {
    /// The DfE tool's internal checks that each table's children, dates of birth and sexes agree
    /// with Header. A child matches every Header row with the same CHILD (a blank CHILD matches a
    /// blank CHILD, as pandas' merge does).
    static let integrity: [SSDA903Rule] =
        [("INT01", SSDA903Table.ad1), ("INT02", .placedAdoption), ("INT03", .episodes), ("INT04", .missing),
         ("INT05", .oc2), ("INT06", .oc3), ("INT07", .prevPerm), ("INT08", .reviews), ("INT09", .uasc)]
            .map { inHeader($0, $1) }
        + [("INT11", SSDA903Table.ad1), ("INT12", .placedAdoption), ("INT13", .missing), ("INT14", .oc2),
           ("INT15", .oc3), ("INT16", .prevPerm), ("INT17", .reviews), ("INT18", .uasc)]
            .map { sameBirthDate($0, $1) }
        + [sameSex]

    private static func inHeader(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        // The first check's message is worded differently by the DfE.
        let kind = code == "INT01" ? "Data Integrity Check" : "Internal Check"
        return SSDA903Rule(code, "\(kind): Child in \(table.rawValue) does not exist in Header.",
                           flags: [table: [.child]], needs: [table, .header]) { context, flags in
            let data = context[table], headerRows = ChildJoin(from: data, to: context[.header])
            for row in data.rows where headerRows[row].isEmpty { flags.flag(row, in: table) }
        }
    }

    /// A DOB that is a date in both tables and differs from any of the child's Header rows.
    private static func sameBirthDate(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        SSDA903Rule(code, "Internal Check: DOB in \(table.rawValue) is different to DOB in Header.",
                    flags: [table: [.dob]], needs: [table, .header]) { context, flags in
            let data = context[table], header = context[.header]
            let born = data.dates(.dob), headerBorn = header.dates(.dob)
            let headerRows = ChildJoin(from: data, to: header)
            for row in data.rows {
                guard let birth = born[row].date else { continue }
                if headerRows[row].contains(where: { headerBorn[$0].date.map { $0 != birth } ?? false }) {
                    flags.flag(row, in: table)
                }
            }
        }
    }

    private static let sameSex = SSDA903Rule(
        "INT21", "Internal Check: SEX in UASC is different to SEX in Header.",
        flags: [.uasc: [.sex]], needs: [.uasc, .header]
    ) { context, flags in
        let uasc = context[.uasc], header = context[.header]
        let sex = uasc[.sex], headerSex = header[.sex], headerRows = ChildJoin(from: uasc, to: header)
        for row in uasc.rows {
            guard let given = sex[row] else { continue }
            if headerRows[row].contains(where: { headerSex[$0].map { $0 != given } ?? false }) {
                flags.flag(row, in: .uasc)
            }
        }
    }
}
