import LineOfSightCore

/// An event form's field as a GOV.UK component, filled with what was typed and its message. A
/// field asked only after an answer to an earlier question is drawn inside that answer's
/// conditional reveal.
struct EventFieldView {
    let form: EventForm
    let values: EventFormValues
    let errors: FieldErrors
    let choices: EventChoices
    /// Put in front of every field's name and id, where one form asks the same questions of
    /// several children (a panel's decisions); `errors` are by the prefixed id.
    var prefix = ""

    /// Every field of the form, in order; revealed fields inside their parent's answer.
    var nodes: [Node] {
        form.fields.filter { $0.shownWhen == nil }.map(node)
    }

    private func node(_ field: EventField) -> Node {
        let (key, id) = (field.key, prefix + field.key)
        let (error, hint) = (errors[id: id], field.hint)
        switch field.input {
        case .date:
            return DateField(id: id, legend: field.label, value: values[date: key], hint: hint ?? "For example, 27 3 2026", error: error).node
        case .yesNo:
            return RadiosField(id: id, legend: field.label, items: items(field, [.init("yes", "Yes"), .init("no", "No")]),
                               selected: values[key], hint: hint, error: error, inline: revealed(by: field).isEmpty).node
        case let .choice(options):
            return RadiosField(id: id, legend: field.label, items: items(field, options), selected: values[key], hint: hint, error: error).node
        case let .checkboxes(options):
            return CheckboxesField(id: id, legend: field.label, options: options.map { ($0.value, $0.label) }, checked: values.all(key),
                                   hint: hint, error: error).node
        case let .select(options):
            return SelectField(id: id, label: field.label, options: [("", "Select")] + options.map { ($0.value, $0.label) },
                               selected: values[key], hint: hint, error: error).node
        case .time:
            return TextField(id: id, label: field.label, value: values[key], hint: hint ?? "For example, 14:30", error: error, width: "5").node
        case .number:
            return TextField(id: id, label: field.label, value: values[key], hint: hint, error: error, width: "3", inputmode: "numeric").node
        case .text:
            return TextField(id: id, label: field.label, value: values[key], hint: hint, error: error).node
        case .notes:
            return TextareaField(id: id, label: field.label, value: values[key], hint: hint, error: error).node
        case .staff, .team:
            let options = if case .team = field.input { choices.teams } else { choices.staff }
            return SelectField(id: id, label: field.label, options: [("", "Select")] + options.map { ($0.value, $0.label) },
                               selected: values[key], hint: hint, error: error).node
        case let .event(lists):
            let options = lists.flatMap { choices.events[$0] ?? [] }
            return SelectField(id: id, label: field.label, options: [("", "None")] + options.map { ($0.value, $0.label) },
                               selected: values[key], hint: hint, error: error).node
        }
    }

    private func revealed(by field: EventField) -> [EventField] {
        form.fields.filter { $0.shownWhen?.key == field.key }
    }

    private func items(_ field: EventField, _ options: [EventField.Option]) -> [RadiosField.Item] {
        let dependants = revealed(by: field)
        return options.map { option in
            RadiosField.Item(value: option.value, label: option.label,
                             conditional: dependants.filter { $0.shownWhen?.value == option.value }.map(node))
        }
    }
}
