import LineOfSightCore
@testable import LineOfSightReturns
import Testing

/// What the export writes of the facts the return asks of a child looked after all year: their
/// health, a conviction, motherhood; and only to the children the return asks them of.
@Suite struct SSDA903JourneyOutcomesTests {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static func child(sex: String = "F", born: String, _ records: [any JourneyRecord], upn: String? = "A123456789012") -> SSDA903JourneyExport.Child {
        SSDA903JourneyExport.Child(laChildID: "LA1", details: .init(sex: sex, dateOfBirth: date(born), ethnicity: "WBRI", upn: upn),
                                   events: records.enumerated().map { RecordedEvent(id: "e\($0.offset)", record: $0.element) })
    }

    static let period = PeriodOfCareRecord(start: date("2024-01-10"), legalStatus: "C2", categoryOfNeed: "N1", placementType: "U4",
                                           provider: "PR1", carers: "Mr and Mrs Lane", postcode: "L8", homePostcode: "WA10",
                                           reason: "Neglect.")

    /// The cells of the child's one row of `table`, by column name.
    static func row(_ table: SSDA903Table, of child: SSDA903JourneyExport.Child) -> [String: String] {
        let lines = (SSDA903JourneyExport.csv([child], ruleSet: .lac2025_26).tables[table] ?? "").split(separator: "\n")
        guard lines.count > 1 else { return [:] }
        let names = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return Dictionary(uniqueKeysWithValues: zip(names, cells))
    }

    @Test func aYoungMotherConvictedInTheYearWithASubstanceMisuseProblemIsWrittenAsRecorded() {
        let child = Self.child(born: "2009-05-01", [
            Self.period,
            ParenthoodRecord(date: Self.date("2024-06-01")), ParenthoodRecord(date: Self.date("2025-11-20")),
            ConvictionRecord(date: Self.date("2025-07-01"), outcome: "youthCaution"),
            HealthAssessmentRecord(kind: .review, date: Self.date("2025-09-01"), immunisationsUpToDate: true, dentalCheck: Self.date("2025-08-01"),
                                   sdqScore: 12, developmentChecksUpToDate: true, substanceMisuse: true, interventionReceived: false,
                                   interventionOffered: true),
        ])
        let header = Self.row(.header, of: child), oc2 = Self.row(.oc2, of: child)
        #expect(header["MOTHER"] == "1" && header["MC_DOB"] == "01/06/2024", "the first child's date of birth: \(header)")
        #expect(oc2["CONVICTED"] == "1" && oc2["SUBSTANCE_MISUSE"] == "1" && oc2["INTERVENTION_RECEIVED"] == "0"
                && oc2["INTERVENTION_OFFERED"] == "1" && oc2["SDQ_SCORE"] == "12", "\(oc2)")
        #expect(oc2["HEALTH_CHECK"] == "", "development checks are asked only of children under 5")
        let findings = SSDA903RecordCheck.findings(of: child, ruleSet: .lac2025_26)
        #expect(findings.isEmpty, "\(findings.map(\.ruleCode))")
    }

    /// Imported, the rows become records that are written again as they came.
    @Test func motherhoodAConvictionAndTheHealthItemsComeBackFromTheReturnAsTheyWent() throws {
        let child = Self.child(born: "2009-05-01", [
            Self.period, ParenthoodRecord(date: Self.date("2024-06-01")),
            ConvictionRecord(date: Self.date("2025-07-01"), outcome: "conviction"),
            HealthAssessmentRecord(kind: .review, date: Self.date("2025-09-01"), immunisationsUpToDate: false, sdqReason: "SDQ2",
                                   substanceMisuse: true, interventionReceived: true),
        ])
        let first = SSDA903JourneyExport.csv([child], ruleSet: .lac2025_26).tables
        var read: [SSDA903Table: SSDA903TableData] = [:]
        for (table, text) in first { read[table] = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue) }
        let imported = try SSDA903JourneyImport(current: SSDA903Return(tables: read), ruleSet: .lac2025_26, recorded: [:])
        let back = try #require(imported.children.first)
        #expect(back.records.contains { ($0 as? ParenthoodRecord)?.date == Self.date("2024-06-01") })
        #expect(back.records.contains { ($0 as? ConvictionRecord).map { $0.outcome == nil } ?? false }, "the return does not say which outcome")
        let again = SSDA903JourneyExport.Child(laChildID: back.laChildID, details: try #require(back.details),
                                               events: back.records.enumerated().map { RecordedEvent(id: "i\($0.offset)", record: $0.element) })
        let second = SSDA903JourneyExport.csv([again], ruleSet: .lac2025_26).tables
        for table in [SSDA903Table.header, .episodes, .oc2] { #expect(second[table] == first[table], "\(table.rawValue)") }
    }

    @Test func whatTheReturnDoesNotAskIsNotWritten() {
        // A girl of 3: no SDQ reason, no conviction, but MOTHER 0, development checks and UN1 for the UPN she cannot have yet.
        let young = Self.child(born: "2022-05-01", [
            Self.period,
            HealthAssessmentRecord(kind: .review, date: Self.date("2025-09-01"), immunisationsUpToDate: true, sdqReason: "SDQ1",
                                   developmentChecksUpToDate: false, substanceMisuse: false),
        ], upn: nil)
        let header = Self.row(.header, of: young), oc2 = Self.row(.oc2, of: young)
        #expect(header["MOTHER"] == "0" && header["MC_DOB"] == "" && header["UPN"] == "UN1", "\(header)")
        #expect(oc2["SDQ_REASON"] == "" && oc2["CONVICTED"] == "" && oc2["HEALTH_CHECK"] == "0", "\(oc2)")
        #expect(SSDA903RecordCheck.findings(of: young, ruleSet: .lac2025_26).isEmpty)
        // A boy: MOTHER is not asked; without a conviction recorded, CONVICTED is 0 from the age of 10.
        let boy = Self.child(sex: "M", born: "2012-05-01", [
            Self.period,
            HealthAssessmentRecord(kind: .review, date: Self.date("2025-09-01"), immunisationsUpToDate: true, sdqScore: 9, substanceMisuse: false),
        ])
        #expect(Self.row(.header, of: boy)["MOTHER"] == "")
        #expect(Self.row(.oc2, of: boy)["CONVICTED"] == "0")
        #expect(SSDA903RecordCheck.findings(of: boy, ruleSet: .lac2025_26).isEmpty)
    }

    @Test func aYoungPersonWhoLeftCareAfterTheir18thBirthdayInTheYearHasNoOC3Row() {
        var period = Self.period
        period.end = Self.date("2025-06-01"); period.endReason = "E17"
        let leaver = Self.child(sex: "M", born: "2007-06-01", [
            period, CareLeaverContactRecord(date: Self.date("2025-08-01"), inTouch: "YES", accommodation: "Z", accommodationSuitable: true, activity: "F2"),
        ])
        #expect(Self.row(.oc3, of: leaver).isEmpty)
        #expect(!SSDA903RecordCheck.findings(of: leaver, ruleSet: .lac2025_26).contains { $0.ruleCode == "1016" })
    }
}
