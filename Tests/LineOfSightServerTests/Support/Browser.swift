import Foundation
@testable import LineOfSightServer
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// A signed-in (or anonymous) visitor: keeps the session cookie and the CSRF token, as a browser would.
struct Visitor {
    let app: Application
    var cookie: String?
    var csrfToken: String?

    init(_ app: Application) { self.app = app }

    static func signedIn(_ app: Application, as username: String, password: String = DemoAuthority.password) async throws -> Visitor {
        var visitor = Visitor(app)
        let response = try await visitor.signIn(username, password: password)
        #expect(response.status == .seeOther, "sign-in as \(username) failed: \(response.status)")
        _ = try await visitor.get("/")
        return visitor
    }

    mutating func signIn(_ username: String, password: String) async throws -> TestingHTTPResponse {
        _ = try await get("/sign-in")
        return try await post("/sign-in", ["username": username, "password": password])
    }

    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form with the session's CSRF token unless `csrf` is false.
    mutating func post(_ path: String, _ fields: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = fields
        if csrf, let csrfToken { fields["csrf-token"] = csrfToken }
        return try await send(.POST, path, headers: [:], body: fields)
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: [String: String]?) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        let cookie = self.cookie
        try await app.testing().test(method, path, beforeRequest: { req in
            req.headers.add(contentsOf: headers)
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: "lineofsight-session=\(cookie)") }
            if let body { try req.content.encode(body, as: .urlEncodedForm) }
        }, afterResponse: { res in
            captured = res
        })
        let response = captured!
        if let setCookie = response.headers.setCookie?["lineofsight-session"] {
            self.cookie = setCookie.expires.map { $0 < Date() } == true ? nil : setCookie.string
        }
        if let token = Self.csrfToken(in: response.body.string) { csrfToken = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf-token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
}
