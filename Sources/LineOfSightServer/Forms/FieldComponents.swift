/// The form components, filled from a form's typed field: its id, what was typed and its message.
extension TextField {
    init<Field: FieldID>(_ field: Field, in values: FormValues<Field>, errors: FieldErrors, label: String, hint: String? = nil,
                         type: String = "text", width: String? = nil, autocomplete: String? = nil, spellcheck: Bool? = nil) {
        self.init(id: field.rawValue, label: label, value: type == "password" ? "" : values[field], hint: hint, error: errors[field],
                  type: type, width: width, autocomplete: autocomplete, spellcheck: spellcheck)
    }
}

extension SelectField {
    init<Field: FieldID>(_ field: Field, in values: FormValues<Field>, errors: FieldErrors, label: String,
                         options: [(value: String, label: String)], hint: String? = nil) {
        self.init(id: field.rawValue, label: label, options: options, selected: values[field], hint: hint, error: errors[field])
    }
}

extension DateField {
    init<Field: FieldID>(_ field: Field, in values: FormValues<Field>, errors: FieldErrors, legend: String,
                         hint: String? = "For example, 27 3 2015") {
        self.init(id: field.rawValue, legend: legend, value: values[date: field], hint: hint, error: errors[field])
    }
}

/// A value the form carries back unchanged (the version it was opened at, for instance).
func hiddenField<Field: FieldID>(_ field: Field, in values: FormValues<Field>) -> Node {
    .void("input", [.type("hidden"), .name(field.rawValue), .value(values[field])])
}
