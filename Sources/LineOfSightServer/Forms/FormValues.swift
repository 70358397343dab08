import LineOfSightCore

/// What a person typed into a form, field by field, kept as text so that a mistake is shown back
/// exactly as typed. A date field keeps its day, month and year parts.
struct FormValues<Field: FieldID>: Sendable, Equatable {
    private var texts: [Field: String] = [:]
    private var dates: [Field: DateParts] = [:]

    init() {}

    /// Reads every field from the submitted form: a date field from its `-day`, `-month` and `-year` parts.
    init(_ input: FormInput) {
        for field in Field.allCases {
            if let text = input[field.rawValue] { texts[field] = text }
            let parts = DateParts(day: input["\(field.rawValue)-day"] ?? "", month: input["\(field.rawValue)-month"] ?? "",
                                  year: input["\(field.rawValue)-year"] ?? "")
            if !parts.isEmpty { dates[field] = parts }
        }
    }

    subscript(field: Field) -> String {
        get { texts[field] ?? "" }
        set { texts[field] = newValue }
    }

    subscript(date field: Field) -> DateParts {
        get { dates[field] ?? DateParts() }
        set { dates[field] = newValue }
    }
}

/// What a person typed into a date input, kept as text so a bad value is shown back unchanged.
struct DateParts: Sendable, Equatable {
    var day = ""
    var month = ""
    var year = ""

    init(day: String = "", month: String = "", year: String = "") {
        self.day = day.trimmed
        self.month = month.trimmed
        self.year = year.trimmed
    }

    init(_ date: CivilDate?) {
        guard let date else { self.init(); return }
        self.init(day: String(date.day), month: String(date.month), year: String(date.year))
    }

    var isEmpty: Bool { day.isEmpty && month.isEmpty && year.isEmpty }

    /// The date typed: nil when empty (a failure with `required` as the message if it must be
    /// given), a failure when it is incomplete or not a real date.
    func read(name: String, required: String?) -> Result<CivilDate?, FieldProblem> {
        if isEmpty {
            return required.map { .failure(FieldProblem($0)) } ?? .success(nil)
        }
        let missing = [("day", day), ("month", month), ("year", year)].filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else {
            return .failure(FieldProblem("\(name) must include a \(missing.joined(separator: " and "))"))
        }
        guard day.count <= 2, month.count <= 2, year.count == 4,
              let d = Int(day), let m = Int(month), let y = Int(year), let date = CivilDate(year: y, month: m, day: d)
        else {
            return .failure(FieldProblem("\(name) must be a real date"))
        }
        return .success(date)
    }
}

/// Why what was typed into a field cannot be used, in words for the person who typed it.
struct FieldProblem: Error, Sendable, Equatable {
    let message: String

    init(_ message: String) { self.message = message }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
