import Foundation

/// A date on the civil calendar, with no time of day and no time zone.
///
/// Stored as a day number (days since 1970-01-01) so that comparison, subtraction and
/// working-day table look-ups are integer operations: every due date in the system is
/// computed millions of times in a bulk recompute, and `Foundation.Calendar` is far too slow
/// for that. Conversions use Howard Hinnant's proleptic-Gregorian algorithms.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// A valid date in years 1…9999 (the range `YYYY-MM-DD` can write), or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// Strict `YYYY-MM-DD`: exactly ten characters, zero-padded, and a date that exists
    /// (`2025-02-30` and `2025-2-3` are rejected).
    public init?(iso: String) {
        guard let (y, m, d) = CivilDate.parseISO(iso) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// Year, month and day in one conversion (cheaper than reading the three properties).
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 10)
        bytes[0] += UInt8(y / 1000 % 10); bytes[1] += UInt8(y / 100 % 10)
        bytes[2] += UInt8(y / 10 % 10); bytes[3] += UInt8(y % 10)
        bytes[4] = UInt8(ascii: "-")
        bytes[5] += UInt8(m / 10); bytes[6] += UInt8(m % 10)
        bytes[7] = UInt8(ascii: "-")
        bytes[8] += UInt8(d / 10); bytes[9] += UInt8(d % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)!
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    // MARK: - Conversions

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Digits and dashes in the `YYYY-MM-DD` positions, without judging whether the day exists.
    private static func parseISO(_ text: String) -> (Int, Int, Int)? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (position, byte) in utf8.enumerated() {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch position {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        return fields
    }
}

extension CivilDate: CustomStringConvertible {
    public var description: String { iso }

    /// "3 March 2026": how a date reads in a sentence people see.
    public var long: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"]
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a date: expected YYYY-MM-DD naming a day that exists")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// ISO weekday numbering: Monday = 1 … Sunday = 7.
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
