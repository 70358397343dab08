import Foundation

/// GOV.UK form field patterns. Each field shows its label, optional hint and its error message next to
/// it; ids follow the convention `field`, `field-hint`, `field-error` so the error summary can link.
struct TextField {
    var id: String
    var label: String
    var value: String = ""
    var hint: String? = nil
    var error: String? = nil
    var type: String = "text"
    var width: String? = nil
    var autocomplete: String? = nil
    var spellcheck: Bool? = nil
    var inputmode: String? = nil

    var node: Node {
        // Saved forms keep every field but those whose names end in "password" (see `SavedForms`).
        precondition(type != "password" || id.hasSuffix("password"), "a password field's id must end in \"password\"")
        var attributes: [Attribute] = [
            .class("govuk-input" + (width.map { " govuk-input--width-\($0)" } ?? "") + (error == nil ? "" : " govuk-input--error")),
            .id(id), .name(id), .type(type), .value(value),
        ]
        if let describedBy = describedBy(id: id, hint: hint, error: error) { attributes.append(.aria("describedby", describedBy)) }
        if let autocomplete { attributes.append(.attribute("autocomplete", autocomplete)) }
        if let spellcheck { attributes.append(.attribute("spellcheck", spellcheck ? "true" : "false")) }
        if let inputmode { attributes.append(.attribute("inputmode", inputmode)) }
        return formGroup(error: error) {
            el("label", .class("govuk-label"), .for(id)) { label }
            hintNode(id: id, hint)
            errorMessage(id: id, error)
            Node.void("input", attributes)
        }
    }
}

struct SelectField {
    var id: String
    var label: String
    var options: [(value: String, label: String)]
    var selected: String = ""
    var hint: String? = nil
    var error: String? = nil

    var node: Node {
        var attributes: [Attribute] = [.class("govuk-select" + (error == nil ? "" : " govuk-select--error")), .id(id), .name(id)]
        if let describedBy = describedBy(id: id, hint: hint, error: error) { attributes.append(.aria("describedby", describedBy)) }
        return formGroup(error: error) {
            el("label", .class("govuk-label"), .for(id)) { label }
            hintNode(id: id, hint)
            errorMessage(id: id, error)
            el("select", attributes: attributes) {
                for option in options {
                    el("option", attributes: [.value(option.value)] + (option.value == selected ? [.flag("selected")] : [])) { option.label }
                }
            }
        }
    }
}

/// The GOV.UK date input: three text fields in a fieldset. The first field carries the group id so the
/// error summary link lands on it.
struct DateField {
    var id: String
    var legend: String
    var value: DateParts
    var hint: String? = "For example, 27 3 2015"
    var error: String? = nil

    var node: Node {
        formGroup(error: error) {
            el("fieldset", attributes: [.class("govuk-fieldset"), .attribute("role", "group")]
                + (describedBy(id: id, hint: hint, error: error).map { [.aria("describedby", $0)] } ?? [])) {
                el("legend", .class("govuk-fieldset__legend govuk-fieldset__legend--s")) { legend }
                hintNode(id: id, hint)
                errorMessage(id: id, error)
                el("div", .class("govuk-date-input"), .id(id)) {
                    part("day", "Day", value.day, width: 2)
                    part("month", "Month", value.month, width: 2)
                    part("year", "Year", value.year, width: 4)
                }
            }
        }
    }

    private func part(_ suffix: String, _ label: String, _ text: String, width: Int) -> Node {
        let fieldID = "\(id)-\(suffix)"
        return el("div", .class("govuk-date-input__item")) {
            el("div", .class("govuk-form-group")) {
                el("label", .class("govuk-label govuk-date-input__label"), .for(fieldID)) { label }
                Node.void("input", [
                    .class("govuk-input govuk-date-input__input govuk-input--width-\(width)" + (error == nil ? "" : " govuk-input--error")),
                    .id(fieldID), .name(fieldID), .type("text"), .attribute("inputmode", "numeric"), .value(text),
                ])
            }
        }
    }
}

struct CheckboxField {
    var id: String
    var label: String
    var checked: Bool
    var hint: String? = nil

    var node: Node {
        el("div", .class("govuk-form-group")) {
            el("div", .class("govuk-checkboxes govuk-checkboxes--small")) {
                el("div", .class("govuk-checkboxes__item")) {
                    Node.void("input", [.class("govuk-checkboxes__input"), .id(id), .name(id), .type("checkbox"), .value("yes")] + (checked ? [.flag("checked")] : []))
                    el("label", .class("govuk-label govuk-checkboxes__label"), .for(id)) { label }
                    hintNode(id: id, hint)
                }
            }
        }
    }
}

/// The ids of a field's hint and error message, for `aria-describedby`; nil when it has neither.
func describedBy(id: String, hint: String?, error: String?) -> String? {
    let ids = [hint == nil ? nil : id + "-hint", error == nil ? nil : id + "-error"].compactMap { $0 }
    return ids.isEmpty ? nil : ids.joined(separator: " ")
}

func formGroup(error: String?, @NodeBuilder _ content: () -> [Node]) -> Node {
    el("div", .class("govuk-form-group" + (error == nil ? "" : " govuk-form-group--error"))) { content() }
}

func hintNode(id: String, _ hint: String?) -> Node {
    guard let hint else { return .empty }
    return el("div", .class("govuk-hint"), .id(id + "-hint")) { hint }
}

func errorMessage(id: String, _ error: String?) -> Node {
    guard let error else { return .empty }
    return el("p", .class("govuk-error-message"), .id(id + "-error")) {
        el("span", .class("govuk-visually-hidden")) { "Error: " }
        error
    }
}

func button(_ text: String, secondary: Bool = false) -> Node {
    el("button", .type("submit"), .class("govuk-button" + (secondary ? " govuk-button--secondary" : "")), .attribute("data-module", "govuk-button")) { text }
}

/// Every state-changing form posts its CSRF token; the CSRF middleware checks it.
func postForm(action: SiteURL, csrfToken: String, novalidate: Bool = true, @NodeBuilder _ content: () -> [Node]) -> Node {
    el("form", attributes: [.attribute("method", "post"), .attribute("action", action.path)] + (novalidate ? [.flag("novalidate")] : [])) {
        Node.void("input", [.type("hidden"), .name(CSRF.fieldName), .value(csrfToken)])
        Node.void("input", [.type("hidden"), .name(OnceOnly.fieldName), .value(UUID().text)])
        content()
    }
}
