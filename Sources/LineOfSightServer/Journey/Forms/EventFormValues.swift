import Foundation
import LineOfSightCore

/// What was typed into an event form, by field key, kept as text so a mistake is shown back exactly
/// as typed (the event forms' `FormValues`, whose fields are data rather than an enum).
struct EventFormValues: Sendable, Equatable {
    private var texts: [String: [String]] = [:]
    private var dates: [String: DateParts] = [:]

    init() {}

    /// The form as submitted.
    init(_ form: EventForm, input: FormInput) {
        for field in form.fields {
            switch field.input {
            case .date:
                let parts = DateParts(day: input["\(field.key)-day"] ?? "", month: input["\(field.key)-month"] ?? "",
                                      year: input["\(field.key)-year"] ?? "")
                if !parts.isEmpty { dates[field.key] = parts }
            case .checkboxes:
                texts[field.key] = input.all(field.key)
            default:
                if let text = input[field.key] { texts[field.key] = [text] }
            }
        }
        for key in Self.carried { if let text = input[key] { texts[key] = [text] } }
    }

    /// A stored record's answers, for its correction form.
    init(_ form: EventForm, record: any JourneyRecord) {
        let object = JSONValue.object(of: record)
        for field in form.fields {
            switch (field.input, object[field.key]) {
            case let (.date, .string(iso)?): dates[field.key] = DateParts(CivilDate(iso: iso))
            case let (.yesNo, .bool(answer)?): texts[field.key] = [answer ? "yes" : "no"]
            case let (.checkboxes, .array(items)?): texts[field.key] = items.compactMap { if case let .string(text) = $0 { text } else { nil } }
            case let (_, .string(text)?): texts[field.key] = [text]
            case let (.number, .number(number)?): texts[field.key] = [String(Int(number))]
            default: break
            }
        }
    }

    /// These values with the answers to `keys` replaced by those in `other` (a step's answers over
    /// the stored record's).
    func replacing(_ keys: [String], from other: EventFormValues) -> EventFormValues {
        var merged = self
        for key in keys + Self.carried {
            merged.texts[key] = other.texts[key]
            merged.dates[key] = other.dates[key]
        }
        return merged
    }

    /// Hidden fields every event form carries back: the version it was opened at, and a correction's reason.
    static let carried = ["version", "reason"]

    subscript(key: String) -> String {
        get { texts[key]?.first ?? "" }
        set { texts[key] = [newValue] }
    }

    func all(_ key: String) -> [String] { texts[key] ?? [] }

    subscript(date key: String) -> DateParts { dates[key] ?? DateParts() }
}

/// The choices an event form offers that come from the record: staff to own an action, and this
/// child's earlier events to link to.
struct EventChoices: Sendable {
    var staff: [EventField.Option] = []
    var teams: [EventField.Option] = []
    var events: [JourneyList: [EventField.Option]] = [:]
}

extension EventForm {
    /// The record typed into the form, or every problem with it, each next to its field: first
    /// what was typed (dates, choices), then the record's own rules against the child's journey.
    func read(_ values: EventFormValues, choices: EventChoices, context: RecordContext) -> Result<any JourneyRecord, FieldErrors> {
        var errors = FieldErrors()
        var object: [String: JSONValue] = [:]
        for field in fields {
            if let condition = field.shownWhen, values[condition.key] != condition.value { continue }
            switch read(field, values, choices) {
            case let .success(value?): object[field.key] = value
            case .success(nil): if let required = field.required { errors.add(id: field.key, required) }
            case let .failure(problem): errors.add(id: field.key, problem.message)
            }
        }
        guard errors.isEmpty else { return .failure(errors) }
        let record: any JourneyRecord
        // Encoding strings, booleans and arrays of strings cannot fail.
        let data = (try? JSONEncoder().encode(JSONValue.object(object))) ?? Data()
        do {
            record = try list.decode(data)
        } catch {
            // Only a field without a `required` message can be missing here.
            let key = error.path.split(separator: ".").dropFirst().first.map(String.init) ?? fields[0].key
            errors.add(id: field(key) == nil ? fields[0].key : key, "Answer “\(field(key)?.label ?? title)”")
            return .failure(errors)
        }
        let problems = record.validate(in: context)
        return problems.isEmpty ? .success(record) : .failure(self.errors(problems))
    }

    /// Each problem of a record next to its field (or the first, for one the form does not show).
    func errors(_ problems: [RecordProblem]) -> FieldErrors {
        var errors = FieldErrors()
        for problem in problems {
            errors.add(id: field(problem.field) == nil ? fields[0].key : problem.field, problem.message)
        }
        return errors
    }

    /// Ids in a record that must name a member of staff or one of this child's events, and do not:
    /// the API's check of what a form offers as choices.
    func referenceProblems(_ record: any JourneyRecord, choices: EventChoices) -> [RecordProblem] {
        let object = JSONValue.object(of: record)
        return fields.compactMap { field in
            guard case let .string(id)? = object[field.key] else { return nil }
            switch field.input {
            case .staff where !choices.staff.contains { $0.value == id }:
                return RecordProblem(field.key, "\(id) is not a member of staff")
            case .team where !choices.teams.contains { $0.value == id }:
                return RecordProblem(field.key, "\(id) is not a team")
            case let .event(lists) where !lists.flatMap({ choices.events[$0] ?? [] }).contains { $0.value == id }:
                return RecordProblem(field.key, "\(id) is not one of this child’s \(lists.map(\.rawValue).joined(separator: " or "))")
            default:
                return nil
            }
        }
    }

    private func read(_ field: EventField, _ values: EventFormValues, _ choices: EventChoices) -> Result<JSONValue?, FieldProblem> {
        let text = values[field.key].trimmed
        func one(of options: [EventField.Option], _ message: String) -> Result<JSONValue?, FieldProblem> {
            if text.isEmpty { return .success(nil) }
            return options.contains { $0.value == text } ? .success(.string(text)) : .failure(FieldProblem(message))
        }
        switch field.input {
        case .date:
            return values[date: field.key].read(name: field.label, required: nil).map { $0.map { .string($0.iso) } }
        case .yesNo:
            switch text {
            case "": return .success(nil)
            case "yes": return .success(.bool(true))
            case "no": return .success(.bool(false))
            default: return .failure(FieldProblem("Select yes or no"))
            }
        case let .choice(options):
            return one(of: options, "Select one of the options")
        case let .select(options):
            return one(of: options, "Select from the list")
        case let .checkboxes(options):
            let chosen = values.all(field.key)
            guard chosen.allSatisfy({ value in options.contains { $0.value == value } }) else { return .failure(FieldProblem("Select from the options shown")) }
            return .success(chosen.isEmpty ? nil : .array(chosen.map(JSONValue.string)))
        case .text, .notes, .time:
            if text.isEmpty { return .success(nil) }
            guard text.count <= field.maxLength else {
                return .failure(FieldProblem("\(field.label) must be \(field.maxLength.formatted()) characters or fewer"))
            }
            return .success(.string(text))
        case let .number(range):
            if text.isEmpty { return .success(nil) }
            guard text.count <= 6, let number = Int(text), range.contains(number) else {
                return .failure(FieldProblem("\(field.label) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.number(Double(number)))
        case .staff:
            return one(of: choices.staff, "Select someone from the list")
        case .team:
            return one(of: choices.teams, "Select a team from the list")
        case let .event(lists):
            return one(of: lists.flatMap { choices.events[$0] ?? [] }, "Select one of this child’s records from the list")
        }
    }
}
