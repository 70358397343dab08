import Crypto
import Foundation

/// The random tokens the service hands out (sessions, API tokens, the CSRF token before sign-in)
/// and the one hash they are stored under, so no token is ever kept as it was issued.
enum Secrets {
    /// 256 random bits, URL-safe: 43 characters.
    static func randomToken() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
