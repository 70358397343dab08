import Crypto
import Foundation
import Vapor

/// Synchroniser-token CSRF protection: one random token per session, posted back by every
/// state-changing form (or sent as `X-CSRF-Token` by scripts using the session). Bearer-token API
/// requests carry no cookies, so cannot be forged cross-site, and are exempt.
enum CSRF {
    static let fieldName = "csrf-token"
    static let headerName = "X-CSRF-Token"
    static let sessionKey = "csrf"

    static func token(for req: Request) -> String {
        if let token = req.session.data[sessionKey] { return token }
        let token = randomToken()
        req.session.data[sessionKey] = token
        return token
    }

    static func randomToken() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded
    }

    /// Whether the request carries the session's token; compared in constant time.
    static func isValid(_ req: Request) -> Bool {
        guard let expected = req.session.data[sessionKey] else { return false }
        let sent = req.headers.first(name: headerName) ?? (try? req.content.get(String.self, at: fieldName))
        guard let sent else { return false }
        return Data(sent.utf8).constantTimeEquals(Data(expected.utf8))
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if CSRF.isStateChanging(request.method), request.principal?.viaToken != true, !CSRF.isValid(request) {
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
