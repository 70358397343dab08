import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor

/// The local standards file and the commands that ask the core directly, run as a person would: the
/// real `lineofsight` binary, real files.
@Suite struct StandardsFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exampleJourney = repository.appendingPathComponent("docs/examples/journey-cp-and-care.json")

    func temporaryFile(_ text: String, suffix: String = ".yaml") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("standards-\(UUID().uuidString)\(suffix)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func firstCPVisitDue(_ file: StandardsFile) throws -> CivilDate {
        let journey = try JourneyDocument.decode(Data(contentsOf: Self.exampleJourney))
        let visits = derive(journey, standards: file.standards, calendar: file.calendar).obligations.filter { $0.ruleID == .cpVisit }
        return try #require(visits.min { $0.due < $1.due }).due
    }

    @Test func aValueFromTheCouncilsFileMovesTheDueDate() throws {
        let path = try temporaryFile("""
            # Our local practice standards
            standards:
              visits.cp.interval_working_days: 5
            """)
        let council = try StandardsFile.load(path: path)
        let national = try firstCPVisitDue(.defaults)
        let local = try firstCPVisitDue(council)
        // The first CP visit is due 10 working days after the ICPC (Monday 22 Dec 2025) by default:
        // 23, 24, 29, 30, 31 Dec, (1 Jan is a bank holiday) 2, 5, 6, 7, 8 Jan → 8 Jan 2026.
        // With 5 working days: 23, 24, (25, 26 bank holidays; a weekend) 29, 30, 31 Dec → 31 Dec 2025.
        #expect(national.iso == "2026-01-08")
        #expect(local.iso == "2025-12-31")
    }

    @Test func theDocumentedExampleFileLoads() throws {
        let file = try StandardsFile.load(path: Self.repository.appendingPathComponent("docs/examples/local-standards.yaml").path)
        #expect(file.standards.dueSoonDays == 10)
        let closed = CivilDate(iso: "2026-12-30")!
        #expect(file.calendar.localClosures.contains(closed))
        #expect(file.calendar.national.isWorkingDay(closed), "closure days are local only; nationally it is a working day")
        #expect(try LocalStandards.defaults.overriding([:]).dueSoonDays != file.standards.dueSoonDays, "the file changed something")
        #expect(file.homeDistricts == ["WA9", "WA10", "WA11", "WA12"])
    }

    @Test func localClosureDaysMoveOnlyLocalStandards() throws {
        let path = try temporaryFile("""
            local_closure_days: [2025-12-29, 2025-12-30, 2025-12-31]
            """)
        let council = try StandardsFile.load(path: path)
        #expect(try firstCPVisitDue(council).iso == "2026-01-13", "a local visiting standard skips the council's closure days")
        let journey = try JourneyDocument.decode(Data(contentsOf: Self.exampleJourney))
        let icpc = derive(journey, standards: council.standards, calendar: council.calendar).obligations.first { $0.ruleID == .icpc }
        #expect(icpc?.due.iso == "2025-12-24", "the statutory ICPC timescale ignores local closures")
    }

    @Test func postcodeDistrictCentresAreReadFromTheirFileAndMeasureAPlacement() throws {
        let centres = try temporaryFile("\u{FEFF}district,easting,northing\nWA10,350114,395481\nm28, 373712 ,402267\n\n", suffix: ".csv")
        let file = try StandardsFile.load(path: try temporaryFile("postcode_district_centres: \(centres)\n"))
        #expect(file.districtCentres.count == 2)
        #expect(file.distance(fromHome: "wa10", to: "M28") == 15.3)
        #expect(file.distance(fromHome: "WA10", to: "L8") == nil && file.distance(fromHome: nil, to: "M28") == nil)
        for (text, line) in [("district,easting,northing\nWA10,350114\n", 2), ("district,easting,northing\nWA10,350114,395481\nWA10 1AA,1,2\n", 3),
                             ("district,easting,northing\nWA10,-5,395481\n", 2), ("postcode,x,y\n", 1)] {
            let path = try temporaryFile("postcode_district_centres: \(try temporaryFile(text, suffix: ".csv"))\n")
            let error = #expect(throws: StandardsFileError.self) { try StandardsFile.load(path: path) }
            #expect(error?.description.contains(".csv line \(line):") == true, "\(text) → \(error?.description ?? "no error")")
        }
    }

    @Test func mistakesAreReportedWithTheirLineAndColumn() throws {
        let cases: [(String, String)] = [
            ("standards:\n  visits.cp.interval_days: 5\n", ":2:3: unknown standard “visits.cp.interval_days”"),
            ("standards:\n  visits.cp.interval_working_days: often\n", ":2:36: visits.cp.interval_working_days must be a whole number"),
            ("local_closure_days:\n  - 2025-13-01\n", ":2:5: “2025-13-01” is not a date"),
            ("colour: blue\n", ":1:1: unknown key “colour”"),
            ("home_postcode_districts: [WA10, WA10 1AA]\n", ":1:33: “WA10 1AA” is not the first half of a postcode"),
            ("postcode_district_centres: /no/such/file.csv\n", ":1:28: cannot read the postcode district centres /no/such/file.csv"),
            ("standards: [unclosed\n", ":2:1: not valid YAML"),
        ]
        for (text, expected) in cases {
            let path = try temporaryFile(text)
            let error = #expect(throws: StandardsFileError.self) { try StandardsFile.load(path: path) }
            #expect(error?.description == nil ? false : error!.description.hasPrefix(path + expected.prefix { $0 != " " }) , "\(text) → \(error?.description ?? "no error")")
            #expect(error?.description.contains(expected.drop { $0 != " " }.dropFirst()) == true, "\(text) → \(error?.description ?? "no error")")
        }
    }
}

@Suite struct DomainCommandTests {
    /// The built `lineofsight` executable, in the build folder beside the test bundle.
    static let executable: String = {
        let folder = Bundle.main.bundleURL
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("lineofsight").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "DATABASE_URL" }.merging(environment) { $1 }
        }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func addWorkingDaysPrintsOnlyTheDate() throws {
        let result = try run(["calendar", "add-working-days", "2025-12-19", "15"])
        #expect(result.status == 0)
        #expect(result.output == "2026-01-14\n")
        let impossible = try run(["calendar", "add-working-days", "2025-02-30", "1"])
        #expect(impossible.status == 2)
        #expect(impossible.error.contains("2025-02-30"))
    }

    @Test func obligationsReadsAJourneyAndNamesTheJSONPathOfABadValue() throws {
        let journey = StandardsFileTests.exampleJourney.path
        let json = try run(["obligations", "--journey", journey, "--as-of", "2026-03-31"])
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(decoded != nil)
        #expect(json.output.contains("\"cp.icpc\""))
        let table = try run(["obligations", "--journey", journey, "--as-of", "2026-03-31", "--format", "table"])
        #expect(table.output.contains("cp.icpc") && table.output.contains("met_on_time"))

        var text = try String(contentsOfFile: journey, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"2025-12-03\"", with: "\"2025-02-30\"")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("journey-\(UUID().uuidString).json")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try run(["obligations", "--journey", bad.path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("$."), "the message names the JSON path: \(refused.error)")
        #expect(refused.error.contains("2025-02-30"))
        try "{ not json".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try run(["obligations", "--journey", bad.path]).status == 2)
    }

    /// A folder holding `files` (name: text), for a command to read.
    func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("return-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory.path
    }

    @Test func validateSSDA903PrintsEachFindingAndExitsByWhatItFound() throws {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,M,01/01/2012,WBRI,UN3,,\n"
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "A1,01/05/2025,S,C2,N1,U4,PR1,,,,LS1 4AP,LS2 7HY,\n"
        let clean = try folder(["header.csv": header, "episodes.csv": episodes])
        let passed = try run(["validate", "ssda903", clean, "--year", "2026"])
        #expect(passed.status == 0, "\(passed.output)")
        #expect(passed.output == "rule_code,child_id,table,row_index\n")
        #expect(passed.error.contains("SW02STG1 not run: no SWEpisodes table"), "a rule that cannot run says why")

        // ETHNIC XXXX is not a code (rule 103).
        let faulty = try folder(["header.csv": header.replacingOccurrences(of: "WBRI", with: "XXXX"), "episodes.csv": episodes])
        let found = try run(["validate", "ssda903", faulty, "--year", "2026", "--la", "E08000035"])
        #expect(found.status == 1)
        #expect(found.output == "rule_code,child_id,table,row_index\n103,A1,Header,0\n")
        let json = try run(["validate", "ssda903", faulty, "--year", "2026", "--format", "json"])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule_code"] as? String == "103")
        #expect(findings.first?["line"] as? Int == 2)
        #expect((findings.first?["message"] as? String)?.isEmpty == false)
        let table = try run(["validate", "ssda903", faulty, "--year", "2026", "--format", "table"])
        #expect(table.output.contains("103  ") && table.output.contains("Header row 0 (line 2), child A1"), "\(table.output)")
    }

    @Test func validateSSDA903RefusesWhatItCannotRead() throws {
        let broken = try folder(["return.xml": "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n<CHILD><HEADER>\n"])
        let result = try run(["validate", "ssda903", broken, "--year", "2026"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(broken + "/return.xml, line "), "\(result.error)")
        #expect(result.error.contains("is not well-formed XML"))
        #expect(result.output.isEmpty)
        let badYear = try run(["validate", "ssda903", broken, "--year", "2021"])
        #expect(badYear.status == 2 && badYear.error.contains("--year “2021”"), "\(badYear.error)")
        #expect(try run(["validate", "cin", broken, "--year", "2026"]).status == 2)
    }

    @Test func serveRefusesADatabaseThatWasNeverMigrated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("never-migrated-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(["serve", "--port", "0"], environment: ["LINEOFSIGHT_DATABASE_PATH": path])
        #expect(result.status == 1)
        #expect(result.error.contains("run `lineofsight migrate`"), "\(result.error)")
    }

    /// `obligations rederive` derives every child's rows again from the record alone: here after
    /// they were lost, so what it writes is all its own, on the test's database (SQLite or
    /// PostgreSQL) and its "today". On PostgreSQL it then brings the tables' statistics up to date
    /// itself, rather than leaving the first requests after it to run beside autovacuum.
    @Test func obligationsRederiveDerivesEveryChildAgainFromTheRecord() async throws {
        try await withTestApp { app, authority in
            func derived() async throws -> [String] {
                try await app.db.sql.select().columns("child_id", "id", "due", "met_date", "not_applicable_since").from(DerivedRows.obligations)
                    .orderBy("child_id").orderBy("id")
                    .all { columns in try [columns.uuid("child_id").text, columns.text("id"), columns.text("due"),
                                            columns.text(ifAny: "met_date") ?? "", columns.text(ifAny: "not_applicable_since") ?? ""]
                        .joined(separator: " ") }
            }
            let before = try await derived()
            let states = try await TestDatabase.rows(in: DerivedRows.states, on: app.db)
            #expect(before.count > authority.children.count && states == authority.children.count)
            try await app.db.sql.delete(from: DerivedRows.obligations).run()
            try await app.db.sql.delete(from: DerivedRows.states).run()
            var environment = ["LINEOFSIGHT_TODAY": testToday.iso]
            switch app.settings.database {
            case let .sqlite(path): environment["LINEOFSIGHT_DATABASE_PATH"] = path
            case let .postgres(url): environment["DATABASE_URL"] = url
            case .sqliteInMemory: Issue.record("a database another process can open")
            }
            let start = try await TestDatabase.postgresNow(app.db)
            let result = try run(["obligations", "rederive"], environment: environment)
            #expect(result.status == 0, "\(result.error)")
            if let start { #expect(try await TestDatabase.statisticsRefreshed(since: start, on: app.db)) }
            let children = authority.children.count
            #expect(result.output.contains("Re-derived \(children) of \(children) children"), "\(result.output)")
            #expect(try await derived() == before)
            #expect(try await TestDatabase.rows(in: DerivedRows.states, on: app.db) == states)
        }
    }
}
