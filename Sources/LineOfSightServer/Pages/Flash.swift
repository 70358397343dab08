import Vapor

/// A one-time message shown on the next page (after a redirect), kept in the session.
extension Request {
    private static let flashKey = "flash"

    func flash(_ message: String) {
        session.data[Self.flashKey] = message
    }

    func takeFlash() -> String? {
        guard hasSession, let message = session.data[Self.flashKey] else { return nil }
        session.data[Self.flashKey] = nil
        return message
    }

    /// The submitted form as plain fields (every form here posts text fields only).
    func formFields() -> [String: String] {
        (try? content.decode([String: String].self)) ?? [:]
    }
}
