import LineOfSightCore

/// A date cell as read: absent, present but not a date, or a date. Keeping "malformed" apart
/// from "missing" lets each rule decide, and lets the date-validity rules report the malformed
/// cell while every other rule still runs on every row.
public enum FieldDate: Sendable, Equatable {
    case missing
    case malformed
    case valid(CivilDate)

    /// The date when the cell holds one.
    @inlinable public var date: CivilDate? {
        if case .valid(let date) = self { return date }
        return nil
    }

    public var isMalformed: Bool { self == .malformed }

    /// Reads `d/m/yyyy` as the DfE tool does (pandas `to_datetime(format="%d/%m/%Y")`): day and
    /// month of one or two digits, a four-digit year, a day that exists. Years outside
    /// 1678–2261 are malformed, because pandas cannot hold them and the DfE tool reads them as
    /// not dates; no child or episode falls outside that range.
    public init<Bytes: Collection<UInt8>>(cell bytes: Bytes) {
        guard !bytes.isEmpty else { self = .missing; return }
        var parts = (0, 0, 0)
        var digits = 0
        var part = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                guard part < 2, (1...2).contains(digits) else { self = .malformed; return }
                part += 1
                digits = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 4 else {
                self = .malformed; return
            }
            let value = Int(byte - UInt8(ascii: "0"))
            switch part {
            case 0: parts.0 = parts.0 * 10 + value
            case 1: parts.1 = parts.1 * 10 + value
            default: parts.2 = parts.2 * 10 + value
            }
            digits += 1
        }
        guard part == 2, digits == 4, (1678...2261).contains(parts.2),
              let date = CivilDate(year: parts.2, month: parts.1, day: parts.0)
        else { self = .malformed; return }
        self = .valid(date)
    }
}

extension FieldDate {
    /// Whether `text` is a date once unknown parts are filled in: `ZZ` for the day or month,
    /// `ZZZZ` for the year (as in DATE_PERM, and as the DfE's `valid_date` helper reads them).
    public static func isDate(allowingUnknownParts text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let filled = [parts[0] == "ZZ" ? "01" : parts[0], parts[1] == "ZZ" ? "01" : parts[1],
                      parts[2] == "ZZZZ" ? "2000" : parts[2]].joined(separator: "/")
        return FieldDate(cell: filled.utf8).date != nil
    }
}

extension FieldDate {
    /// A DATE_PERM as the DfE tool reads it (`valid_date`): `ZZ` for an unknown day or month and
    /// `ZZZZ` for an unknown year are read as the latest day they could be. An unknown day is the
    /// month's last; an unknown month (which wins over an unknown day) is read as January plus a
    /// year less a day (31 December when the day is unknown too, as the DfE tool has it); an
    /// unknown year is 2000. Nil when the cell is blank or not such a date.
    public static func permanenceDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        let dayUnknown = parts[0] == "ZZ", monthUnknown = parts[1] == "ZZ"
        let filled = [dayUnknown ? "01" : parts[0], monthUnknown ? "01" : parts[1], parts[2] == "ZZZZ" ? "2000" : parts[2]]
        guard let date = FieldDate(cell: filled.joined(separator: "/").utf8).date else { return nil }
        if monthUnknown { return date.adding(years: 1).adding(days: -1) }
        if dayUnknown { return date.adding(months: 1).adding(days: -1) }
        return date
    }
}
