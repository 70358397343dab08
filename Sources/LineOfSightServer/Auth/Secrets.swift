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
        sha256Hex(token)
    }

    /// The SHA-256 of `text`'s UTF-8, in lower-case hex. Every signed-in request hashes its session
    /// token and every derivation its obligations: written out by hand, as `String(format:)` for
    /// each byte cost more than the hash.
    static func sha256Hex(_ text: String) -> String {
        sha256Hex(Array(text.utf8))
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
