import Fluent
import Foundation
import Vapor

/// Forms submitted after an idle timeout. Kept server-side, for the same user only, for an hour; the
/// form page restores them after the user signs in again. Secrets are never kept: no password field
/// (every password field's name ends in "password", which `TextField` enforces), no CSRF token, and
/// nothing posted to a path that has no form page to restore it on.
enum SavedForms {
    static let lifetime: TimeInterval = 60 * 60

    static func isKept(field name: String) -> Bool {
        name != CSRF.fieldName && !name.hasSuffix("password")
    }

    static func save(_ request: Request, userID: UUID, path: String, now: Date) async throws {
        guard hasFormPage(path, in: request.application) else { return }
        let kept = request.form.firstValues.filter { isKept(field: $0.key) }
        let json = String(decoding: try JSONEncoder().encode(kept), as: UTF8.self)
        try await SavedForm.query(on: request.db).filter(\.$user.$id == userID).filter(\.$path == path).delete()
        try await SavedForm(userID: userID, path: path, fields: json, savedAt: now).save(on: request.db)
    }

    /// Whether a GET route matches the path, so a restored form has somewhere to appear.
    static func hasFormPage(_ path: String, in app: Application) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        return app.routes.all.contains { route in
            route.method == .GET && route.path.count == components.count && zip(route.path, components).allSatisfy { pattern, component in
                switch pattern {
                case let .constant(constant): constant == component
                case .parameter: true
                case .anything, .catchall: false
                }
            }
        }
    }

    /// The newest form the user lost within the last hour, to send them back to after signing in.
    static func pendingPath(for userID: UUID, on db: any Database, now: Date) async throws -> String? {
        try await SavedForm.query(on: db)
            .filter(\.$user.$id == userID)
            .filter(\.$savedAt >= now.addingTimeInterval(-lifetime))
            .sort(\.$savedAt, .descending)
            .first()?.path
    }

    /// Takes (and deletes) the saved fields for this user and path, if any are still fresh.
    static func take(_ request: Request) async throws -> FormInput? {
        let now = request.now
        guard let principal = request.principal else { return nil }
        let path = request.url.path
        let saved = try await SavedForm.query(on: request.db)
            .filter(\.$user.$id == principal.userID)
            .filter(\.$path == path)
            .sort(\.$savedAt, .descending)
            .all()
        guard let newest = saved.first else { return nil }
        try await SavedForm.query(on: request.db).filter(\.$user.$id == principal.userID).filter(\.$path == path).delete()
        guard now.timeIntervalSince(newest.savedAt) <= lifetime else { return nil }
        return FormInput(try JSONDecoder().decode([String: String].self, from: Data(newest.fields.utf8)))
    }

    static func discardExpired(on db: any Database, now: Date) async throws {
        try await SavedForm.query(on: db).filter(\.$savedAt < now.addingTimeInterval(-lifetime)).delete()
    }
}
