import Fluent
import Foundation
import LineOfSightCore
import LineOfSightReturns
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor

/// `lineofsight import ssda903` and `export ssda903`: a return brought into the journey through
/// the event store, idempotent, all or nothing; and the return written back out.
@Suite struct SSDA903ImportTests {
    /// The collection year that ends on the tests' "today".
    let ruleSet = SSDA903RuleSet.lac2025_26

    /// A generated return without spoilt cells, written as CSV files into a new directory.
    func generatedReturn(children: Int = 40, seed: UInt64 = 11) throws -> URL {
        var generator = SSDA903Generator(children: children, ruleSet: ruleSet, seed: seed, errorRate: 0)
        return try write(generator.generate())
    }

    func write(_ tables: [SSDA903Table: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-import-\(UUID().uuidString)")
        try SSDA903CSVFiles.write(tables, to: directory)
        return directory
    }

    @discardableResult
    func importReturn(_ directory: URL, previous: URL? = nil, into app: Application) async throws -> SSDA903Importer.Summary {
        let current = try SSDA903Reader.read(directory: directory)
        let last = try previous.map { try SSDA903Reader.read(directory: $0) }
        return try await SSDA903Importer(setup: app.standards, now: app.clock.now) { _ in }
            .run(current, ruleSet: ruleSet, previous: last, source: directory.path, on: app.db)
    }

    func export(_ app: Application) async throws -> [SSDA903Table: String] {
        try await SSDA903Exporter(now: app.clock.now).run(ruleSet: ruleSet, destination: "a test", on: app.db).tables
    }

    /// Everything an import could change, counted.
    func counts(_ app: Application) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in [Child.schema, StoredEvent.schema, DerivedRows.obligations, DerivedRows.states, AuditEvent.schema, User.schema] {
            counts[table] = try await TestDatabase.rows(in: table, on: app.db)
        }
        // Summed here: PostgreSQL's SUM of a bigint is a numeric.
        counts["journey_version"] = try await app.db.sql.select().column("journey_version", as: "n").from(Child.schema)
            .all(decoding: Count.self).reduce(0) { $0 + ($1.n ?? 0) }
        return counts
    }

    struct Count: Decodable { let n: Int? }

    func events(_ list: JourneyList, of laChildID: String, in app: Application) async throws -> [any JourneyRecord] {
        let child = try #require(try await Child.query(on: app.db).filter(\.$laChildID == laChildID).first())
        return try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).filter(\.$list == list).sort(\.$date).all()
            .map { try $0.decodedRecord() }
    }

    @Test func aGeneratedReturnBecomesEachChildsJourneyWithItsObligations() async throws {
        let directory = try generatedReturn()
        let data = try SSDA903Reader.read(directory: directory)
        try await withTestApp(seedDemo: false) { app, _ in
            let start = try await TestDatabase.postgresNow(app.db)
            let summary = try await importReturn(directory, into: app)
            #expect(summary.childrenAdded == data[.header]!.rowCount)
            // A whole authority written: PostgreSQL's statistics brought up to date after it.
            if let start { #expect(try await TestDatabase.statisticsRefreshed(since: start, on: app.db)) }
            #expect(try await Child.query(on: app.db).count() == data[.header]!.rowCount)
            let lists = Dictionary(grouping: try await StoredEvent.query(on: app.db).all(), by: \.list).mapValues(\.count)
            #expect(lists[.periodsOfCare, default: 0] > 0)
            #expect(lists[.placements, default: 0] > 0)
            #expect(lists[.lacReviews] == data[.reviews]!.rowCount)
            #expect(lists[.missingEpisodes] == data[.missing]!.rowCount)
            #expect(lists[.careLeaverContacts] == data[.oc3]!.rowCount)
            // Every child looked after has obligations derived at once (reviews, visits, health).
            let periods = try await StoredEvent.query(on: app.db).filter(\.$list == .periodsOfCare).all()
            for childID in Set(periods.map(\.$child.id)) {
                #expect(try await DerivedRows.obligations(of: childID, on: app.db.sql).contains { $0.ruleID.rawValue.hasPrefix("cla.") })
            }
            // The children added were derived from what was written, as re-deriving them gives.
            let derived = try await obligations(app)
            try await Rederivation.all(setup: app.standards, on: app.db)
            #expect(try await obligations(app) == derived)
            #expect(lists[.adoptions] == data[.placedAdoption]!.rowCount, "one record for each decision, AD1's completing it")
            #expect(lists[.previousPermanence] == data[.prevPerm]!.rowCount)
            #expect(lists[.uasc, default: 0] == data[.uasc]?.rowCount ?? 0)
            let imports = try await AuditEvent.query(on: app.db).filter(\.$entity == "import").all()
            #expect(imports.count == 1)
            #expect(imports.first?.username == CommandAccount.importUsername)

            // A child's episodes: one period of care from the episode that starts care, a move for
            // each later episode that changes placement.
            let episodes = data[.episodes]!
            let child = try #require(episodes.rows.map { episodes.children[$0]! }.first { id in
                episodes.rows.filter { episodes.children[$0] == id }.count >= 2
            })
            let rows = episodes.rows.filter { episodes.children[$0] == child }
            let period = try #require(try await events(.periodsOfCare, of: child, in: app).first as? PeriodOfCareRecord)
            #expect(period.start == episodes.dates(.decom)[rows[0]].date)
            #expect(period.placementType == episodes[.place][rows[0]])
            let moves = rows.dropFirst().filter { ["P", "T", "B", "U"].contains(episodes[.rne][$0]) }
            #expect(try await events(.placements, of: child, in: app).count == moves.count)
        }
    }

    @Test func importingTheSameReturnAgainChangesNothingButTheImportsOwnAuditRow() async throws {
        let directory = try generatedReturn()
        try await withTestApp { app, _ in
            try await importReturn(directory, into: app)
            let before = try await counts(app)
            let obligations = try await obligations(app)
            let again = try await importReturn(directory, into: app)
            #expect(again.eventsRecorded == 0)
            #expect(again.eventsUpdated == 0)
            #expect(again.childrenAdded == 0)
            #expect(again.childrenChanged == 0)
            var after = try await counts(app)
            #expect(after[AuditEvent.schema] == before[AuditEvent.schema]! + 1)
            after[AuditEvent.schema] = before[AuditEvent.schema]
            #expect(after == before)
            #expect(try await self.obligations(app) == obligations)
        }
    }

    func obligations(_ app: Application) async throws -> [ObligationKey] {
        try await app.db.sql.select().columns("child_id", "id", "due", "met_date").from(DerivedRows.obligations)
            .orderBy("child_id").orderBy("id").all(decoding: ObligationKey.self)
    }

    struct ObligationKey: Decodable, Equatable {
        let child_id: UUID
        let id: String
        let due: String
        let met_date: String?
    }

    @Test func aValueTheJourneyCannotHoldStopsTheImportNamingTheFileLineAndColumnAndChangesNothing() async throws {
        let directory = try generatedReturn()
        let file = directory.appendingPathComponent("episodes.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[3].components(separatedBy: ",")
        cells[1] = "31/02/2026"
        lines[3] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try await withTestApp { app, _ in
            let before = try await counts(app)
            let error = await #expect(throws: SSDA903ImportProblems.self) { try await importReturn(directory, into: app) }
            #expect(error?.description.hasPrefix("\(file.path), line 4, column 2 (DECOM): The date the episode started must be a real date") == true)
            #expect(try await counts(app) == before)
        }
    }

    static let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n900001,F,01/05/2015,WBRI,UN1,,\n"
    static let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
    /// Last year's return: a child looked after since June 2024.
    static let lastYear = [SSDA903Table.header: header, .episodes: episodes + "900001,01/06/2024,S,C2,N1,U6,PR1,,,,WA10,WA9,\n"]
    /// This year's: the same child moved in September and went home in January.
    static let thisYear = [SSDA903Table.header: header, .episodes: episodes
        + "900001,01/06/2024,S,C2,N1,U6,PR1,01/09/2025,X1,CARPL,WA10,WA9,\n"
        + "900001,01/09/2025,P,C2,N1,K2,PR4,01/01/2026,E4A,,WA10,WA11,SC123456\n"]

    /// The child of `lastYear` and `thisYear`: one period of care, ended, with one move.
    func expectOnePeriodEndedWithOneMove(_ app: Application) async throws {
        let periods = try await events(.periodsOfCare, of: "900001", in: app).compactMap { $0 as? PeriodOfCareRecord }
        #expect(periods.count == 1)
        #expect(periods.first?.end == CivilDate(iso: "2026-01-01"))
        #expect(periods.first?.endReason == "E4A")
        let move = try #require(try await events(.placements, of: "900001", in: app).first as? PlacementRecord)
        #expect(move.start == CivilDate(iso: "2025-09-01"))
        #expect(move.reasonForChange == "CARPL")
        #expect(move.urn == "SC123456")
    }

    @Test func nextYearsReturnContinuesThePeriodOfCareItEnds() async throws {
        let (lastYear, thisYear) = (try write(Self.lastYear), try write(Self.thisYear))
        try await withTestApp(seedDemo: false) { app, _ in
            let first = try await importReturn(lastYear, into: app)
            #expect(first.eventsRecorded == 1)
            let second = try await importReturn(thisYear, into: app)
            #expect(second.eventsRecorded == 1, "the move")
            #expect(second.eventsUpdated == 1, "the period, now ended")
            try await expectOnePeriodEndedWithOneMove(app)
        }
    }

    @Test func lastYearsReturnGivenWithPrevIsImportedWithThisYears() async throws {
        let (lastYear, thisYear) = (try write(Self.lastYear), try write(Self.thisYear))
        try await withTestApp(seedDemo: false) { app, _ in
            let summary = try await importReturn(thisYear, previous: lastYear, into: app)
            #expect(summary.eventsRecorded == 2)
            try await expectOnePeriodEndedWithOneMove(app)
        }
    }

    /// The child of `thisYear`, placed for adoption and adopted: a decision reversed in May, the
    /// next in July, matched in August, placed with the adopters in September, adopted in March.
    static let adopted: [SSDA903Table: String] = [.header: header, .episodes: episodes
        + "900001,01/06/2024,S,C2,N1,U6,PR1,01/09/2025,X1,CARPL,WA10,WA9,\n"
        + "900001,01/09/2025,B,E1,N1,A5,PR1,01/03/2026,E11,,WA10,WA11,\n",
        .placedAdoption: "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
            + "900001,01/05/2015,01/08/2024,15/05/2025,RD1\n900001,01/05/2015,01/07/2025,,\n",
        .ad1: "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n900001,01/05/2015,01/07/2025,15/08/2025,0,2,MF,L11\n"]

    @Test func ad1AndPlacedAdoptionBecomeTheAdoptionRecordsAndAreExportedAsTheyCame() async throws {
        let directory = try write(Self.adopted)
        try await withTestApp(seedDemo: false) { app, _ in
            try await importReturn(directory, into: app)
            let adoptions = try await events(.adoptions, of: "900001", in: app).compactMap { $0 as? AdoptionRecord }
            #expect(adoptions.count == 2)
            let reversed = try #require(adoptions.first)
            #expect(reversed.agencyDecision == CivilDate(iso: "2024-08-01"))
            #expect(reversed.decisionReversed == CivilDate(iso: "2025-05-15"))
            #expect(reversed.reversedReason == "RD1")
            #expect(reversed.matched == nil)
            let adopted = try #require(adoptions.last)
            #expect(adopted.agencyDecision == CivilDate(iso: "2025-07-01"))
            #expect(adopted.decisionReversed == nil && adopted.reversedReason == nil)
            #expect(adopted.matched == CivilDate(iso: "2025-08-15"))
            #expect(adopted.adoptedByFosterCarer == false)
            #expect(adopted.numberOfAdopters == 2)
            #expect(adopted.adoptersSex == "MF")
            #expect(adopted.adoptersLegalStatus == "L11")

            let exported = try await export(app)
            #expect(exported[.placedAdoption] == Self.adopted[.placedAdoption])
            #expect(exported[.ad1] == Self.adopted[.ad1])

            let again = try await importReturn(directory, into: app)
            #expect(again.eventsRecorded == 0 && again.eventsUpdated == 0)

            // A return without the AD1 row (last year's, say) keeps the adopters' details.
            var withoutAD1 = Self.adopted
            withoutAD1[.ad1] = nil
            try await importReturn(try write(withoutAD1), into: app)
            let kept = try #require(try await events(.adoptions, of: "900001", in: app).last as? AdoptionRecord)
            #expect(kept.matched == CivilDate(iso: "2025-08-15"))
            #expect(kept.adoptersSex == "MF")
        }
    }

    @Test func aBadAdoptionDateStopsTheImportNamingTheFileLineAndColumnAndChangesNothing() async throws {
        let cases: [(SSDA903Table, String, String, String)] = [
            (.placedAdoption, "01/07/2025", "31/02/2025", "line 3, column 3 (DATE_PLACED): The date of the decision that the child should be placed for adoption must be a real date"),
            (.placedAdoption, "01/07/2025", "01/01/2024", "line 3, column 3 (DATE_PLACED): The child was not looked after on"),
            (.placedAdoption, "15/05/2025,RD1", "15/05/2024,RD1", "line 2, column 4 (DATE_PLACED_CEASED): The decision that the child should no longer"),
            (.ad1, "01/07/2025", "2025-07-01", "line 2, column 3 (DATE_INT): The date of the decision that the child should be placed for adoption must be a real date"),
            (.ad1, "15/08/2025", "15/13/2025", "line 2, column 4 (DATE_MATCH): The date the child was matched with the adopters must be a real date"),
        ]
        try await expectRefused(Self.adopted, spoilt: cases)
    }

    /// Each case's value spoilt in `tables` stops the import with the message at the file, line and
    /// column, and leaves the database as it was.
    private func expectRefused(_ tables: [SSDA903Table: String], spoilt cases: [(SSDA903Table, String, String, String)]) async throws {
        for (table, good, bad, message) in cases {
            var tables = tables
            tables[table] = tables[table]!.replacingOccurrences(of: good, with: bad)
            let directory = try write(tables)
            try await withTestApp(seedDemo: false) { app, _ in
                let before = try await counts(app)
                let error = await #expect(throws: SSDA903ImportProblems.self) { try await importReturn(directory, into: app) }
                let file = directory.appendingPathComponent(SSDA903CSVFiles.name(of: table)).path
                #expect(error?.description.hasPrefix("\(file), \(message)") == true, "\(error?.description ?? "no error")")
                #expect(try await counts(app) == before)
            }
        }
    }

    /// A child who came into care in the year after a special guardianship order broke down,
    /// alone seeking asylum, and under an order depriving them of their liberty for a while.
    static let status: [SSDA903Table: String] = [
        .header: header, .episodes: episodes + "900001,01/06/2025,S,C2,N1,K2,PR4,,,,WA10,WA11,SC123456\n",
        .prevPerm: "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n900001,01/05/2015,P2,342,zz/03/2019\n",
        .uasc: "CHILD,SEX,DOB,DUC\n900001,F,01/05/2015,\n",
        .doLo: "CHILD,DOB,DOLO_START,DOLO_END\n900001,01/05/2015,10/06/2025,01/12/2025\n",
    ]

    @Test func prevPermUASCAndDoLoBecomeTheChildsRecordsAndAreExportedAsTheyCame() async throws {
        let directory = try write(Self.status)
        try await withTestApp(seedDemo: false) { app, _ in
            try await importReturn(directory, into: app)
            let previous = try #require(try await events(.previousPermanence, of: "900001", in: app).first as? PreviousPermanenceRecord)
            #expect(previous.date == CivilDate(iso: "2025-06-01") && previous.option == "P2" && previous.authority == "342")
            #expect(previous.orderYear == 2019 && previous.orderMonth == 3 && previous.orderDay == nil)
            let uasc = try #require(try await events(.uasc, of: "900001", in: app).first as? UASCRecord)
            #expect(uasc.date == CivilDate(iso: "2025-06-01") && uasc.ceased == nil)
            let order = try #require(try await events(.deprivationsOfLiberty, of: "900001", in: app).first as? DeprivationOfLibertyRecord)
            #expect(order.start == CivilDate(iso: "2025-06-10") && order.end == CivilDate(iso: "2025-12-01"))

            let exported = try await export(app)
            for table in [SSDA903Table.prevPerm, .uasc, .doLo] { #expect(exported[table] == Self.status[table], "\(table.rawValue)") }
            let before = try await counts(app)
            let again = try await importReturn(directory, into: app)
            #expect(again.eventsRecorded == 0 && again.eventsUpdated == 0)
            var after = try await counts(app)
            after[AuditEvent.schema] = before[AuditEvent.schema]
            #expect(after == before)

            // Next year's return says the status ended: the same record is updated.
            var ended = Self.status
            ended[.uasc] = "CHILD,SEX,DOB,DUC\n900001,F,01/05/2015,01/02/2026\n"
            let update = try await importReturn(try write(ended), into: app)
            #expect(update.eventsUpdated == 1 && update.eventsRecorded == 0)
            let updated = try await events(.uasc, of: "900001", in: app).compactMap { $0 as? UASCRecord }
            #expect(updated.map(\.ceased) == [CivilDate(iso: "2026-02-01")])
        }
    }

    @Test func aBadPrevPermOrDoLoDateStopsTheImportNamingTheFileLineAndColumnAndChangesNothing() async throws {
        let cases: [(SSDA903Table, String, String, String)] = [
            (.prevPerm, "zz/03/2019", "14/zz/2019", "line 2, column 5 (DATE_PERM): The date of the previous order must be a date"),
            (.doLo, "10/06/2025", "31/06/2025", "line 2, column 3 (DOLO_START): The date the order depriving the child of their liberty was made must be a real date"),
            (.doLo, "01/12/2025", "01/12/2024", "line 2, column 4 (DOLO_END): The order ends on"),
            (.uasc, "01/05/2015,", "01/05/2015,2026-02-01", "line 2, column 4 (DUC): The date the child stopped being an unaccompanied asylum-seeking child must be a real date"),
        ]
        try await expectRefused(Self.status, spoilt: cases)
    }

    @Test func rowsOfAChildNeitherInHeaderNorRecordedStopTheImport() async throws {
        let reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n900001,01/05/2015,01/10/2025,PN1\n900002,01/05/2015,01/10/2025,PN1\n"
        var tables = Self.thisYear
        tables[.reviews] = reviews
        let directory = try write(tables)
        try await withTestApp(seedDemo: false) { app, _ in
            let error = await #expect(throws: SSDA903ImportProblems.self) { try await importReturn(directory, into: app) }
            #expect(error?.description == "\(directory.path)/reviews.csv, line 3, column 1 (CHILD): "
                + "Child 900002 is not in the Header table, and no child with this ID is recorded")
            let children = try await Child.query(on: app.db).count()
            #expect(children == 0)
        }
    }

    @Test func socialWorkerEpisodesAllocateTheChildToTheMemberOfStaffWithThatID() async throws {
        var tables = Self.thisYear
        tables[.swEpisodes] = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
            + "900001,01/05/2015,SW1234,01/06/2024,01/09/2025,FCONTA\n900001,01/05/2015,SW9999,01/09/2025,,\n"
        let directory = try write(tables)
        try await withTestApp { app, authority in
            let worker = try #require(authority.staff.first { $0.teamID != nil })
            try await app.db.sql.update(StaffMember.schema).set("sw_id", to: SQLBind("SW1234")).where("id", .equal, SQLBind(worker.id)).run()
            let summary = try await importReturn(directory, into: app)
            #expect(summary.allocationsRecorded == 1)
            #expect(summary.workersUnknown == 1, "nobody is SW9999")
            let child = try #require(try await Child.query(on: app.db).filter(\.$laChildID == "900001").first())
            let allocations = try await StoredAllocation.query(on: app.db).filter(\.$child.$id == child.requireID()).all()
            #expect(allocations.count == 1)
            #expect(allocations.first?.$worker.id == worker.id)
            #expect(allocations.first?.$team.id == worker.teamID)
            #expect(allocations.first?.startDate == CivilDate(iso: "2024-06-01"))
            #expect(allocations.first?.endDate == CivilDate(iso: "2025-08-31"), "the day before the next social worker's episode")

            let again = try await importReturn(directory, into: app)
            #expect(again.allocationsRecorded == 0)
            #expect(try await StoredAllocation.query(on: app.db).filter(\.$child.$id == child.requireID()).count() == 1)
            let exported = try await export(app)[.swEpisodes]
            #expect(exported == "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n900001,01/05/2015,SW1234,01/06/2024,31/08/2025,\n")
        }
    }

    @Test func theXMLFormBecomesTheSameJourneyAsTheCSVFiles() async throws {
        let directory = try generatedReturn(children: 30)
        let xml = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: xml, withIntermediateDirectories: true)
        try SSDA903XMLWriter.xml(try SSDA903Reader.read(directory: directory)).write(to: xml.appendingPathComponent("return.xml"),
                                                                                   atomically: true, encoding: .utf8)
        var journeys: [[String]] = []
        for source in [directory, xml] {
            try await withTestApp(seedDemo: false) { app, _ in
                try await importReturn(source, into: app)
                journeys.append(try await StoredEvent.query(on: app.db).with(\.$child).all()
                    .map { "\($0.child.laChildID) \($0.list.rawValue) \($0.recordJSON)" }.sorted())
            }
        }
        #expect(journeys[0].count > 30)
        #expect(journeys[0] == journeys[1])
    }

    @Test func exportingTheDemoImportingItAndExportingAgainGivesTheSameFiles() async throws {
        var first: [SSDA903Table: String] = [:]
        try await withTestApp { app, _ in first = try await export(app) }
        #expect(first[.episodes]!.split(separator: "\n").count > 10)
        let directory = try write(first)
        try await withTestApp(seedDemo: false) { app, _ in
            try await importReturn(directory, into: app)
            let second = try await export(app)
            for table in SSDA903JourneyExport.tables {
                #expect(second[table] == first[table], "\(table.rawValue) differs")
            }
        }
    }

    /// The demo authority is one a council could send: its return raises no finding, in the
    /// validator run on its export or in the findings stored with each child's record (issue 12).
    @Test func theDemoAuthoritysReturnPassesTheValidatorWithNoFindings() async throws {
        try await withTestApp { app, _ in
            let tables = try await export(app)
            #expect(tables[.oc2]!.split(separator: "\n").count > 5, "the demo has children looked after all year")
            // Previous permanence (some after an SGO, CAO or adoption broke down), a few UASC, and the
            // orders depriving a child of their liberty, all from the records.
            let prevPerm = tables[.prevPerm]?.split(separator: "\n").dropFirst() ?? []
            #expect(prevPerm.count > 3 && prevPerm.contains { !$0.contains(",Z1,") }, "\(prevPerm)")
            #expect((tables[.uasc]?.split(separator: "\n").count ?? 0) > 1)
            let orders = try await StoredEvent.query(on: app.db).filter(\.$list == .deprivationsOfLiberty).count()
            #expect((1...4).contains(orders), "one or two orders depriving a child of their liberty: \(orders)")
            var read: [SSDA903Table: SSDA903TableData] = [:]
            for (table, text) in tables { read[table] = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue) }
            let report = SSDA903Validator.validate(SSDA903Return(tables: read), ruleSet: ruleSet)
            let byRule = Dictionary(grouping: report.findings, by: \.ruleCode).mapValues(\.count)
            #expect(byRule.isEmpty, "\(byRule.sorted { $0.key < $1.key })")
            let stored = try await app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(ReturnFindingRows.findings).first(decoding: Count.self)?.n
            #expect(stored == 0)
        }
    }

    /// Made on 1 December, eight months into 2026/27, the demo's return has findings a December
    /// return has (health items not yet due; an emergency protection order or a 17-year-old's
    /// care still open, which the rules measure to the year's end), but none of a fault of the
    /// demo: adopters recorded at the match (601), adopted by foster carers exactly when placed
    /// with them (335), and placed with them without moving (217). The authority of 1,000
    /// children `serve --demo` loads, exported from its journeys as the export reads them from
    /// the database: the tests' 120 children have no adoption that year.
    @Test func theDemoAuthoritysReturnOfTheYearInProgressHasNoFindingOfAFaultOfTheDemo() throws {
        let today = CivilDate(iso: "2026-12-01")!
        let authority = DemoAuthority.generate(today: today, childCount: 1000)
        let lists = Set(SSDA903Exporter.lists)
        let events = Dictionary(grouping: authority.events.filter { lists.contains(type(of: $0.record).list) }, by: \.childID)
        let children = authority.children.compactMap { child -> SSDA903JourneyExport.Child? in
            guard let recorded = events[child.id] else { return nil }
            return SSDA903JourneyExport.Child(
                laChildID: child.laChildID,
                details: .init(sex: child.sex.rawValue, dateOfBirth: child.dateOfBirth, ethnicity: child.ethnicity, upn: child.upn),
                events: recorded.sorted { ($0.record.date, $0.id.uuidString) < ($1.record.date, $1.id.uuidString) }
                    .map { RecordedEvent(id: $0.id.uuidString, record: $0.record) })
        }
        let tables = SSDA903JourneyExport.csv(children, ruleSet: .lac2026_27).tables
        var read: [SSDA903Table: SSDA903TableData] = [:]
        for (table, text) in tables { read[table] = try SSDA903Reader.readTable(bytes: Array(text.utf8), file: table.rawValue) }
        let report = SSDA903Validator.validate(SSDA903Return(tables: read), ruleSet: .lac2026_27)
        let faults = report.findings.filter { ["601", "335", "217"].contains($0.ruleCode) }
        #expect(faults.isEmpty, "\(faults.map { "\($0.ruleCode) \($0.childID ?? "")" })")
        // The rules the demo's adoptions meet did run on some.
        #expect((read[.ad1]?.rowCount ?? 0) > 0, "a child was adopted in the year")
        #expect(tables[.episodes]!.contains(",T,E1,") || tables[.episodes]!.contains(",U,E1,"), "a child placed with their foster carers")
        // What is left is of the year in progress: each 359 a young person not yet 18, each
        // 362 an emergency protection order made in the last eight days.
        let header = try #require(read[.header]), episodes = try #require(read[.episodes])
        let ids = header[.child], dobs = header.dates(.dob)
        var born: [String: CivilDate] = [:]
        for row in 0..<header.rowCount { if let id = ids[row], let dob = dobs[row].date { born[id] = dob } }
        for finding in report.findings where finding.ruleCode == "359" {
            let birthday = try #require(finding.childID.flatMap { born[$0] }).adding(years: 18)
            #expect(birthday > today, "\(finding.childID ?? "") is 18 on \(birthday.iso)")
        }
        for finding in report.findings where finding.ruleCode == "362" {
            let started = try #require(episodes.dates(.decom)[finding.row].date)
            #expect(started >= today.adding(days: -8) && episodes.dates(.dec)[finding.row].date == nil, "\(finding.childID ?? "")")
        }
    }
}

extension DomainCommandTests {
    @Test func importAndExportSSDA903RunOnTheDatabaseFromTheCommandLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = ["LINEOFSIGHT_DATABASE_PATH": path]
        #expect(try run(["migrate", "--yes"], environment: database).status == 0)
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,M,01/01/2012,WBRI,UN3,,\n"
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "A1,01/05/2025,S,C2,N1,U4,PR1,,,,LS1 4AP,LS2 7HY,\n"
        let faulty = try folder(["header.csv": header, "episodes.csv": episodes.replacingOccurrences(of: "01/05/2025", with: "2025-05-01")])
        let refused = try run(["import", "ssda903", faulty, "--year", "2026"], environment: database)
        #expect(refused.status != 0)
        #expect(refused.error.contains(faulty + "/episodes.csv, line 2, column 2 (DECOM): The date the episode started must be a real date"), "\(refused.error)")
        #expect(refused.error.contains("Nothing was imported"))

        let clean = try folder(["header.csv": header, "episodes.csv": episodes])
        let imported = try run(["import", "ssda903", clean, "--year", "2026"], environment: database)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("Children: 1 added"), "\(imported.output)")
        #expect(imported.error.contains("Imported 1 of 1 children"), "progress goes to standard error")

        let written = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        let exported = try run(["export", "ssda903", "--year", "2026", written], environment: database)
        #expect(exported.status == 0, "\(exported.error)")
        #expect(try String(contentsOfFile: written + "/header.csv", encoding: .utf8) == header)
        #expect(try String(contentsOfFile: written + "/episodes.csv", encoding: .utf8) == episodes)
    }
}
