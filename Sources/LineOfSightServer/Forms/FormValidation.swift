import Foundation
import LineOfSightCore

/// Validates a form field by field: each reader returns the typed value or nil, and records a message
/// next to the field when there is a problem, so the person sees every problem at once. Messages
/// follow the GOV.UK Design System's patterns.
struct FormValidation<Field: FieldID> {
    let values: FormValues<Field>
    private(set) var errors = FieldErrors()

    init(_ values: FormValues<Field>) {
        self.values = values
    }

    mutating func fail(_ field: Field, _ message: String) {
        errors.add(field, message)
    }

    /// The text typed, trimmed; nil when empty (with `required` as the message, if the field must be filled).
    mutating func text(_ field: Field, name: String, required: String? = nil, maxLength: Int = 100) -> String? {
        let text = values[field].trimmed
        if text.isEmpty {
            if let required { fail(field, required) }
            return nil
        }
        guard text.count <= maxLength else {
            fail(field, "\(name) must be \(maxLength) characters or fewer")
            return nil
        }
        return text
    }

    /// One of a fixed list of options (a select or radios whose values are the type's raw values).
    mutating func choice<Value: RawRepresentable<String>>(_ field: Field, as type: Value.Type = Value.self, message: String) -> Value? {
        guard let value = Value(rawValue: values[field]) else {
            fail(field, message)
            return nil
        }
        return value
    }

    /// One of the records offered in a select, by id; nil without a message when nothing was chosen
    /// and `required` is nil.
    mutating func record<Record>(_ field: Field, from records: [Record], id: (Record) -> UUID?, required: String?, message: String) -> Record? {
        let text = values[field]
        if text.isEmpty {
            if let required { fail(field, required) }
            return nil
        }
        guard let chosen = UUID(text: text), let record = records.first(where: { id($0) == chosen }) else {
            fail(field, message)
            return nil
        }
        return record
    }

    /// The date typed, or nil with a message when it is incomplete or not a real date. An empty date is
    /// nil, with `required` as the message if the date must be given.
    mutating func date(_ field: Field, name: String, required: String? = nil) -> CivilDate? {
        switch values[date: field].read(name: name, required: required) {
        case let .success(date): return date
        case let .failure(problem):
            fail(field, problem.message)
            return nil
        }
    }

    /// A number typed with a decimal point if need be (a full-time equivalent), to two places: nil
    /// with `required` when empty, `notANumber` when it is not one, `outside` when `accepts` refuses it.
    mutating func decimal(_ field: Field, required: String, notANumber: String, outside: String, accepts: (Double) -> Bool) -> Double? {
        let typed = values[field].trimmed
        guard !typed.isEmpty else {
            fail(field, required)
            return nil
        }
        guard typed.count <= 10, typed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let number = Double(typed) else {
            fail(field, notANumber)
            return nil
        }
        guard accepts(number) else {
            fail(field, outside)
            return nil
        }
        return (number * 100).rounded() / 100
    }

    /// The typed values when there was no problem, otherwise every message.
    func result<Valid>(_ valid: () -> Valid?) -> Result<Valid, FieldErrors> {
        guard errors.isEmpty, let valid = valid() else { return .failure(errors) }
        return .success(valid)
    }
}
