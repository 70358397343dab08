import Fluent
import Foundation
import LineOfSightCore
import LineOfSightReturns
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Checking an SSDA903 return in the browser (issue 12, item 6): the upload, the findings by rule
/// with links to the children recorded, their CSV, who may do it, and the import. Serialized:
/// the demo's analyst has the same id in every test, and one test counts the uploads kept.
@Suite(.serialized) struct ReturnCheckTests {
    let ruleSet = SSDA903RuleSet.lac2025_26

    /// A generated return's CSV files, as a browser would send them.
    func generatedFiles(children: Int = 20, seed: UInt64 = 5) -> [(name: String, contents: Data)] {
        var generator = SSDA903Generator(children: children, ruleSet: ruleSet, seed: seed, errorRate: 0)
        return generator.generate().sorted { $0.key < $1.key }.map { (SSDA903CSVFiles.name(of: $0.key), Data($0.value.utf8)) }
    }

    /// The generated return with its first child given `laChildID` (a child the demo authority
    /// records) and a sex no rule set allows, so the Header rules find that child's row.
    func filesNaming(_ laChildID: String) -> [(name: String, contents: Data)] {
        generatedFiles().map { name, contents in
            var lines = String(decoding: contents, as: UTF8.self).components(separatedBy: "\n").map { line in
                line.hasPrefix("100000,") ? laChildID + line.dropFirst("100000".count) : line
            }
            if name == "header.csv", let index = lines.firstIndex(where: { $0.hasPrefix(laChildID + ",") }) {
                var fields = lines[index].components(separatedBy: ",")
                fields[1] = "X"
                lines[index] = fields.joined(separator: ",")
            }
            return (name, Data(lines.joined(separator: "\n").utf8))
        }
    }

    func upload(_ visitor: inout Visitor, _ files: [(name: String, contents: Data)], year: String = "2026",
                previous: [(name: String, contents: Data)] = []) async throws -> TestingHTTPResponse {
        _ = try await visitor.get("/returns/ssda903")
        var fields = visitor.hiddenFields["/returns/ssda903"] ?? [:]
        fields["year"] = year
        return try await visitor.postMultipart("/returns/ssda903", fields: fields,
                                               files: files.map { ("files", $0.name, $0.contents) } + previous.map { ("previous-files", $0.name, $0.contents) })
    }

    /// The uploads kept for `user` (other tests' uploads share the directory).
    func uploads(of user: UUID) -> [String] {
        let root = ReturnUploads.shared.root
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            guard let id = UUID(uuidString: name) else { return false }
            return ReturnUploads.shared.find(id, owner: user, now: Date()) != nil
        }
    }

    func userID(_ username: String, _ app: Application) async throws -> UUID {
        try #require(try await User.query(on: app.db).filter(\.$username == username).first()).requireID()
    }

    @Test func aFaultyReturnShowsItsRulesWithALinkToEachRecordedChild() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            let files = filesNaming(child.laChildID)
            let read = try SSDA903Reader.read(uploaded: files)
            let findings = SSDA903Validator.validate(read, ruleSet: ruleSet).findings
            let childsRules = Set(findings.filter { $0.childID == child.laChildID && $0.table == .header }.map(\.ruleCode))
            #expect(!childsRules.isEmpty, "the spoilt sex is found")

            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let sent = try await upload(&analyst, files)
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            #expect(location.hasPrefix("/returns/ssda903/"))
            let page = try await analyst.get(location)
            #expect(page.status == .ok)
            let html = page.body.string
            for code in childsRules {
                let message = ReturnCheckReport.messages(ruleSet)[code]!
                #expect(html.contains("\(code): \(HTMLText.escaped(message))"), "rule \(code) is a group of the report")
            }
            #expect(html.contains("href=\"/children/\(child.id.uuidString)\""), "the recorded child is linked")
            #expect(html.contains("\(findings.count) rows under"))
            // Reading the findings is audited, naming the child shown.
            let shown = try await TestDatabase.shownChildren(.child(child.id), on: app.db)
            #expect(shown >= 1)

            // Every finding in the CSV, with the rule's message and the DfE tool's row index.
            let csv = try await analyst.get(location + "/findings.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == "rule_code,message,child_id,table,row_index")
            #expect(lines.count == findings.count + 1)
            let first = findings.first { $0.childID == child.laChildID && $0.table == .header }!
            #expect(lines.contains { $0.hasPrefix("\(first.ruleCode),") && $0.hasSuffix(",\(child.laChildID),Header,\(first.row)") })
        }
    }

    @Test func onlyAnalystsAndAdministratorsCheckReturnsAndOnlyTheirOwn() async throws {
        try await withTestApp { app, demo in
            var worker = try await Visitor.signedIn(app, as: demo.account(.socialWorker).username)
            #expect(try await worker.get("/returns/ssda903").status == .forbidden)
            #expect(try await worker.postMultipart("/returns/ssda903", fields: ["year": "2026"], files: generatedFiles().map { ("files", $0.name, $0.contents) }).status == .forbidden)

            // Someone signed out, or in a role the page does not admit, has nothing read.
            var anonymous = Visitor(app)
            #expect(try await anonymous.postMultipart("/returns/ssda903", fields: ["year": "2026"], files: generatedFiles().map { ("files", $0.name, $0.contents) }).status == .forbidden)

            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let location = try #require(try await upload(&analyst, generatedFiles()).location)
            var admin = try await Visitor.signedIn(app, as: demo.account(.admin).username)
            #expect(try await admin.get(location).status == .notFound)
            #expect(try await admin.get(location + "/findings.csv").status == .notFound)
            _ = try await admin.get("/returns/ssda903")
            #expect(try await admin.post(location + "/import").status == .notFound)
            #expect(try await admin.get(location + "/import").status == .notFound)
            #expect(try await worker.get(location).status == .forbidden)
            #expect(try await Child.query(on: app.db).filter(\.$laChildID == "100000").count() == 0)
        }
    }

    @Test func filesThatAreNotAReturnAreNamedAtTheirFieldAndNothingIsKept() async throws {
        try await withTestApp { app, demo in
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let user = try await userID(demo.account(.analyst).username, app)
            let kept = uploads(of: user)
            let cases: [(files: [(name: String, contents: Data)], previous: [(name: String, contents: Data)], field: String, words: String)] = [
                ([], [], "files", "Select the return’s files"),
                ([("header.csv", Data())], [], "files", "header.csv: is empty"),
                ([("notes.csv", Data("name,colour\nsam,blue\n".utf8))], [], "files", "is not the column list of any SSDA903 table"),
                ([("header.csv", Data([0x43, 0x48, 0x49, 0x4C, 0x44, 0x2C, 0xFF, 0xFE, 0x0A]))], [], "files", "is not UTF-8"),
                (generatedFiles(), [("episodes.csv", Data("garbage".utf8))], "previous-files", "Last year’s files: episodes.csv"),
            ]
            for (files, previous, field, words) in cases {
                let response = try await upload(&analyst, files, previous: previous)
                #expect(response.status == .unprocessableEntity, "\(words)")
                let html = response.body.string
                #expect(html.contains("<a href=\"#\(field)\">"), "the summary links to \(field)")
                #expect(html.contains("id=\"\(field)-error\""), "the message is at \(field)")
                #expect(html.contains(HTMLText.escaped(words)), "\(words)")
            }
            let noYear = try await upload(&analyst, generatedFiles(), year: "")
            #expect(noYear.status == .unprocessableEntity && noYear.body.string.contains("id=\"year-error\""))
            #expect(uploads(of: user) == kept, "nothing was kept")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "return").count() == 0)
        }
    }

    @Test func filesOverTheLimitAreRefusedAtTheirFieldAndNothingIsKept() async throws {
        try await withTestApp(adjusting: { $0.returnUploadLimit = 4 * 1024 }) { app, demo in
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let user = try await userID(demo.account(.analyst).username, app)
            let kept = uploads(of: user)
            let files = generatedFiles()
            #expect(files.reduce(0) { $0 + $1.contents.count } > 4 * 1024)
            let refused = try await upload(&analyst, files)
            #expect(refused.status == .seeOther && refused.location == "/returns/ssda903?problem=too-large")
            let page = try await analyst.get(refused.location!)
            #expect(page.body.string.contains("<a href=\"#files\">The files must be smaller than 4 KB in all</a>"))
            #expect(page.body.string.contains("id=\"files-error\""))
            #expect(uploads(of: user) == kept)
            // Files within the limit are taken.
            #expect(try await upload(&analyst, [files[0]]).status == .seeOther)
            #expect(uploads(of: user).count == kept.count + 1)
        }
    }

    /// The upload's id, from its report's address.
    func uploadID(_ location: String) throws -> UUID {
        try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
    }

    @Test func importingRunsAsAJobWhosePageSaysWhatWasImportedNamingTheAnalyst() async throws {
        try await withTestApp { app, demo in
            let files = generatedFiles()
            let header = try SSDA903Reader.read(uploaded: files)[.header]!
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let location = try #require(try await upload(&analyst, files).location)
            _ = try await analyst.get(location)
            let form = analyst.hiddenFields[location + "/import"] ?? [:]
            #expect(form["form-id"] != nil)
            let started = try await analyst.post(location + "/import", form)
            #expect(started.status == .seeOther && started.location == location + "/import")
            await ReturnImportJobs.shared.wait(for: try uploadID(location))
            let children = try await Child.query(on: app.db).filter(\.$laChildID ~~ (0..<20).map { String(100_000 + $0) }).all()
            #expect(children.count == header.rowCount)
            // The events, and the audit trail, name the analyst who imported the return.
            let user = try await userID(demo.account(.analyst).username, app)
            let events = try await StoredEvent.query(on: app.db).filter(\.$child.$id ~~ children.map { try $0.requireID() }).all()
            #expect(!events.isEmpty && events.allSatisfy { $0.$recordedBy.id == user })
            let imports = try await AuditEvent.query(on: app.db).filter(\.$entity == "import").all()
            #expect(imports.count == 1 && imports.first?.username == demo.account(.analyst).username)
            let starts = try await AuditEvent.query(on: app.db).filter(\.$entity == "return").filter(\.$action == .update).count()
            #expect(starts == 1, "starting the import is audited")

            // Its page says it is done, in a status region, and no longer reloads itself.
            let page = try await analyst.get(location + "/import")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("role=\"status\""))
            #expect(html.contains("Return imported"))
            #expect(html.contains("Children: \(header.rowCount) added"))
            #expect(!html.contains("http-equiv=\"refresh\""))
            #expect(try await analyst.get(location).body.string.contains("Imported by"))

            // The same form sent again (a double click) imports nothing more.
            let again = try await analyst.post(location + "/import", form)
            #expect(again.status == .seeOther && again.location == location + "/import")
            await ReturnImportJobs.shared.wait(for: try uploadID(location))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "import").count() == 1)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id ~~ children.map { try $0.requireID() }).count() == events.count)
        }
    }

    @Test func whileAnImportRunsItsPageShowsHowFarItHasGotAndASecondImportStartsNothing() async throws {
        try await withTestApp { app, demo in
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let location = try #require(try await upload(&analyst, generatedFiles()).location)
            let id = try uploadID(location)
            _ = try await analyst.get(location)
            let form = analyst.hiddenFields[location + "/import"] ?? [:]
            // An import held part way, as a large return's is for a minute or more.
            let (gate, open) = AsyncStream<Void>.makeStream()
            let began = await ReturnImportJobs.shared.start(id) { progress in
                progress.report(.init(done: 3200, total: 10000))
                for await _ in gate {}
            }
            #expect(began)
            let page = try await analyst.get(location + "/import")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"\(ReturnImportPages.refreshSeconds)\">"))
            #expect(html.contains("<div role=\"status\"><p class=\"govuk-body-l\">Importing: 3,200 of 10,000 children</p></div>"))
            #expect(html.contains("Stop updating this page"))
            // Stopped, the page no longer reloads and offers to check by hand.
            let still = try await analyst.get(location + "/import?refresh=off")
            #expect(!still.body.string.contains("http-equiv=\"refresh\""))
            #expect(still.body.string.contains("Check progress") && still.body.string.contains("Importing: 3,200 of 10,000 children"))
            // The report links to the import rather than offering another.
            let report = try await analyst.get(location).body.string
            #expect(report.contains("The return is being imported") && !report.contains(">Import the return</button>"))
            // An import sent meanwhile (a form opened before) goes to the same page and starts nothing.
            let second = try await analyst.post(location + "/import", form)
            #expect(second.status == .seeOther && second.location == location + "/import")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "return").filter(\.$action == .update).count() == 0)
            open.finish()
            await ReturnImportJobs.shared.wait(for: id)
            #expect(await ReturnImportJobs.shared.progress(of: id) == nil)
        }
    }

    @Test func anImportStoppedByARestartIsSaidNotToHaveFinished() async throws {
        try await withTestApp { app, demo in
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let location = try #require(try await upload(&analyst, generatedFiles()).location)
            let user = try await userID(demo.account(.analyst).username, app)
            // What a server stopped during an import leaves beside the upload's files.
            var stored = try #require(ReturnUploads.shared.find(try uploadID(location), owner: user, now: app.clock.now))
            stored.importJob = .init(outcome: .running, startedAt: app.clock.now, by: "Pat Analyst")
            try ReturnUploads.shared.write(stored)
            let page = try await analyst.get(location + "/import")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("The import did not finish") && html.contains("Nothing was imported"))
            #expect(!html.contains("http-equiv=\"refresh\""))
        }
    }

    @Test func aReturnTheJourneyCannotHoldIsNotImportedAndItsProblemsAreListed() async throws {
        try await withTestApp { app, demo in
            // A period of care starting on a date that does not exist.
            let files = generatedFiles().map { name, contents in
                guard name == "episodes.csv" else { return (name, contents) }
                var lines = String(decoding: contents, as: UTF8.self).components(separatedBy: "\n")
                var fields = lines[1].components(separatedBy: ",")
                fields[1] = "31/02/2025"
                lines[1] = fields.joined(separator: ",")
                return (name, Data(lines.joined(separator: "\n").utf8))
            }
            var analyst = try await Visitor.signedIn(app, as: demo.account(.analyst).username)
            let before = try await Child.query(on: app.db).count()
            let location = try #require(try await upload(&analyst, files).location)
            _ = try await analyst.get(location)
            let started = try await analyst.post(location + "/import")
            #expect(started.status == .seeOther && started.location == location + "/import")
            await ReturnImportJobs.shared.wait(for: try uploadID(location))
            let refused = try await analyst.get(location + "/import").body.string
            #expect(refused.contains("The return was not imported"))
            #expect(refused.contains("episodes.csv, line 2"))
            #expect(!refused.contains("http-equiv=\"refresh\""))
            #expect(try await Child.query(on: app.db).count() == before)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "import").count() == 0)
            #expect(try await analyst.get(location).body.string.contains("The last import did not import anything"))
        }
    }
}

/// The multipart reader on bodies as browsers write them.
@Suite struct FileUploadsTests {
    @Test func splitsFieldsAndFilesWhateverTheFilesHold() throws {
        let file = "CHILD,SEX\r\n--not-the-boundary\r\n-\r\n1,M\r\n"
        let body = [
            "--XyZ\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2026\r\n",
            "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"C:\\Returns\\header.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n",
            "--XyZ\r\nContent-Disposition: form-data; name=\"previous-files\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n",
            "--XyZ--\r\n",
        ].joined()
        let (form, files) = try FileUploads.parse(ByteBuffer(string: body), boundary: "XyZ")
        #expect(form["year"] == "2026")
        #expect(files.count == 1, "a file input left empty sends no file")
        #expect(files.first?.field == "files" && files.first?.filename == "header.csv")
        #expect(files.first.map { String(decoding: $0.contents, as: UTF8.self) } == file)
    }

    @Test func refusesABodyThatIsNotMultipartOrAFieldThatIsNotText() {
        #expect(throws: FormInput.Problem.malformed) { try FileUploads.parse(ByteBuffer(string: "year=2026"), boundary: "XyZ") }
        #expect(throws: FormInput.Problem.malformed) {
            try FileUploads.parse(ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2026"), boundary: "XyZ")
        }
        var bad = ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n")
        bad.writeBytes([0xFF, 0xFE])
        bad.writeString("\r\n--XyZ--\r\n")
        #expect(throws: FormInput.Problem.notText) { try FileUploads.parse(bad, boundary: "XyZ") }
    }
}

enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = HTMLBytes()
        out.appendEscaped(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

extension Visitor {
    /// Posts a `multipart/form-data` form with files, as a browser sends a file upload, with the
    /// session's CSRF token.
    mutating func postMultipart(_ path: String, fields: [String: String], files: [(field: String, filename: String, contents: Data)]) async throws -> TestingHTTPResponse {
        let boundary = "----LineOfSightTest\(UUID().uuidString)"
        var body = ByteBuffer()
        var all = fields
        if let csrfToken { all["csrf-token"] = csrfToken }
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.writeBytes(file.contents)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        let sent = body
        return try await perform(.POST, path) { req in
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            req.body = sent
        }
    }
}
