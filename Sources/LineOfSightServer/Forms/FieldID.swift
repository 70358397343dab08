/// The fields of one form, as an enum whose raw values are the fields' HTML ids and names: each field
/// is named once, the compiler checks every use, and the error summary links to it.
protocol FieldID: RawRepresentable<String>, CaseIterable, Hashable, Sendable {}

/// A form people fill in: its fields, and what was typed into them. Each form type adds the way it is
/// filled from a stored record and its validation into typed values (see `FormValidation`).
protocol EntryForm: Sendable {
    associatedtype Field: FieldID
    var values: FormValues<Field> { get set }
    init(values: FormValues<Field>)
}

extension EntryForm {
    /// The form as submitted (or as kept when the session timed out).
    init(_ input: FormInput) {
        self.init(values: FormValues(input))
    }
}
