import Foundation
@testable import LineOfSightServer
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// A signed-in (or anonymous) visitor: keeps its cookies and the CSRF token of the last page, as a
/// browser would.
struct Visitor {
    let app: Application
    var cookies: [String: String] = [:]
    var csrfToken: String?
    /// The hidden fields of each form on the last page, by action: posted back as a browser would
    /// (the version a form was opened at, for instance).
    var hiddenFields: [String: [String: String]] = [:]

    /// The session cookie, if signed in.
    var cookie: String? {
        get { cookies["lineofsight-session"] }
        set { cookies["lineofsight-session"] = newValue }
    }

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

    /// `count` copies of this visitor, each having opened `path` itself, so each holds its own form
    /// (several people, or tabs, about to save at once); one form sent several times is saved once.
    func opening(_ path: String, _ count: Int) async throws -> [Visitor] {
        var copies: [Visitor] = []
        for _ in 0..<count {
            var copy = self
            _ = try await copy.get(path)
            copies.append(copy)
        }
        return copies
    }

    /// Posts a form with the session's CSRF token unless `csrf` is false.
    mutating func post(_ path: String, _ fields: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = (hiddenFields[path] ?? [:]).merging(fields) { _, given in given }
        fields["csrf-token"] = nil
        if csrf, let csrfToken { fields["csrf-token"] = csrfToken }
        return try await send(.POST, path, headers: [:], body: fields)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: [String: String]?) async throws -> TestingHTTPResponse {
        try await perform(method, path) { req in
            req.headers.add(contentsOf: headers)
            if let body { try req.content.encode(body, as: .urlEncodedForm) }
        }
    }

    /// Sends an already-encoded form body, byte for byte (for what a browser would never send).
    mutating func sendRaw(_ method: HTTPMethod, _ path: String, body: String) async throws -> TestingHTTPResponse {
        try await perform(method, path) { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }
    }

    /// One request with this visitor's cookies, remembering what the response sets.
    mutating func perform(_ method: HTTPMethod, _ path: String,
                                  prepare: @escaping (inout TestingHTTPRequest) throws -> Void) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        let cookieHeader = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        try await app.testing().test(method, path, beforeRequest: { req in
            try prepare(&req)
            if !cookieHeader.isEmpty { req.headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        }, afterResponse: { res in
            captured = res
        })
        let response = captured!
        remember(response)
        return response
    }

    /// Takes in the response's cookies and CSRF token, as a browser would.
    mutating func remember(_ response: TestingHTTPResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            let expired = value.maxAge == 0 || value.expires.map { $0 < Date() } == true || value.string.isEmpty
            cookies[name] = expired ? nil : value.string
        }
        let html = response.body.string
        if let token = Self.csrfToken(in: html) { csrfToken = token }
        if response.headers.contentType == .html { hiddenFields = Self.hiddenFields(in: html) }
    }

    static func hiddenFields(in html: String) -> [String: [String: String]] {
        var forms: [String: [String: String]] = [:]
        for form in html.components(separatedBy: "<form").dropFirst() {
            guard let action = attribute("action", in: form.prefix { $0 != ">" }) else { continue }
            let body = form.components(separatedBy: "</form>").first ?? ""
            for input in body.components(separatedBy: "<input").dropFirst() {
                let tag = input.prefix { $0 != ">" }
                guard attribute("type", in: tag) == "hidden", let name = attribute("name", in: tag) else { continue }
                forms[action, default: [:]][name] = attribute("value", in: tag) ?? ""
            }
        }
        return forms
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"") }
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

extension Visitor {
    /// The form at `path` opened in several tabs of this session, then each tab's form posted at
    /// once with its body: the statuses, in the order they finished.
    func postAtOnce(_ path: String, _ bodies: [[String: String]]) async throws -> [HTTPStatus] {
        let tabs = try await opening(path, bodies.count)
        return try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for (body, tab) in zip(bodies, tabs) {
                var visitor = tab
                group.addTask { try await visitor.post(path, body).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
