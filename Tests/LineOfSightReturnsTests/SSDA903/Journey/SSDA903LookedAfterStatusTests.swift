import LineOfSightCore
@testable import LineOfSightReturns
import Testing

/// PrevPerm, UASC and DoLo: written from the records of a child looked after in the year, only
/// when the return asks them, and read back into the same records.
@Suite struct SSDA903LookedAfterStatusTests {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    typealias Outcomes = SSDA903JourneyOutcomesTests

    /// A period of care that began in the collection year 2025/26 with RNE S.
    static let period = PeriodOfCareRecord(start: date("2025-06-10"), legalStatus: "C2", categoryOfNeed: "N1", placementType: "U4",
                                           provider: "PR1", carers: "Mr and Mrs Lane", postcode: "L8", homePostcode: "WA10",
                                           reason: "The special guardians could no longer care for him.")

    static func rows(_ table: SSDA903Table, of child: SSDA903JourneyExport.Child) -> [[String: String]] {
        let lines = (SSDA903JourneyExport.csv([child], ruleSet: .lac2025_26).tables[table] ?? "").split(separator: "\n")
        guard let first = lines.first else { return [] }
        let names = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(names, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    static func importing(_ tables: [SSDA903Table: String], recorded: [String: SSDA903JourneyImport.Recorded] = [:]) throws -> SSDA903JourneyImport {
        var read: [SSDA903Table: SSDA903TableData] = [:]
        for (table, text) in tables { read[table] = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue) }
        return try SSDA903JourneyImport(current: SSDA903Return(tables: read), ruleSet: .lac2025_26, recorded: recorded)
    }

    @Test func theOrdersDateIsHeldAsFarAsItIsKnownAndWrittenWithZZForTheRest() {
        let parts = SSDA903LookedAfterStatus.orderDateParts
        #expect(parts("14/05/2020").map { [$0.0, $0.1, $0.2] } == [14, 5, 2020])
        #expect(parts("ZZ/05/2020").map { [$0.0, $0.1, $0.2] } == [nil, 5, 2020])
        #expect(parts("ZZ/ZZ/2021").map { [$0.0, $0.1, $0.2] } == [nil, nil, 2021])
        #expect(parts("ZZ/ZZ/ZZZZ").map { [$0.0, $0.1, $0.2] } == [nil, nil, nil])
        for bad in ["31/02/2020", "14/ZZ/2020", "ZZ/13/2020", "2020-05-14", "5/5/2020", "ZZ/05/ZZZZ", "AB/05/2020"] {
            #expect(parts(bad) == nil, "\(bad)")
        }
        for (day, month, year, cell) in [(14, 5, 2020, "14/05/2020"), (nil, 5, 2020, "zz/05/2020"), (nil, nil, 2021, "zz/zz/2021")] as [(Int?, Int?, Int?, String)] {
            let record = PreviousPermanenceRecord(date: Self.date("2025-06-10"), option: "P2", authority: "342", orderYear: year,
                                                  orderMonth: month, orderDay: day)
            #expect(SSDA903LookedAfterStatus.orderDateCell(record) == cell)
        }
    }

    @Test func aChildWhoCameIntoCareAfterAnSGOBrokeDownAloneSeekingAsylumUnderAnOrderIsWrittenAndReadBackAsRecorded() throws {
        let child = Outcomes.child(sex: "M", born: "2010-02-01", [
            Self.period,
            PreviousPermanenceRecord(date: Self.date("2025-06-10"), option: "P2", authority: "342", orderYear: 2019, orderMonth: 3),
            UASCRecord(date: Self.date("2025-06-10")),
            DeprivationOfLibertyRecord(start: Self.date("2025-07-01"), end: Self.date("2025-10-01")),
            DeprivationOfLibertyRecord(start: Self.date("2026-01-05"), end: Self.date("2026-06-01")),
            DeprivationOfLibertyRecord(start: Self.date("2024-01-05"), end: Self.date("2024-06-01")),
        ])
        let prevPerm = Self.rows(.prevPerm, of: child), uasc = Self.rows(.uasc, of: child), doLo = Self.rows(.doLo, of: child)
        #expect(prevPerm.map { [$0["PREV_PERM"], $0["LA_PERM"], $0["DATE_PERM"]] } == [["P2", "342", "zz/03/2019"]])
        #expect(uasc.map { [$0["SEX"], $0["DUC"]] } == [["M", ""]])
        // The order of last year is not in force in this one; the one that ends after the year is written open.
        #expect(doLo.map { [$0["DOLO_START"], $0["DOLO_END"]] } == [["01/07/2025", "01/10/2025"], ["05/01/2026", ""]])
        #expect(SSDA903RecordCheck.findings(of: child, ruleSet: .lac2025_26).isEmpty)

        let first = SSDA903JourneyExport.csv([child], ruleSet: .lac2025_26).tables
        let back = try #require(try Self.importing(first).children.first)
        let previous = try #require(back.records.compactMap { $0 as? PreviousPermanenceRecord }.first)
        #expect(previous.date == Self.date("2025-06-10") && previous.option == "P2" && previous.authority == "342")
        #expect(previous.orderYear == 2019 && previous.orderMonth == 3 && previous.orderDay == nil, "no day is invented")
        #expect(back.records.compactMap { $0 as? UASCRecord }.map(\.date) == [Self.date("2025-06-10")])
        #expect(back.records.compactMap { $0 as? DeprivationOfLibertyRecord }.map { [$0.start, $0.end] }
                == [[Self.date("2025-07-01"), Self.date("2025-10-01")], [Self.date("2026-01-05"), nil]])
        let again = SSDA903JourneyExport.Child(laChildID: back.laChildID, details: try #require(back.details),
                                               events: back.records.enumerated().map { RecordedEvent(id: "i\($0.offset)", record: $0.element) })
        let second = SSDA903JourneyExport.csv([again], ruleSet: .lac2025_26).tables
        for table in SSDA903JourneyExport.tables { #expect(second[table] == first[table], "\(table.rawValue)") }
    }

    @Test func whatTheReturnDoesNotAskIsNotWritten() {
        // A period that began before the year: PrevPerm is not asked again. UASC status that ended before the year: not written.
        var earlier = Self.period
        earlier.start = Self.date("2023-06-10")
        let child = Outcomes.child(sex: "M", born: "2008-02-01", [
            earlier,
            PreviousPermanenceRecord(date: Self.date("2023-06-10"), option: "Z1"),
            UASCRecord(date: Self.date("2023-06-10"), ceased: Self.date("2025-03-01")),
        ])
        #expect(Self.rows(.prevPerm, of: child).isEmpty && Self.rows(.uasc, of: child).isEmpty)
        let tables = SSDA903JourneyExport.csv([child], ruleSet: .lac2025_26).tables
        #expect(tables[.prevPerm] == nil && tables[.uasc] == nil && tables[.doLo] == nil, "an empty table would say more than the record")
        // Status that ends at the 18th birthday within the year is written with that date.
        let leaving = Outcomes.child(sex: "M", born: "2007-09-01", [earlier, UASCRecord(date: Self.date("2023-06-10"), ceased: Self.date("2025-09-01"))])
        #expect(Self.rows(.uasc, of: leaving).map { $0["DUC"] } == ["01/09/2025"])
    }

    @Test func theStatusKeepsTheDateItWasRecordedOnWhenTheNextReturnIsImported() throws {
        let tables: [SSDA903Table: String] = [
            .header: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2009,WBRI,A123456789012,,\n",
            .episodes: "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "C1,10/06/2025,S,C2,N1,U4,PR1,,,,WA10,L8,\n",
            .uasc: "CHILD,SEX,DOB,DUC\nC1,M,01/02/2009,\n",
        ]
        let first = try #require(try Self.importing(tables).children.first)
        #expect(first.records.compactMap { $0 as? UASCRecord }.map(\.date) == [Self.date("2025-06-10")], "from the start of the period of care")
        let recorded = SSDA903JourneyImport.Recorded(dateOfBirth: Self.date("2009-02-01"), events: [
            RecordedEvent(id: "u", record: UASCRecord(date: Self.date("2025-05-02"))),
        ])
        let again = try #require(try Self.importing(tables, recorded: ["C1": recorded]).children.first)
        #expect(again.records.compactMap { $0 as? UASCRecord }.map(\.date) == [Self.date("2025-05-02")], "as recorded before")
    }

    @Test func aPeriodOfCareEndedByAdoptionGivesItsAdoptionRecordTheOrdersDate() throws {
        let tables: [SSDA903Table: String] = [
            .header: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2020,WBRI,A123456789012,,\n",
            .episodes: "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "C1,10/06/2023,S,C2,N1,U4,PR1,01/09/2024,X1,CARPL,WA10,L8,\nC1,01/09/2024,P,E1,N1,A5,PR1,15/02/2026,E11,,WA10,L8,\n",
            .placedAdoption: "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nC1,01/02/2020,01/05/2024,,\n",
            .ad1: "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nC1,01/02/2020,01/05/2024,10/08/2024,0,2,MF,L11\n",
        ]
        let child = try #require(try Self.importing(tables).children.first)
        let adoption = try #require(child.records.compactMap { $0 as? AdoptionRecord }.first)
        #expect(adoption.adoptionOrder == Self.date("2026-02-15"))
        // Without the period's end, the order is not known: nothing is recorded.
        var open = tables
        open[.episodes] = tables[.episodes]!.replacingOccurrences(of: "15/02/2026,E11", with: ",")
        open[.ad1] = nil
        #expect(try Self.importing(open).children.first?.records.compactMap { ($0 as? AdoptionRecord)?.adoptionOrder } == [])
    }

    @Test func aDatePermThatIsNotADateOrAPrevPermOfAChildNeverLookedAfterStopsTheImportNamingTheLineAndColumn() throws {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2009,WBRI,A123456789012,,\n"
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,10/06/2025,S,C2,N1,U4,PR1,,,,WA10,L8,\n"
        let prevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,01/02/2009,P2,342,14/ZZ/2019\n"
        #expect { try Self.importing([.header: header, .episodes: episodes, .prevPerm: prevPerm]) } throws: { error in
            "\(error)".contains("line 2, column 5 (DATE_PERM)")
        }
        #expect { try Self.importing([.header: header, .prevPerm: prevPerm.replacingOccurrences(of: "14/ZZ", with: "14/05")]) } throws: { error in
            "\(error)".contains("line 2, column 3 (PREV_PERM)")
        }
        let doLo = "CHILD,DOB,DOLO_START,DOLO_END\nC1,01/02/2009,01/09/2025,01/08/2025\n"
        #expect { try Self.importing([.header: header, .episodes: episodes, .doLo: doLo]) } throws: { error in
            "\(error)".contains("line 2, column 4 (DOLO_END)")
        }
    }
}
