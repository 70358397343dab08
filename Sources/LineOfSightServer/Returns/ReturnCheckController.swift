import Fluent
import LineOfSightReturns
import Vapor

/// A performance analyst checks the authority's SSDA903 return in the browser: uploads its CSV
/// files or its XML file, reads the findings grouped by rule, downloads them as CSV, and imports
/// the return into the children's journeys. Validation runs in the request (a large authority's
/// return takes well under a second); the import, which takes a minute or more for a large
/// return, runs as a job (`ReturnImportController`). See docs/ssda903-validation.md.
struct ReturnCheckController {
    let uploads: ReturnUploads
    /// `Settings.returnUploadLimit`.
    let uploadLimit: Int

    init(uploads: ReturnUploads = .shared, uploadLimit: Int) {
        self.uploads = uploads
        self.uploadLimit = uploadLimit
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.checkReturn, use: form).allow(Role.returnAnalysts)
        routes.on(.POST, SiteURL.checkReturn.pathComponents, body: .collect(maxSize: ByteCount(value: uploadLimit)), use: check)
            .allow(Role.returnAnalysts).acceptingFiles(upTo: uploadLimit)
        routes.get(SiteURL.returnCheck(.key), use: report).allow(Role.returnAnalysts)
        routes.get(SiteURL.returnCheckCSV(.key), use: csv).allow(Role.returnAnalysts)
    }

    func form(req: Request) async throws -> Response {
        var errors = FieldErrors()
        if req.queryParameters["problem"] == "too-large" {
            errors.add(ReturnCheckField.files, "The files must be smaller than \(ReturnCheckPages.size(uploadLimit)) in all")
        }
        return ReturnCheckPages.form(req, selectedYear: "", limit: uploadLimit, errors: errors)
    }

    func check(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let files = req.uploadedFiles.filter { $0.field == ReturnCheckField.files.rawValue }
        let previous = req.uploadedFiles.filter { $0.field == ReturnCheckField.previousFiles.rawValue }
        let year = req.form[ReturnCheckField.year.rawValue] ?? ""
        var errors = FieldErrors()
        if files.isEmpty { errors.add(ReturnCheckField.files, "Select the return’s files: its CSV files or its XML file") }
        let ruleSet = Int(year).flatMap(SSDA903RuleSet.init(collectionYear:))
        if ruleSet == nil { errors.add(ReturnCheckField.year, "Select the year the return is for") }
        // Read now, so a file that is not a return is named next to its field and nothing is kept.
        if !files.isEmpty, let problem = Self.readProblem(files) { errors.add(ReturnCheckField.files, problem) }
        if !previous.isEmpty, let problem = Self.readProblem(previous) { errors.add(ReturnCheckField.previousFiles, "Last year’s files: " + problem) }
        guard errors.isEmpty, let ruleSet else { return ReturnCheckPages.form(req, selectedYear: year, limit: uploadLimit, errors: errors) }
        let upload = try uploads.save(files, previous: previous, ruleSet: ruleSet, owner: principal.userID, at: req.now)
        do {
            try await req.db.transaction { db in
                try await req.claimForm(leadingTo: .returnCheck(.value(upload.id)), on: db)
                try await req.audit(.create, entity: "return", entityID: upload.id, childID: nil,
                                    detail: "Uploaded the SSDA903 return for \(ruleSet.years) to check it: " + Self.names(upload), on: db)
            }
        } catch {
            try? FileManager.default.removeItem(at: uploads.root.appendingPathComponent(upload.id.text))
            throw error
        }
        return req.redirect(to: .returnCheck(.value(upload.id)))
    }

    func report(req: Request) async throws -> Response {
        let upload = try uploads.findOwn(req)
        let (current, previous) = try uploads.read(upload)
        let report = ReturnCheckReport(SSDA903Validator.validate(current, previous: previous, ruleSet: upload.ruleSet))
        let linked = try await ReturnCheckReport.linkedChildren(report.childIDsShown, scope: req.childScope(), on: req.sql)
        try await req.audit(.read, entity: "return", entityID: upload.id, childID: nil,
                            detail: "Read the findings of the SSDA903 return for \(upload.ruleSet.years): " + Self.names(upload))
        try await req.auditShown(Array(Set(linked.values)), detail: "Children named in the findings of an SSDA903 return")
        let importing = await ReturnImportJobs.shared.progress(of: upload.id) != nil
        return ReturnCheckPages.report(req, upload: upload, current: current, report: report, linked: linked,
                                       importing: importing, flash: req.takeFlash())
    }

    func csv(req: Request) async throws -> Response {
        let upload = try uploads.findOwn(req)
        let (current, previous) = try uploads.read(upload)
        let report = ReturnCheckReport(SSDA903Validator.validate(current, previous: previous, ruleSet: upload.ruleSet))
        try await req.audit(.read, entity: "return", entityID: upload.id, childID: nil,
                            detail: "Downloaded the findings of the SSDA903 return for \(upload.ruleSet.years)")
        return CSV.response(filename: "ssda903-\(upload.collectionYear)-findings.csv", header: ReturnCheckReport.csvHeader, rows: report.csvRows)
    }

    /// What is wrong with the files as a return, in words for the field; nil when they read.
    static func readProblem(_ files: [UploadedFile]) -> String? {
        do {
            _ = try SSDA903Reader.read(uploaded: files.map { ($0.filename, $0.contents) })
            return nil
        } catch {
            return error.description
        }
    }

    static func names(_ upload: ReturnUpload) -> String {
        upload.files.joined(separator: ", ") + (upload.previousFiles.isEmpty ? "" : "; last year’s: " + upload.previousFiles.joined(separator: ", "))
    }
}

enum ReturnCheckField: String, FieldID {
    case files, year, previousFiles = "previous-files"
}
