import Crypto
import Foundation
import Vapor

/// Synchroniser-token CSRF protection: every state-changing form posts a token (or a script using the
/// session sends it as `X-CSRF-Token`). A signed-in person's token is derived from their session
/// token, so it is never stored; before sign-in it is a random value kept in a cookie and repeated in
/// the form (double submit). API requests with a bearer token carry no cookies, so cannot be forged
/// cross-site, and are exempt.
enum CSRF {
    static let fieldName = "csrf-token"
    static let headerName = "X-CSRF-Token"
    static let anonymousCookieName = "lineofsight-csrf"

    static func token(for req: Request) -> String {
        if let session = req.currentSession { return derived(fromSession: session.token) }
        if let token = req.cookies[anonymousCookieName]?.string, token.count == 43 { return token }
        let token = Secrets.randomToken()
        req.setCookie(anonymousCookieName, to: token)
        return token
    }

    private static func derived(fromSession token: String) -> String {
        Data(SHA256.hash(data: Data(("lineofsight-csrf:" + token).utf8))).base64URLEncoded
    }

    /// Whether the request carries the token of its session (or of its anonymous cookie); compared in
    /// constant time.
    static func isValid(_ req: Request) -> Bool {
        let expected = req.currentSession.map { derived(fromSession: $0.token) } ?? req.cookies[anonymousCookieName]?.string
        guard let expected, expected.count == 43,
              let sent = req.headers.first(name: headerName) ?? req.form[fieldName]
        else { return false }
        return Data(sent.utf8).constantTimeEquals(Data(expected.utf8))
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A token-signed API call has no cookie to forge; an API call signed in by nothing at all is
        // answered 401 by the route's access check, which says what is missing.
        let anonymousAPICall = request.isAPI && request.principal == nil
        if CSRF.isStateChanging(request.method), request.principal?.tokenID == nil, !anonymousAPICall, !CSRF.isValid(request) {
            throw Abort(.forbidden, reason: "This form has expired or did not come from LineOfSight. Go back, reload the page and try again.")
        }
        return try await next.respond(to: request)
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func constantTimeEquals(_ other: Data) -> Bool {
        guard count == other.count else { return false }
        return zip(self, other).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
