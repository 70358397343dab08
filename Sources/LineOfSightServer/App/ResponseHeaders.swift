import Vapor

/// The headers every response carries: security headers, `no-store` on anything that may hold
/// personal data, and the cookies the request decided to set or clear (a session started or ended, a
/// one-time message). It sits outside the error pages, so error responses get them too.
struct ResponseHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.usesSecureCookies {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if !request.url.path.hasPrefix("/assets/") {
            // Children's records must not linger in shared browser caches.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        for (name, value) in request.pendingCookies { response.cookies[name] = value }
        return response
    }
}

extension Request {
    private struct PendingCookiesKey: StorageKey { typealias Value = [String: HTTPCookies.Value] }

    fileprivate var pendingCookies: [String: HTTPCookies.Value] {
        get { storage[PendingCookiesKey.self] ?? [:] }
        set { storage[PendingCookiesKey.self] = newValue }
    }

    /// Cookies are HttpOnly, SameSite=Lax, for the whole site, and Secure unless configured otherwise
    /// (see `usesSecureCookies`). `maxAge` nil makes a cookie last as long as the browser session.
    func setCookie(_ name: String, to value: String, maxAge: Int? = nil, path: String = "/") {
        pendingCookies[name] = HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: path,
                                                 isSecure: usesSecureCookies, isHTTPOnly: true, sameSite: .lax)
        cookies[name] = HTTPCookies.Value(string: value)
    }

    func clearCookie(_ name: String, path: String = "/") {
        pendingCookies[name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: path,
                                                 isSecure: usesSecureCookies, isHTTPOnly: true, sameSite: .lax)
        cookies[name] = nil
    }

    /// Whether cookies are marked Secure (sent over HTTPS only). Configured with
    /// `LINEOFSIGHT_SECURE_COOKIES`; by default they are, except when the site is reached by a
    /// loopback name (a developer's own machine, where there is no TLS). Behind a reverse proxy
    /// they always are: a proxy on the same machine forwards to a loopback address, but people
    /// reach the site through it over HTTPS.
    var usesSecureCookies: Bool {
        switch application.settings.secureCookies {
        case .always: true
        case .never: false
        case .exceptOnLoopback: application.settings.behindProxy || !Self.isLoopback(host: headers.first(name: .host) ?? "")
        }
    }

    static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        return octets.count == 4 && octets.allSatisfy { $0 != nil } && octets[0] == 127
    }
}
