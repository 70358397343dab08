import Foundation
import Vapor

/// The stylesheet ships inside the binary's resource bundle, so the service needs no Public folder
/// or CDN; it is loaded once and served with a long cache lifetime behind a content hash.
enum Assets {
    static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "app", withExtension: "css"),
              let css = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("app.css is missing from the LineOfSightServer resource bundle") }
        return css
    }()

    static let stylesheetPath = "/assets/app-\(fingerprint(stylesheet)).css"

    /// FNV-1a: a stable short fingerprint, so a changed stylesheet gets a new URL.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
