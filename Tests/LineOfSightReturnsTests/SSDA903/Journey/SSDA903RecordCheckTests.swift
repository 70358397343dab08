import LineOfSightCore
@testable import LineOfSightReturns
import Testing

/// Validating while recording: one child's record, as the export writes it, run through the same
/// validator as a council's return.
@Suite struct SSDA903RecordCheckTests {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static func child(_ records: [any JourneyRecord], upn: String? = "A123456789012") -> SSDA903JourneyExport.Child {
        SSDA903JourneyExport.Child(laChildID: "LA1", details: .init(sex: "M", dateOfBirth: date("2015-06-01"), ethnicity: "WBRI", upn: upn),
                                   events: records.enumerated().map { RecordedEvent(id: "e\($0.offset)", record: $0.element) })
    }

    static func period(placement: String, provider: String) -> PeriodOfCareRecord {
        PeriodOfCareRecord(start: date("2026-03-02"), legalStatus: "C1", categoryOfNeed: "N1", placementType: placement, provider: provider,
                           carers: "Mr and Mrs Lane", postcode: "L8", homePostcode: "WA10", reason: "Interim care order made at the first hearing.")
    }

    @Test func theCollectionYearIsTheOneContainingTheDay() {
        #expect(SSDA903RecordCheck.ruleSet(containing: Self.date("2026-03-31")) == .lac2025_26)
        #expect(SSDA903RecordCheck.ruleSet(containing: Self.date("2026-04-01")) == .lac2026_27)
        #expect(SSDA903RecordCheck.ruleSet(containing: Self.date("2022-04-01")) == .lac2022_23)
        #expect(SSDA903RecordCheck.ruleSet(containing: Self.date("2022-03-31")) == nil, "before the oldest rule set")
        #expect(SSDA903RecordCheck.ruleSet(containing: Self.date("2027-04-01")) == nil, "after the newest")
    }

    @Test func aPlacementItsProviderCannotGiveIsFoundWithItsRuleMessageAndEpisode() throws {
        let findings = SSDA903RecordCheck.findings(of: Self.child([Self.period(placement: "P1", provider: "PR1")]), ruleSet: .lac2025_26)
        let finding = try #require(findings.first { $0.ruleCode == "527" }, "\(findings)")
        #expect(finding.message == "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.")
        #expect(finding.table == .episodes)
        #expect(finding.recordDate == Self.date("2026-03-02"))
        #expect(finding.fields.contains(.placeProvider))
    }

    @Test func aCleanRecordRaisesNothing() {
        let findings = SSDA903RecordCheck.findings(of: Self.child([Self.period(placement: "U6", provider: "PR1")]), ruleSet: .lac2025_26)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func aRecordWithNothingInTheYearRaisesNothing() {
        var earlier = Self.period(placement: "P1", provider: "PR1")
        earlier.start = Self.date("2020-01-01")
        earlier.end = Self.date("2020-06-01")
        earlier.endReason = "E4A"
        #expect(SSDA903RecordCheck.findings(of: Self.child([earlier]), ruleSet: .lac2025_26).isEmpty)
    }

    /// The tables the check reads are those of the export's CSV files read back, cell for cell,
    /// without writing the text: for a generated return's children, one at a time and together,
    /// and for cells the CSV quotes or the reader trims and upper-cases.
    @Test func theTablesCheckedAreTheExportsFilesReadBack() throws {
        var generator = SSDA903Generator(children: 150, ruleSet: .lac2025_26, errorRate: 0)
        var read: [SSDA903Table: SSDA903TableData] = [:]
        for (table, text) in generator.generate() { read[table] = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue) }
        let plan = try SSDA903JourneyImport(current: SSDA903Return(tables: read), ruleSet: .lac2025_26, recorded: [:])
        var children = plan.children.compactMap { child in
            child.details.map { details in
                SSDA903JourneyExport.Child(laChildID: child.laChildID, details: details,
                                           events: child.records.enumerated().map { RecordedEvent(id: "e\($0.offset)", record: $0.element) },
                                           socialWorkers: child.socialWorkers)
            }
        }
        #expect(children.count > 100)
        let awkward = Self.child([Self.period(placement: "U6", provider: "PR1")])
        children.append(SSDA903JourneyExport.Child(laChildID: " la, \"9\"\u{e9} ", details: .init(sex: "f", dateOfBirth: Self.date("2015-06-01"),
                                                                                             ethnicity: "\twbri", upn: "a12,3"), events: awkward.events))
        for group in children.map({ [$0] }) + [children] {
            let direct = SSDA903JourneyExport.tables(group, ruleSet: .lac2025_26)
            let written = SSDA903JourneyExport.csv(group, ruleSet: .lac2025_26).tables
            #expect(Set(direct.keys) == Set(written.keys))
            for (table, text) in written {
                let back = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue)
                let table = try #require(direct[table])
                #expect(table.lines == back.lines && table.layout == back.layout)
                for column in back.layout {
                    #expect(table.fieldNumber(of: column) == back.fieldNumber(of: column))
                    #expect(back.rows.map { table[column][$0] } == back.rows.map { back[column][$0] }, "\(table.table.rawValue) \(column.rawValue)")
                }
            }
        }
    }
}
