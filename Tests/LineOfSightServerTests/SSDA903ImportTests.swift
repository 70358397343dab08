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
            counts[table] = try await app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .first(decoding: Count.self)?.n ?? 0
        }
        counts["journey_version"] = try await app.db.sql.select().column(SQLFunction("SUM", args: SQLColumn("journey_version")), as: "n")
            .from(Child.schema).first(decoding: Count.self)?.n ?? 0
        return counts
    }

    struct Count: Decodable { let n: Int? }

    func events(_ list: JourneyList, of laChildID: String, in app: Application) async throws -> [any JourneyRecord] {
        let child = try #require(try await Child.query(on: app.db).filter(\.$laChildID == laChildID).first())
        return try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).filter(\.$list == list).sort(\.$date).all()
            .map { try $0.record() }
    }

    @Test func aGeneratedReturnBecomesEachChildsJourneyWithItsObligations() async throws {
        let directory = try generatedReturn()
        let data = try SSDA903Reader.read(directory: directory)
        try await withTestApp(seedDemo: false) { app, _ in
            let summary = try await importReturn(directory, into: app)
            #expect(summary.childrenAdded == data[.header]!.rowCount)
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
            #expect(summary.notImported.map(\.table).contains(.ad1))
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

    @Test func nextYearsReturnContinuesThePeriodOfCareItEnds() async throws {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n900001,F,01/05/2015,WBRI,UN1,,\n"
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        let lastYear = try write([.header: header, .episodes: episodes + "900001,01/06/2024,S,C2,N1,U6,PR1,,,,WA10,WA9,\n"])
        let thisYear = try write([.header: header, .episodes: episodes
            + "900001,01/06/2024,S,C2,N1,U6,PR1,01/09/2025,X1,CARPL,WA10,WA9,\n"
            + "900001,01/09/2025,P,C2,N1,K2,PR4,01/01/2026,E4A,,WA10,WA11,SC123456\n"])
        try await withTestApp(seedDemo: false) { app, _ in
            let first = try await importReturn(lastYear, into: app)
            #expect(first.eventsRecorded == 1)
            let second = try await importReturn(thisYear, into: app)
            #expect(second.eventsRecorded == 1, "the move")
            #expect(second.eventsUpdated == 1, "the period, now ended")
            let periods = try await events(.periodsOfCare, of: "900001", in: app).compactMap { $0 as? PeriodOfCareRecord }
            #expect(periods.count == 1)
            #expect(periods.first?.end == CivilDate(iso: "2026-01-01"))
            #expect(periods.first?.endReason == "E4A")
            let move = try #require(try await events(.placements, of: "900001", in: app).first as? PlacementRecord)
            #expect(move.start == CivilDate(iso: "2025-09-01"))
            #expect(move.reasonForChange == "CARPL")
            #expect(move.urn == "SC123456")
        }
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
}
