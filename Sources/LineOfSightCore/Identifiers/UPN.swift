/// A unique pupil number (DfE): a check letter then 12 characters — 3-digit LA number, 4-digit
/// establishment number, 2-digit year of allocation, 3-character serial whose last character may be a
/// letter for a temporary UPN. Pattern from the CIN census (`[A-Za-z]\d{12}` or `[A-Za-z]\d{11}[A-Za-z]`).
public enum UPN {
    /// The 23 letters used for check letters and for alphabetic characters in position 13.
    static let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    public enum Problem: Equatable, Sendable {
        case format
        case checkLetter(expected: Character)
    }

    /// nil when valid. Letters are accepted in either case.
    public static func problem(with text: String) -> Problem? {
        let upn = Array(text.uppercased())
        guard upn.count == 13, upn[0].isASCII, upn[0].isLetter,
              upn[1...11].allSatisfy({ $0.isASCII && $0.isNumber }),
              upn[12].isASCII, upn[12].isNumber || letters.contains(upn[12])
        else { return .format }
        let expected = checkLetter(for: upn[1...12])
        return upn[0] == expected ? nil : .checkLetter(expected: expected)
    }

    /// Weights 2…13 over positions 2–13; a letter in position 13 counts as its index in `letters`.
    public static func checkLetter<S: Collection<Character>>(for body: S) -> Character {
        var sum = 0
        for (index, character) in body.enumerated() {
            let value = character.wholeNumberValue ?? letters.firstIndex(of: character) ?? 0
            sum += value * (index + 2)
        }
        return letters[sum % 23]
    }
}

/// An NHS number: 10 digits, the last a modulus-11 check digit over the first nine (weights 10…2).
public enum NHSNumber {
    public static func isValid(_ text: String) -> Bool {
        let digits = text.filter { $0 != " " }.compactMap(\.wholeNumberValue)
        guard digits.count == 10, text.filter({ $0 != " " }).count == 10 else { return false }
        return checkDigit(for: digits[0..<9]) == digits[9]
    }

    /// nil when no valid check digit exists (a remainder giving 10).
    public static func checkDigit<S: Collection<Int>>(for nine: S) -> Int? {
        let sum = nine.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }
}
