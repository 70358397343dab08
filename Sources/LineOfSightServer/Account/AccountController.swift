import Fluent
import Vapor

/// A person's own API tokens: issued by the person who will use them (so the audit trail's name is
/// theirs), with a scope and a lifetime, and revocable by them or an administrator.
struct AccountController {
    /// The new token travels to the page that shows it in a cookie for that page alone, never in the
    /// database; the page is reached by redirect, so a reload cannot issue a second token.
    static let newTokenCookie = "lineofsight-new-token"
    static let path = SiteURL.accountTokens.path

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.accountTokens, use: tokens).allow(Role.apiUsers)
        routes.post(SiteURL.accountTokens, use: issue).allow(Role.apiUsers)
        routes.post(SiteURL.revokeAccountToken(.key), use: revoke).allow(Role.apiUsers)
    }

    func tokens(req: Request) async throws -> Response {
        let newToken = req.cookies[Self.newTokenCookie].map(\.string).flatMap { $0.hasPrefix(BearerTokens.prefix) ? $0 : nil }
        if req.cookies[Self.newTokenCookie] != nil { req.clearCookie(Self.newTokenCookie, path: Self.path) }
        let restored = try await SavedForms.take(req)
        return try await page(req, form: restored.map(TokenForm.init) ?? TokenForm(), newToken: newToken, flash: req.takeFlash(), errors: FieldErrors())
    }

    func issue(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = TokenForm(req.form)
        switch form.validate() {
        case let .failure(errors):
            return try await page(req, form: form, newToken: nil, flash: nil, errors: errors)
        case let .success(valid):
            let token = try await req.db.transaction { db in
                let issued = try await BearerTokens.issue(for: principal.userID, name: valid.name, scope: valid.scope, lifetimeDays: valid.days, now: req.now, on: db)
                try await req.audit(.create, entity: "api_token", entityID: issued.record.id, childID: nil,
                                    detail: "Issued themselves API token “\(valid.name)” (\(valid.scope.title.lowercased()), \(valid.days) days)", on: db)
                return issued.token
            }
            req.setCookie(Self.newTokenCookie, to: token, maxAge: 300, path: Self.path)
            return req.redirect(to: .accountTokens)
        }
    }

    func revoke(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("tokenID", as: UUID.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == principal.userID).first()
        else { throw Abort(.notFound) }
        try await TokenPages.revoke(token, by: req)
        return req.redirect(to: .accountTokens)
    }

    private func page(_ req: Request, form: TokenForm, newToken: String?, flash: String?, errors: FieldErrors) async throws -> Response {
        let principal = try req.requirePrincipal()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == principal.userID).sort(\.$createdAt, .descending).all()
        let context = PageContext(req)
        return Layout.page(title: "Your API tokens", context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty) {
            errorSummary(errors)
            if let flash { successBanner(flash) }
            if let newToken {
                el("div", .class("govuk-notification-banner govuk-notification-banner--success"), .attribute("role", "alert"), .aria("labelledby", "token-title")) {
                    el("div", .class("govuk-notification-banner__header")) { el("h2", .class("govuk-notification-banner__title"), .id("token-title")) { "Token issued" } }
                    el("div", .class("govuk-notification-banner__content")) {
                        paragraph("Copy this token now. It will not be shown again:")
                        el("p", .class("govuk-body")) { el("code", .class("app-token"), .id("new-token")) { newToken } }
                    }
                }
            }
            heading("Your API tokens")
            paragraph("A token lets a script or another system use the LineOfSight API as you, and only the API. Everything done with it is recorded in your name, with the token. Keep it secret, and revoke it when it is no longer needed.")
            if tokens.isEmpty {
                paragraph("You have no API tokens.")
            } else {
                TokenPages.tokenTable(tokens, context: context, now: req.now) { .revokeAccountToken($0) }
            }
            el("h2", .class("govuk-heading-m")) { "Issue a token" }
            postForm(action: .accountTokens, csrfToken: context.csrfToken) {
                let values = form.values
                TextField(TokenForm.Field.name, in: values, errors: errors, label: "Name of the token", hint: "The system or script that will use it", width: "20").node
                SelectField(TokenForm.Field.scope, in: values, errors: errors, label: "What it may do", options: TokenScope.allCases.map { ($0.rawValue, $0.title) }).node
                SelectField(TokenForm.Field.days, in: values, errors: errors, label: "Expires after", options: BearerTokens.lifetimes.map { (String($0), "\($0) days") }).node
                button("Issue token")
            }
        }
    }
}

/// Issuing oneself an API token.
struct TokenForm: EntryForm {
    enum Field: String, FieldID {
        case name = "token-name", scope = "token-scope", days = "token-days"
    }

    var values: FormValues<Field>

    init(values: FormValues<Field>) {
        self.values = values
    }

    init() {
        values = FormValues()
        values[.scope] = TokenScope.read.rawValue
        values[.days] = String(BearerTokens.defaultLifetimeDays)
    }

    struct Valid {
        let name: String
        let scope: TokenScope
        let days: Int
    }

    func validate() -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let name = check.text(.name, name: "Name of the token", required: "Enter a name for the token, such as the system that will use it")
        let scope = check.choice(.scope, as: TokenScope.self, message: "Select what the token may do")
        let days = Int(values[.days]).flatMap { BearerTokens.lifetimes.contains($0) ? $0 : nil }
        if days == nil { check.fail(.days, "Select when the token expires") }
        return check.result {
            guard let name, let scope, let days else { return nil }
            return Valid(name: name, scope: scope, days: days)
        }
    }
}

/// The table of tokens and their revocation, for a person's own page and the administrator's.
enum TokenPages {
    static func tokenTable(_ tokens: [APIToken], context: PageContext, now: Date, revokeAction: (Parameter<UUID>) -> SiteURL) -> Node {
        table(caption: "API tokens", captionVisible: false, columns: [
            .init(header: "Name"), .init(header: "May"), .init(header: "Issued"), .init(header: "Expires"), .init(header: "Last used"), .init(header: "Status"),
        ], rows: tokens.map { token in
            let live = token.revokedAt == nil && (token.expiresAt.map { $0 > now } ?? false)
            return [
                .text(token.name),
                .text(token.scope.title),
                .text(token.createdAt.map(UserPages.timestamp) ?? ""),
                .text(token.expiresAt.map(UserPages.timestamp) ?? "Expired"),
                .text(token.lastUsedAt.map(UserPages.timestamp) ?? "Never"),
                live
                    ? postForm(action: revokeAction(token.parameter), csrfToken: context.csrfToken) {
                        el("button", .type("submit"), .class("govuk-button govuk-button--warning"), .aria("label", "Revoke token \(token.name)")) { "Revoke" }
                    }
                    : tag(token.revokedAt == nil ? "Expired" : "Revoked", .grey),
            ]
        })
    }

    static func revoke(_ token: APIToken, by req: Request) async throws {
        guard token.revokedAt == nil else { return req.flash("Token “\(token.name)” was already revoked") }
        token.revokedAt = req.now
        try await req.db.transaction { db in
            try await token.save(on: db)
            try await req.audit(.update, entity: "api_token", entityID: token.id, childID: nil, detail: "Revoked API token “\(token.name)”", on: db)
        }
        req.flash("Token “\(token.name)” revoked")
    }
}
