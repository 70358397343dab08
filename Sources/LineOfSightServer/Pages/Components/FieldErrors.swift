/// Validation messages keyed by the id of the field they belong to, in the order the fields appear,
/// so the error summary lists them in page order and links to each field.
struct FieldErrors: Error, Sendable, Equatable {
    private(set) var entries: [(field: String, message: String)] = []

    var isEmpty: Bool { entries.isEmpty }

    /// The first message for a field stays: it is the one to fix first.
    mutating func add(_ field: some FieldID, _ message: String) {
        add(id: field.rawValue, message)
    }

    /// For forms whose fields are data (event forms) rather than an enum.
    mutating func add(id: String, _ message: String) {
        guard self[id: id] == nil else { return }
        entries.append((id, message))
    }

    subscript(field: some FieldID) -> String? {
        self[id: field.rawValue]
    }

    subscript(id id: String) -> String? {
        entries.first { $0.field == id }?.message
    }

    static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.entries.map(\.field) == rhs.entries.map(\.field) && lhs.entries.map(\.message) == rhs.entries.map(\.message)
    }
}
