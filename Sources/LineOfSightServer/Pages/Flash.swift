import Foundation
import Vapor

/// A one-time message shown on the next page after a redirect ("Child added"). It travels in a
/// short-lived cookie rather than the database: it is the user's own confirmation, holds no record,
/// and costs no write.
extension Request {
    private static let flashCookie = "lineofsight-flash"

    func flash(_ message: String) {
        setCookie(Self.flashCookie, to: Data(message.utf8).base64URLEncoded, maxAge: 60)
    }

    func takeFlash() -> String? {
        guard let value = cookies[Self.flashCookie]?.string, !value.isEmpty else { return nil }
        clearCookie(Self.flashCookie)
        var base64 = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }
    }
}
