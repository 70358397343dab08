import Vapor

/// What every page needs besides its content: who is signed in (for the header and navigation) and the
/// CSRF token for the sign-out form.
struct PageContext: Sendable {
    let principal: Principal?
    let csrfToken: String
    let currentPath: String

    init(_ req: Request) {
        principal = req.principal
        csrfToken = CSRF.token(for: req)
        currentPath = req.url.path
    }
}

struct NavigationItem {
    let title: String
    let url: SiteURL
    let roles: Set<Role>
    /// Other pages of the same section, shown as under this item.
    var section: [SiteURL] = []

    /// Whether the page at `path` is this item's (or under it), so the menu marks it current.
    func isCurrent(_ path: String) -> Bool {
        ([url] + section).contains { url in
            let href = url.path
            return href == "/" ? path == "/" : path == href || path.hasPrefix(href + "/")
        }
    }

    static let all: [NavigationItem] = [
        .init(title: "Home", url: .home, roles: Role.all),
        .init(title: "My work", url: .myWork, roles: Role.caseResponsible),
        .init(title: "Children", url: .children, roles: Role.childReaders),
        .init(title: "Children in care", url: .childrenInCare, roles: Role.childReaders, section: [.permanence, .adoption, .preProceedings, .proceedings, .reviewsDue, .missingEpisodes, .careLeavers]),
        .init(title: "Transfers", url: .transfers, roles: Role.childReaders, section: [.transferReview]),
        .init(title: "Teams", url: .teams, roles: Role.workforceReaders),
        .init(title: "Staff", url: .staff, roles: Role.workforceReaders),
        .init(title: "Supervision", url: .supervision, roles: Role.supervisionUsers),
        .init(title: "Caseloads", url: .workforce, roles: Role.workforceLeaders),
        .init(title: "Returns", url: .checkReturn, roles: Role.returnAnalysts),
        .init(title: "Users", url: .users, roles: [.admin]),
        .init(title: "Access grants", url: .grants, roles: [.admin]),
        .init(title: "Access history", url: .accessHistory, roles: [.admin]),
        .init(title: "API tokens", url: .accountTokens, roles: Role.apiUsers),
    ]
}

enum Layout {
    static let serviceName = "LineOfSight"

    /// A page of the service. A `printable` page has no navigation, account links or footer: it is
    /// for handing to a meeting. A page given `refreshEvery` seconds reloads itself that often
    /// without JavaScript (a status page while its work runs): it must say so and offer a way to
    /// stop it (WCAG 2.2.1).
    static func page(title: String, context: PageContext, status: HTTPStatus = .ok, hasErrors: Bool = false, backLink: SiteURL? = nil,
                     printable: Bool = false, refreshEvery: Int? = nil, @NodeBuilder _ content: () -> [Node]) -> Response {
        let body = document(title: title, context: context, hasErrors: hasErrors, backLink: backLink, printable: printable,
                            refreshEvery: refreshEvery, content: content())
        let response = Response(status: status, body: .init(buffer: body))
        response.headers.contentType = .html
        return response
    }

    /// A page holding one form, in the GOV.UK pattern: two thirds wide, the error summary above the
    /// heading, and "unprocessable" (422) while it shows problems.
    static func formPage(title: String, caption: String? = nil, context: PageContext, errors: FieldErrors, backLink: SiteURL?,
                         @NodeBuilder _ content: () -> [Node]) -> Response {
        page(title: title, context: context, status: errors.isEmpty ? .ok : .unprocessableEntity, hasErrors: !errors.isEmpty, backLink: backLink) {
            el("div", .class("govuk-grid-row")) {
                el("div", .class("govuk-grid-column-two-thirds")) {
                    errorSummary(errors)
                    heading(title, caption: caption)
                    content()
                }
            }
        }
    }

    static func document(title: String, context: PageContext, hasErrors: Bool = false, backLink: SiteURL? = nil, printable: Bool = false,
                         refreshEvery: Int? = nil, content: [Node]) -> ByteBuffer {
        let fullTitle = (hasErrors ? "Error: " : "") + title + " – " + serviceName
        let html = el("html", .attribute("lang", "en-GB"), .class("govuk-template")) {
            el("head") {
                Node.void("meta", [.attribute("charset", "utf-8")])
                el("title") { fullTitle }
                if let refreshEvery { Node.void("meta", [.attribute("http-equiv", "refresh"), .attribute("content", String(refreshEvery))]) }
                Node.void("meta", [.name("viewport"), .attribute("content", "width=device-width, initial-scale=1")])
                Node.void("link", [.attribute("rel", "stylesheet"), .href(Assets.stylesheetPath)])
            }
            el("body", .class("govuk-template__body")) {
                el("a", .href("#main-content"), .class("govuk-skip-link")) { "Skip to main content" }
                if printable {
                    el("header", .class("app-print-header")) { el("div", .class("govuk-width-container")) { serviceName } }
                } else {
                    header(context)
                }
                el("div", .class("govuk-width-container")) {
                    if let backLink { el("a", .href(backLink), .class("govuk-back-link app-no-print")) { "Back" } }
                    el("main", .class("govuk-main-wrapper"), .id("main-content")) { content }
                }
                if !printable { footer() }
            }
        }
        // Room for a page of fifty children (about 40 KB) made once.
        var out = HTMLBytes(capacity: 64 * 1024)
        out.append("<!DOCTYPE html>\n" as StaticString)
        html.render(into: &out)
        return ByteBuffer(bytes: out.bytes)
    }

    private static func header(_ context: PageContext) -> Node {
        el("header", .class("app-header")) {
            el("div", .class("govuk-width-container app-header__container")) {
                el("a", .href(SiteURL.home), .class("app-header__service-name")) { serviceName }
                if let principal = context.principal {
                    el("div", .class("app-header__account")) {
                        el("span", .class("app-header__user")) {
                            principal.displayName
                            el("span", .class("app-header__role")) { " (" + principal.role.title + ")" }
                        }
                        postForm(action: .signOut, csrfToken: context.csrfToken) {
                            el("button", .type("submit"), .class("app-header__sign-out")) { "Sign out" }
                        }
                    }
                }
            }
            if let principal = context.principal {
                el("nav", .class("app-navigation"), .aria("label", "Menu")) {
                    el("ul", .class("govuk-width-container app-navigation__list")) {
                        for item in NavigationItem.all where item.roles.contains(principal.role) {
                            let href = item.url.path
                            let current = item.isCurrent(context.currentPath)
                            el("li", .class("app-navigation__item" + (current ? " app-navigation__item--active" : ""))) {
                                el("a", attributes: [.class("app-navigation__link"), .href(href)] + (current ? [.aria("current", "page")] : [])) { item.title }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func footer() -> Node {
        el("footer", .class("govuk-footer")) {
            el("div", .class("govuk-width-container")) {
                paragraph("LineOfSight: open software for children's services. Children's records are special category personal data; every view and change is recorded.", "govuk-body-s")
            }
        }
    }
}
