/// GOV.UK error summary: the first thing in the main column when a form has errors; each message links
/// to its field.
func errorSummary(_ errors: FieldErrors) -> Node {
    guard !errors.isEmpty else { return .empty }
    return el("div", .class("govuk-error-summary"), Attribute("data-module", "govuk-error-summary")) {
        el("div", .attribute("role", "alert")) {
            el("h2", .class("govuk-error-summary__title")) { "There is a problem" }
            el("div", .class("govuk-error-summary__body")) {
                el("ul", .class("govuk-list govuk-error-summary__list")) {
                    for entry in errors.entries {
                        el("li") { el("a", .href("#" + entry.field)) { entry.message } }
                    }
                }
            }
        }
    }
}

/// A single page-level message that is not about one field (a failed sign-in, for instance).
func errorSummary(message: String) -> Node {
    el("div", .class("govuk-error-summary"), .attribute("tabindex", "-1")) {
        el("div", .attribute("role", "alert")) {
            el("h2", .class("govuk-error-summary__title")) { "There is a problem" }
            el("div", .class("govuk-error-summary__body")) { el("p", .class("govuk-body")) { message } }
        }
    }
}

extension Attribute {
    static func attribute(_ name: String, _ value: String) -> Attribute { Attribute(name, value) }
}
