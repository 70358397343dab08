import Vapor

/// Which roles may use a route. Every route declares one; `RouteAccessMiddleware` refuses any route
/// that does not (fail closed), and a test walks `app.routes.all` to check every role against every route.
enum RouteAccess: Sendable, Equatable {
    /// Open to anyone, signed in or not (sign-in page, health, stylesheet).
    case anyone
    case roles(Set<Role>)

    static let userInfoKey = "lineofsight.access"

    func allows(_ role: Role?) -> Bool {
        switch self {
        case .anyone: true
        case let .roles(roles): role.map(roles.contains) ?? false
        }
    }
}

extension Route {
    @discardableResult
    func access(_ access: RouteAccess) -> Route {
        userInfo[RouteAccess.userInfoKey] = access
        return self
    }

    @discardableResult
    func allow(_ roles: Set<Role>) -> Route { access(.roles(roles)) }

    @discardableResult
    func allow(_ roles: Role...) -> Route { access(.roles(Set(roles))) }

    var declaredAccess: RouteAccess? { userInfo[RouteAccess.userInfoKey] as? RouteAccess }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}

struct RouteAccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.declaredAccess else {
            request.logger.critical("Route \(route.method) \(route.path.string) declares no access; refusing")
            throw Abort(.forbidden)
        }
        if access.allows(request.principal?.role) { return try await next.respond(to: request) }
        if request.principal == nil {
            if request.isAPI { throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"]) }
            let next = request.method == .GET ? request.url.string : "/"
            return request.redirect(to: SiteURL.signIn.path(query: [("next", next)]))
        }
        throw Abort(.forbidden, reason: "Your role does not allow you to use this page.")
    }
}
