/// Where and with whom a looked-after child lives: the facts a placement is recorded with, on the
/// period of care (its first placement) and on each change of placement.
public protocol PlacementDetails {
    /// The day the child moved in.
    var placementStart: CivilDate { get }
    /// `LookedAfterCodes.placementTypes` (or a retired type, before April 2025).
    var placementType: String { get }
    /// `LookedAfterCodes.placementProviders`.
    var provider: String? { get }
    /// Who the child lives with, or the home's name.
    var carers: String? { get }
    /// The provider's Ofsted unique reference number.
    var urn: String? { get }
    /// The first half of the placement's postcode ("WA10"), as the return reports it.
    var postcode: String? { get }
    /// The first half of the postcode of the home the child was living in before.
    var homePostcode: String? { get }
    var intendedUntil18: Bool? { get }
    var sixMonthlyVisitsAgreed: Bool? { get }
    /// The day the placement plan was agreed.
    var placementPlan: CivilDate? { get }
}

extension PlacementDetails {
    /// The postcode district of the child's home for this placement: its own, or else (a move
    /// recorded without it) the one recorded when the child became looked after in `period`. The
    /// placement's distance from home and the SSDA903 return's HOME_POST both read it from here.
    public func home(in period: PeriodOfCareRecord) -> String? { homePostcode ?? period.homePostcode }

    /// The placement in the journey, under `id`.
    func placement(id: String) -> Placement {
        Placement(id: id, start: placementStart, type: placementType, provider: provider, intendedUntil18: intendedUntil18,
                  sixMonthlyVisitsAgreed: sixMonthlyVisitsAgreed, placementPlan: placementPlan)
    }

    var placementDates: [RecordDate] {
        [RecordDate("placementPlan", "The date the placement plan was agreed", placementPlan)]
    }

    /// What is wrong with the placement's own facts.
    var placementProblems: [RecordProblem] {
        var problems: [RecordProblem] = []
        if !CodeList.placementTypes(on: placementStart).contains(placementType) {
            problems.append(RecordProblem("placementType", LookedAfterCodes.retiredPlacementTypes.contains(placementType)
                ? "This type of placement was retired in April 2025: select one of the current types"
                : "Select the type of placement from the list"))
        }
        if let provider, !LookedAfterCodes.placementProviders.contains(provider) {
            problems.append(RecordProblem("provider", "Select who provides the placement from the list"))
        }
        if let urn, !Self.isURN(urn) {
            problems.append(RecordProblem("urn", "Enter the Ofsted unique reference number as SC and 6 digits, 7 digits, or XXXXXXX"))
        }
        for (key, value) in [("postcode", postcode), ("homePostcode", homePostcode)] {
            if let value, !Self.isPostcodeDistrict(value) {
                problems.append(RecordProblem(key, "Enter the first half of the postcode, for example WA10"))
            }
        }
        if sixMonthlyVisitsAgreed == true, !["U1", "U4"].contains(placementType) {
            problems.append(RecordProblem("sixMonthlyVisitsAgreed",
                                          "Six-monthly visits can only be agreed for a long-term foster placement"))
        }
        if let placementPlan, placementPlan < placementStart {
            problems.append(RecordProblem("placementPlan", "The date the placement plan was agreed must be on or after the date the placement started"))
        }
        return problems
    }

    /// "SC123456", a newly registered provider's 7 digits, or "XXXXXXX" (inspected by another regulator).
    static func isURN(_ text: String) -> Bool {
        let text = text.uppercased()
        if text == "XXXXXXX" { return true }
        let digits = text.hasPrefix("SC") ? text.dropFirst(2) : Substring(text)
        return digits.count == (text.hasPrefix("SC") ? 6 : 7) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The outward code of a UK postcode: one or two letters, a digit, then a digit or letter.
    public static func isPostcodeDistrict(_ text: String) -> Bool {
        let characters = Array(text.uppercased())
        let letters = characters.prefix { $0.isASCII && $0.isLetter }
        let rest = characters.dropFirst(letters.count)
        guard (1...2).contains(letters.count), let first = rest.first, first.isASCII, first.isNumber else { return false }
        return rest.count == 1 || (rest.count == 2 && rest.last!.isASCII && (rest.last!.isNumber || rest.last!.isLetter))
    }
}
