import LineOfSightCore

extension SSDA903Rules {
    /// Header: the child's identity — CHILD and UPN — and whether the rest of the return knows them.
    static let headerIdentity: [SSDA903Rule] = [
        .eachRow("168", "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
                 table: .header, columns: [.upn]) { header, _ in
            let upn = header[.upn]
            return { row in upn[row].map { !HeaderCodes.unknownUPNs.contains($0) && !isUPNShaped($0) } ?? false }
        },
        .eachRow("209", "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
                 table: .header, columns: [.upn, .dob]) { header, context in
            let upn = header[.upn], dob = header.dates(.dob)
            // 31 August before the school year that ends in the year the collection starts.
            let reference = CivilDate(year: context.collectionStart.year - 1, month: 8, day: 31)!
            return { row in upn[row] == "UN1" && (dob[row].date.map { reference >= $0.adding(years: 4) } ?? false) }
        },
        SSDA903Rule("444", "Duplicate UPN has been reported", table: .header, columns: [.upn],
                    years: SSDA903RuleSet.from(.lac2025_26)) { header, _, flags in
            let upn = header[.upn]
            for rows in rowsByValue(upn).values where rows.count > 1 {
                guard !HeaderCodes.unknownUPNs.contains(upn[rows[0]]!) else { continue }
                rows.forEach { flags.flag($0) }
            }
        },
        SSDA903Rule("INT32", "Internal Check: Child should only exist once in Header.",
                    table: .header, columns: [.child]) { header, _, flags in
            for rows in rowsByValue(header.children).values where rows.count > 1 {
                rows.forEach { flags.flag($0) }
            }
        },
        // Episodes and OC3 are read when present; without them every child is unknown to them.
        SSDA903Rule("EPI", "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
                    table: .header, columns: [.child]) { header, context, flags in
            var known = Set(context.current[.episodes]?.children ?? [])
            known.formUnion(context.current[.oc3]?.children ?? [])
            for (row, child) in header.children.enumerated() where !known.contains(child) { flags.flag(row) }
        },
    ]

    /// `[A-Z]` but not I, O or S, then 12 digits or 11 digits and a letter (rule 168's pattern).
    static func isUPNShaped(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 13, isLetter(bytes[0]), !"IOS".utf8.contains(bytes[0]),
              bytes[1...11].allSatisfy(isDigit), isDigit(bytes[12]) || isLetter(bytes[12])
        else { return false }
        return true
    }

    /// The rows holding each present value.
    static func rowsByValue(_ cells: [String?]) -> [String: [Int]] {
        var rows: [String: [Int]] = [:]
        for (row, cell) in cells.enumerated() {
            if let cell { rows[cell, default: []].append(row) }
        }
        return rows
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
