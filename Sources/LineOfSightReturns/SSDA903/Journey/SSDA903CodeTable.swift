import LineOfSightCore

/// A code of the return and the value the journey holds for it, written once and read both
/// ways: import looks values up by code, export codes by value.
struct SSDA903CodeTable<Value: Equatable & Sendable>: Sendable {
    let pairs: [(code: String, value: Value)]

    func value(_ code: String?) -> Value? { pairs.first { $0.code == code }?.value }
    func code(_ value: Value?) -> String? { pairs.first { $0.value == value }?.code }
}

/// The cells whose journey value is not the cell's own text.
enum SSDA903JourneyCodes {
    /// MISSING.
    static let missingKinds = SSDA903CodeTable<MissingEpisode.Kind>(pairs: [("M", .missing), ("A", .away)])
    /// The 0/1 flags of OC2.
    static let flags = SSDA903CodeTable<Bool>(pairs: [("1", true), ("0", false)])
    /// The digit after OC3's ACCOM letter: suitable or not.
    static let suitability = SSDA903CodeTable<Bool>(pairs: [("1", true), ("2", false)])
    /// OC3's ACTIV and ACCOM when there is nothing to say (the young person is not in touch).
    static let nothingKnown = "0"

    /// SEX as the child's record holds it (M, F or U), whichever year's codes the return uses.
    static func sex(_ code: String?) -> String {
        switch code {
        case "M", "1": "M"
        case "F", "2": "F"
        default: "U"
        }
    }

    /// SEX in the codes of `ruleSet`.
    static func sexCode(_ sex: String, in ruleSet: SSDA903RuleSet) -> String {
        switch sex {
        case "M": HeaderCodes.male(in: ruleSet)
        case "F": HeaderCodes.female(in: ruleSet)
        default: "U"
        }
    }

    /// OC3's ACCOM as the letter and whether the accommodation is suitable.
    static func accommodation(_ cell: String?) -> (letter: String?, suitable: Bool?) {
        guard let cell, cell != nothingKnown, let letter = cell.first else { return (nil, nil) }
        return (String(letter), suitability.value(String(cell.dropFirst())))
    }

    static func accommodationCell(letter: String?, suitable: Bool?) -> String {
        guard let letter else { return nothingKnown }
        return letter + (suitability.code(suitable) ?? "")
    }
}

extension CivilDate {
    /// The date as the return writes it: dd/mm/yyyy.
    public var ssda903: String {
        let (year, month, day) = components
        return (day < 10 ? "0" : "") + String(day) + "/" + (month < 10 ? "0" : "") + String(month) + "/" + String(year)
    }
}
