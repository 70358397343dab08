import LineOfSightCore

extension SSDA903Rules {
    /// Header: the child's identity — CHILD and UPN — and whether the rest of the return knows them.
    static let headerIdentity: [SSDA903Rule] = [
        .eachRow("168", "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
                 table: .header, columns: [.upn]) { header, _ in
            // Decided once per distinct UPN.
            let upn = header[.upn]
            let wrong = upn.values.map { !HeaderCodes.unknownUPNs.contains($0) && !isUPNShaped($0) }
            return { row in !upn.isBlank(row) && wrong[Int(upn.ids[row])] }
        },
        .eachRow("209", "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
                 table: .header, columns: [.upn, .dob]) { header, context in
            let unknown = header[.upn].matching("UN1"), dob = header.dates(.dob)
            // 31 August before the school year that ends in the year the collection starts.
            let reference = CivilDate(year: context.collectionStart.year - 1, month: 8, day: 31)!
            return { row in unknown[row] && (dob[row].date.map { reference >= $0.adding(years: 4) } ?? false) }
        },
        SSDA903Rule("444", "Duplicate UPN has been reported", table: .header, columns: [.upn],
                    years: SSDA903RuleSet.from(.lac2025_26)) { header, _, flags in
            let upn = header[.upn]
            for rows in upn.rowsByValue().present where rows.count > 1 {
                guard !HeaderCodes.unknownUPNs.contains(upn[rows.first!]!) else { continue }
                rows.forEach { flags.flag($0) }
            }
        },
        // Episodes and OC3 are read when present; without them every child is unknown to them.
        // A blank CHILD matches a blank CHILD, as in the DfE tool's join.
        SSDA903Rule("EPI", "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
                    table: .header, columns: [.child]) { header, context, flags in
            let others = [context.current[.episodes], context.current[.oc3]].compactMap { $0?.children }
            let known = Set(others.flatMap { $0.values.dropFirst() })
            let blankKnown = others.contains { $0.ids.contains(0) }
            let children = header.children
            let unknown = children.values.indices.map { $0 == 0 ? !blankKnown : !known.contains(children.values[$0]) }
            for row in header.rows where unknown[Int(children.ids[row])] { flags.flag(row) }
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

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
