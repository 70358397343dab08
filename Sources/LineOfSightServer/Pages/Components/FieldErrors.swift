/// Validation messages keyed by the id of the field they belong to, in the order the fields appear,
/// so the error summary lists them in page order and links to each field.
struct FieldErrors: Error, Sendable, Equatable {
    private(set) var entries: [(field: String, message: String)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        entries.append((field, message))
    }

    subscript(field: String) -> String? {
        entries.first { $0.field == field }?.message
    }

    static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.entries.map(\.field) == rhs.entries.map(\.field) && lhs.entries.map(\.message) == rhs.entries.map(\.message)
    }
}
