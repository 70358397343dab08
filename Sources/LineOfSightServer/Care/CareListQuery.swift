import Foundation
import LineOfSightCore

/// The filters of a care list as typed in its query string, kept as text so the form shows them
/// back; each value is bounded and anything unknown is ignored.
struct CareListQuery: Sendable {
    var team = "", worker = "", legalStatus = "", placementType = "", area = "", age = "", inCare = "", chair = "", plan = "", drift = ""
    var page = 1
    var csv = false
    /// Every row, without navigation, to print.
    var printable = false

    init(_ parameters: FormInput) {
        func value(_ key: String) -> String { String((parameters[key] ?? "").prefix(40)) }
        team = value("team"); worker = value("worker"); legalStatus = value("legalStatus"); placementType = value("placementType")
        area = value("area"); age = value("age"); inCare = value("inCare"); chair = value("chair"); plan = value("plan"); drift = value("drift")
        page = parameters.page
        csv = parameters["format"] == "csv"
        printable = parameters["format"] == "print"
    }

    /// The query string of these filters (without the page).
    var filters: [(String, String)] {
        [("team", team), ("worker", worker), ("legalStatus", legalStatus), ("placementType", placementType), ("area", area),
         ("age", age), ("inCare", inCare), ("chair", chair), ("plan", plan), ("drift", drift)].filter { !$0.1.isEmpty }
    }

    /// The permanence plan filter's value for children without an agreed plan.
    static let noPlan = "none"

    /// Age bands, by the youngest and oldest age in them.
    static let ageBands: [(id: String, label: String, ages: ClosedRange<Int>)] = [
        ("0-4", "Under 5", 0...4), ("5-9", "5 to 9", 5...9), ("10-15", "10 to 15", 10...15), ("16-17", "16 or 17", 16...17),
        ("18-20", "18 to 20", 18...20), ("21-25", "21 to 25", 21...25),
    ]

    /// Time in care, in whole years since the period began.
    static let timeInCare: [(id: String, label: String, years: Range<Int>)] = [
        ("0-1", "Less than a year", 0..<1), ("1-2", "1 to 2 years", 1..<2), ("2-5", "2 to 5 years", 2..<5), ("5+", "5 years or more", 5..<200),
    ]
}
