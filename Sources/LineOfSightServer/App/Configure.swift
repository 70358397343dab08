import Fluent
import LineOfSightCore
import Vapor

/// Builds a LineOfSight application: database, sessions, the middleware chain and every route.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    if let today = settings.today {
        guard let date = CivilDate(iso: today) else { throw SettingsError("LINEOFSIGHT_TODAY must be a date like 2026-03-31 (got \(today))") }
        app.clock = AppClock(fixedToday: date)
    }
    // A mistake in the council's standards file stops the start, with its line and column.
    app.standardsFile = try settings.standardsFile.map { path throws(StandardsFileError) in try StandardsFile.load(path: path) } ?? .defaults
    try DatabaseSetup.configure(app, settings.database)

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "lineofsight-session") { id in
        HTTPCookies.Value(string: id.string, expires: nil, maxAge: nil, domain: nil, path: "/",
                          isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    let metrics = RequestMetrics()
    // Order matters: metrics see every response, errors become pages, then the session is loaded,
    // the person signed in, the CSRF token checked and finally the route's declared roles enforced.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionAuthMiddleware(idleTimeout: settings.sessionIdleTimeout))
    app.middleware.use(BearerAuthMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(RouteAccessMiddleware())

    app.routes.defaultMaxBodySize = "1mb"
    try routes(app, metrics: metrics)
}

func routes(_ app: Application, metrics: RequestMetrics) throws {
    HealthController(metrics: metrics).register(app)
    AssetsController().register(app)
    SignInController().register(app)
    HomeController().register(app)
    ChildrenController().register(app)
    AllocationsController().register(app)
    TeamsController().register(app)
    StaffController().register(app)
    UsersAdminController().register(app)
    GrantsAdminController().register(app)
    TeamsAdminController().register(app)
    AccessHistoryController().register(app)
    APIController().register(app)
}

/// Headers that keep pages out of frames and caches, and scripts out entirely.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if !request.url.path.hasPrefix("/assets/") {
            // Children's records must not linger in shared browser caches.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
