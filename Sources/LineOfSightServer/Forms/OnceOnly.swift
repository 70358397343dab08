import Fluent
import SQLKit
import Vapor

/// A form is saved at most once. Every form carries a fresh id (`postForm` writes it); the
/// transaction that saves the form records that id with the page its user is sent to next, so a
/// second submission of the same form — a double click, a resend after a slow answer, the back
/// button — saves nothing and is sent to that page with a message. Between two submissions sent at
/// once the database's unique key decides: the second waits for the first's transaction and finds
/// its row.
enum OnceOnly {
    static let fieldName = "form-id"
    static let table = "form_submissions"
    /// A form's id matters only while the page that carried it can still be sent (its session's
    /// CSRF token is still good): a week is well beyond that.
    static let kept: TimeInterval = 7 * 24 * 3600

    /// The id of the form being sent. Only an id `postForm` could have written counts: an API call
    /// or a hand-made post has none and is not checked.
    static func formID(of req: Request) -> UUID? {
        guard CSRF.isStateChanging(req.method), !req.isAPI else { return nil }
        return req.form[OnceOnly.fieldName].flatMap(UUID.init(text:))
    }

    /// Where the first submission of this form was sent, if it was saved.
    static func savedLocation(of formID: UUID, by userID: UUID, on db: any SQLDatabase) async throws -> String? {
        try await db.select().column("location").from(table)
            .where("user_id", .equal, SQLBind(userID)).where("form_id", .equal, SQLBind(formID))
            .first(decodingColumn: "location", as: String.self)
    }

    static func purge(before time: Date, on db: any SQLDatabase) async throws {
        try await db.delete(from: table).where("saved_at", .lessThan, SQLBind(time)).run()
    }
}

/// The form being saved was saved before: the change that found this out is rolled back.
struct AlreadySaved: Error {}

extension Request {
    /// Records, in the transaction that saves this form, that it was saved and leads to `location`;
    /// throws `AlreadySaved` when it had been. Nothing to do for a request without a form id.
    func claimForm(leadingTo location: SiteURL, on db: any Database) async throws {
        guard let formID = OnceOnly.formID(of: self), let userID = principal?.userID else { return }
        let claimed = try await db.sql.insert(into: OnceOnly.table)
            .columns("user_id", "form_id", "location", "saved_at")
            .values(SQLBind(userID), SQLBind(formID), SQLBind(location.path), SQLBind(now))
            .ignoringConflicts(with: ["user_id", "form_id"])
            .returning("form_id")
            .first()
        guard claimed != nil else { throw AlreadySaved() }
    }
}

/// Answers a form sent again after it was saved by sending its user where the first submission
/// went, before the handler runs (the usual case) or when the handler's transaction finds the
/// first one's row (two sent at once).
struct OnceOnlyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let formID = OnceOnly.formID(of: request), let userID = request.principal?.userID else {
            return try await next.respond(to: request)
        }
        if let location = try await OnceOnly.savedLocation(of: formID, by: userID, on: request.sql) {
            return alreadySaved(request, location: location)
        }
        do {
            return try await next.respond(to: request)
        } catch is AlreadySaved {
            guard let location = try await OnceOnly.savedLocation(of: formID, by: userID, on: request.sql) else { throw Abort(.conflict) }
            return alreadySaved(request, location: location)
        }
    }

    private func alreadySaved(_ request: Request, location: String) -> Response {
        request.flash("This form had already been saved, so it was not saved again. Check the record and correct it if something is missing.")
        return request.redirect(to: location)
    }
}
