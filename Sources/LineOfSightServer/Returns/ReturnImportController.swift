import Fluent
import LineOfSightReturns
import Vapor

/// Importing a checked return from the browser. The form starts the import as a job of this
/// server (`ReturnImportJobs`) and sends the analyst to the upload's import page, which shows how
/// many children have been imported and reloads itself until the import has finished, then says
/// what was imported or why nothing was. A large return takes a minute or more: longer than a
/// request should be held open. See docs/ssda903-validation.md.
struct ReturnImportController {
    let uploads: ReturnUploads
    let jobs: ReturnImportJobs

    init(uploads: ReturnUploads = .shared, jobs: ReturnImportJobs = .shared) {
        self.uploads = uploads
        self.jobs = jobs
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteURL.importReturn(.key), use: start).allow(Role.returnAnalysts)
        routes.get(SiteURL.importReturn(.key), use: status).allow(Role.returnAnalysts)
    }

    /// Starts the import, unless one of this upload is running: either way the analyst goes to its page.
    func start(req: Request) async throws -> Response {
        let upload = try uploads.findOwn(req)
        let page = SiteURL.importReturn(.value(upload.id))
        guard await jobs.progress(of: upload.id) == nil else { return req.redirect(to: page) }
        let principal = try req.requirePrincipal()
        guard let user = try await User.find(principal.userID, on: req.db) else { throw Abort(.forbidden) }
        try await req.db.transaction { db in
            try await req.claimForm(leadingTo: page, on: db)
            try await req.audit(.update, entity: "return", entityID: upload.id, childID: nil,
                                detail: "Started importing the SSDA903 return for \(upload.ruleSet.years): " + ReturnCheckController.names(upload), on: db)
        }
        let importer = SSDA903Importer(setup: req.application.standards, now: req.now, today: req.today, account: user) { _ in }
        let job = Job(uploads: uploads, upload: upload, importer: importer, by: principal.displayName,
                            db: req.application.db, logger: req.logger)
        _ = await jobs.start(upload.id) { progress in await job.run(progress) }
        return req.redirect(to: page)
    }

    /// Where the upload's import has got to.
    func status(req: Request) async throws -> Response {
        let found = try uploads.findOwn(req)
        // Asked of the jobs first: a job writes its outcome before it leaves them, so an upload
        // still marked running once its job has gone was stopped with the server.
        let running = await jobs.progress(of: found.id)
        let upload = try uploads.findOwn(req)
        if let running {
            let refreshing = req.queryParameters[ReturnImportPages.refreshParameter] != ReturnImportPages.refreshOff
            return ReturnImportPages.running(req, upload: upload, stage: running, refreshing: refreshing)
        }
        guard let job = upload.importJob else { return req.redirect(to: .returnCheck(.value(upload.id))) }
        try await req.audit(.read, entity: "return", entityID: upload.id, childID: nil,
                            detail: "Read the outcome of importing the SSDA903 return for \(upload.ruleSet.years)")
        return ReturnImportPages.finished(req, upload: upload, job: job)
    }

    /// One import, run by its job after the request that started it has been answered.
    struct Job: Sendable {
        let uploads: ReturnUploads
        let upload: ReturnUpload
        let importer: SSDA903Importer
        let by: String
        let db: any Database
        let logger: Logger

        func run(_ progress: ImportProgress) async {
            var upload = upload
            var job = ReturnUpload.ImportJob(outcome: .running, startedAt: importer.now, by: by)
            upload.importJob = job
            do {
                try uploads.write(upload)
                let (current, previous) = try uploads.read(upload)
                var importer = importer
                importer.progress = { progress.report($0) }
                let summary = try await importer.run(current, ruleSet: upload.ruleSet, previous: previous,
                                                     source: "files uploaded in the browser (\(ReturnCheckController.names(upload)))", on: db)
                upload.imported = .init(at: importer.now, by: by, summary: summary.lines)
                job.outcome = .imported
            } catch let refused as SSDA903ImportProblems {
                job.outcome = .failed
                job.problems = refused.problems.prefix(ReturnUpload.ImportJob.problemsKept).map(\.description)
                job.problemCount = refused.problems.count
            } catch {
                logger.report(error: error)
                job.outcome = .failed
                job.problems = ["The import stopped because of a fault in LineOfSight, not in the return. Try again later, and tell the service desk if it happens again."]
                job.problemCount = 1
            }
            job.finishedAt = Date()
            upload.importJob = job
            do { try uploads.write(upload) } catch { logger.report(error: error) }
        }
    }
}

extension ReturnUploads {
    /// The upload named in the address, if it is this person's and still kept: anyone else's is
    /// not found, so its existence is not disclosed.
    func findOwn(_ req: Request) throws -> ReturnUpload {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("uploadID", as: UUID.self),
              let upload = find(id, owner: principal.userID, now: req.now)
        else { throw Abort(.notFound) }
        return upload
    }
}
