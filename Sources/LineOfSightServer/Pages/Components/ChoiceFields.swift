/// GOV.UK radios, checkboxes and textarea, with the same id, hint and error conventions as the
/// other fields (`field`, `field-hint`, `field-error`). The first input of a group carries the
/// field's id, so the error summary's link lands on it.
struct RadiosField {
    struct Item {
        let value: String
        let label: String
        /// Questions that follow from this answer (a GOV.UK conditional reveal; shown without JavaScript).
        var conditional: [Node] = []
    }

    var id: String
    var legend: String
    var items: [Item]
    var selected: String = ""
    var hint: String? = nil
    var error: String? = nil
    var inline: Bool = false

    var node: Node {
        fieldset(id: id, legend: legend, hint: hint, error: error) {
            el("div", .class("govuk-radios" + (inline ? " govuk-radios--inline" : ""))) {
                for (index, item) in items.enumerated() {
                    let itemID = index == 0 ? id : "\(id)-\(index + 1)"
                    el("div", .class("govuk-radios__item")) {
                        Node.void("input", [.class("govuk-radios__input"), .id(itemID), .name(id), .type("radio"), .value(item.value)]
                            + (item.value == selected ? [.flag("checked")] : []))
                        el("label", .class("govuk-label govuk-radios__label"), .for(itemID)) { item.label }
                    }
                    if !item.conditional.isEmpty {
                        el("div", .class("govuk-radios__conditional"), .id("\(itemID)-conditional")) { item.conditional }
                    }
                }
            }
        }
    }
}

struct CheckboxesField {
    var id: String
    var legend: String
    var options: [(value: String, label: String)]
    var checked: [String]
    var hint: String? = nil
    var error: String? = nil

    var node: Node {
        fieldset(id: id, legend: legend, hint: hint, error: error) {
            el("div", .class("govuk-checkboxes")) {
                for (index, option) in options.enumerated() {
                    let itemID = index == 0 ? id : "\(id)-\(index + 1)"
                    el("div", .class("govuk-checkboxes__item")) {
                        Node.void("input", [.class("govuk-checkboxes__input"), .id(itemID), .name(id), .type("checkbox"), .value(option.value)]
                            + (checked.contains(option.value) ? [.flag("checked")] : []))
                        el("label", .class("govuk-label govuk-checkboxes__label"), .for(itemID)) { option.label }
                    }
                }
            }
        }
    }
}

struct TextareaField {
    var id: String
    var label: String
    var value: String
    var hint: String? = nil
    var error: String? = nil
    var rows: Int = 5

    var node: Node {
        var attributes: [Attribute] = [.class("govuk-textarea" + (error == nil ? "" : " govuk-textarea--error")), .id(id), .name(id),
                                       .attribute("rows", String(rows))]
        if let describedBy = describedBy(id: id, hint: hint, error: error) { attributes.append(.aria("describedby", describedBy)) }
        return formGroup(error: error) {
            el("label", .class("govuk-label govuk-label--s"), .for(id)) { label }
            hintNode(id: id, hint)
            errorMessage(id: id, error)
            el("textarea", attributes: attributes) { value }
        }
    }
}

/// A fieldset of inputs answering one question, with its legend, hint and error message.
private func fieldset(id: String, legend: String, hint: String?, error: String?, @NodeBuilder _ content: () -> [Node]) -> Node {
    formGroup(error: error) {
        el("fieldset", attributes: [.class("govuk-fieldset")] + (describedBy(id: id, hint: hint, error: error).map { [.aria("describedby", $0)] } ?? [])) {
            el("legend", .class("govuk-fieldset__legend govuk-fieldset__legend--s")) { legend }
            hintNode(id: id, hint)
            errorMessage(id: id, error)
            content()
        }
    }
}
