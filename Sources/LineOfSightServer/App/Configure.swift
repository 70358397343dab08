import Fluent
import LineOfSightCore
import Vapor

/// Builds a LineOfSight application: database, sessions, the middleware chain and every route.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    if let today = settings.today {
        guard let date = CivilDate(iso: today) else { throw UsageError("LINEOFSIGHT_TODAY must be a date like 2026-03-31 (got \(today))") }
        app.clock.fixedToday = date
    }
    // A mistake in the council's standards file stops the start, with its line and column, before
    // anyone relies on a date derived from it.
    if let path = settings.standardsFile { app.standards = try StandardsFile.load(path: path) }
    try DatabaseSetup.configure(app, settings.database)

    let metrics = RequestMetrics()
    // Order matters: metrics see every response and the response headers go on every one (error
    // pages included); errors become pages; the form or query is read strictly; then the person is
    // signed in (session, or API token under /api/v1), the files of an upload read (for those
    // the route admits only), the CSRF token checked and finally the route's
    // declared roles enforced.
    app.middleware = Middlewares()
    app.middleware.use(MiddlewarePipeline([
        MetricsMiddleware(metrics: metrics),
        ResponseHeadersMiddleware(),
        ErrorPageMiddleware(),
        FormInputMiddleware(),
        SessionMiddleware(),
        BearerAuthMiddleware(),
        FileUploadMiddleware(),
        CSRFMiddleware(),
        RouteAccessMiddleware(),
        OnceOnlyMiddleware(),
    ], counting: app.requestsInFlight))

    app.routes.defaultMaxBodySize = ByteCount(value: FormInputMiddleware.maximumBytes)
    try routes(app, metrics: metrics)
}

func routes(_ app: Application, metrics: RequestMetrics) throws {
    HealthController(metrics: metrics).register(app)
    AssetsController().register(app)
    SignInController().register(app)
    HomeController().register(app)
    ChildrenController().register(app)
    CareListsController().register(app)
    PanelPackController().register(app)
    TransferTrackerController().register(app)
    TransferReviewController().register(app)
    ReturnCheckController(uploadLimit: app.settings.returnUploadLimit).register(app)
    ReturnImportController().register(app)
    JourneyController().register(app)
    ChronologyController().register(app)
    EventStepController().register(app)
    JourneyAPIController().register(app)
    MyWorkController().register(app)
    AllocationsController().register(app)
    TeamsController().register(app)
    StaffController().register(app)
    StaffRecordsController().register(app)
    WorkforceController().register(app)
    SupervisionController().register(app)
    UsersAdminController().register(app)
    GrantsAdminController().register(app)
    TeamsAdminController().register(app)
    AccessHistoryController().register(app)
    AccountController().register(app)
    APIController().register(app)
}
