import Foundation
import LineOfSightCore

/// The decisions of a panel's meeting for every child of its pack, in one form: the meeting's date
/// and chair once, then for each child the decision and one action it sets. Each child's answers
/// are read by the same event forms as recording one decision or one action on the child's record
/// (`PanelMeeting.decisionForm`, `actionForm`), so the rules are the same; a child left empty gets
/// nothing recorded.
struct PanelDecisions: Sendable {
    let meeting: PanelMeeting
    /// The children the reader may see, in the pack's order.
    let children: [Child]

    /// Each child's answers are named with this in front: by id, so an answer can only ever be
    /// read as the child it was typed for.
    static func prefix(_ child: Child) -> String { "child-\(child.id?.text ?? "")-" }

    /// The action a decision sets, read as the action form reads it; it is set on the meeting's day.
    static let actionForm = ActionForm.setAtMeeting
    static let actionAsked = ActionForm.askedAtMeeting

    /// The children's ids as the form carries them (in one field, in order).
    static func childIDs(_ text: String) -> [UUID] {
        text.split(separator: " ").prefix(PanelPackQuery.maximumChildren).compactMap { UUID(text: String($0)) }
            .reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// What is recorded for one child.
    struct Entry: Sendable {
        let child: Child
        let decision: any JourneyRecord
        /// Its `sourceID` is set to the decision once that is stored.
        let action: ActionRecord?
    }

    /// The records to save, or every problem next to its field: the meeting's date and chair on
    /// their own fields, each child's next to that child's answers.
    func read(_ input: FormInput, staff: [EventField.Option], today: CivilDate,
              context: (Child) async throws -> RecordContext) async rethrows -> Result<[Entry], FieldErrors> {
        var errors = FieldErrors()
        var date: CivilDate?
        switch input.dateParts("date").read(name: "The date of the meeting", required: "Enter the date of the meeting") {
        case let .success(value?) where value > today:
            errors.add(id: "date", "The date of the meeting must be today or in the past: record its decisions once it has been held")
        case let .success(value): date = value
        case let .failure(problem): errors.add(id: "date", problem.message)
        }
        let chair = (input["chairID"] ?? "").trimmed
        if !chair.isEmpty, !staff.contains(where: { $0.value == chair }) { errors.add(id: "chairID", "Select someone from the list") }

        // The meeting's answers, given to every child's record.
        var shared = meeting.given
        shared["chairID"] = chair
        if let date {
            let parts = DateParts(date)
            for field in ["date", "raised"] {
                shared["\(field)-day"] = parts.day; shared["\(field)-month"] = parts.month; shared["\(field)-year"] = parts.year
            }
        }
        let choices = EventChoices(staff: staff)
        var entries: [Entry] = []
        for child in children {
            let prefix = Self.prefix(child)
            let own = input.prefixed(prefix)
            let wantsAction = Self.actionAsked.contains { !(own[$0] ?? "").trimmed.isEmpty } || !own.dateParts("due").isEmpty
            guard wantsAction || meeting.asked.contains(where: { !(own[$0] ?? "").trimmed.isEmpty }) else { continue }
            let answers = own.adding(shared)
            let childContext = try await context(child)
            // The meeting's own answers are checked once, on their own fields; what a child's record
            // says of the date (not looked after then) goes next to that child's decision.
            func place(_ failed: FieldErrors) {
                for entry in failed.entries {
                    switch entry.field {
                    case "date", "raised", "forum": if date != nil { errors.add(id: prefix + "decision", entry.message) }
                    case "chairID": break
                    default: errors.add(id: prefix + entry.field, entry.message)
                    }
                }
            }
            let decision = meeting.decisionForm.read(EventFormValues(meeting.decisionForm, input: answers), choices: choices, context: childContext)
            if case let .failure(failed) = decision { place(failed) }
            var action: ActionRecord?
            if wantsAction {
                switch Self.actionForm.read(EventFormValues(Self.actionForm, input: answers), choices: choices, context: childContext) {
                case let .success(record): action = record as? ActionRecord
                case let .failure(failed): place(failed)
                }
            }
            if case let .success(record) = decision { entries.append(Entry(child: child, decision: record, action: action)) }
        }
        if errors.isEmpty, entries.isEmpty, let first = children.first {
            errors.add(id: Self.prefix(first) + "decision", "Enter the decision for at least one child")
        }
        return errors.isEmpty ? .success(entries) : .failure(errors)
    }

    /// Where each problem of a record refused at the last moment goes (someone changed the child's
    /// record between the check and the save): next to the action's answers or the decision.
    static func errors(_ problems: [RecordProblem], child: Child, inAction: Bool) -> FieldErrors {
        var errors = FieldErrors()
        for problem in problems {
            let field = inAction && actionAsked.contains(problem.field) ? problem.field : "decision"
            errors.add(id: prefix(child) + field, problem.message)
        }
        return errors
    }
}

/// A record refused for one child of a panel's decisions, when every child's were saved as one.
struct PanelDecisionRefused: Error {
    let child: Child
    let problems: [RecordProblem]
    let inAction: Bool
}

extension FormInput {
    /// A date input's parts as sent (`name-day`, `name-month`, `name-year`).
    func dateParts(_ name: String) -> DateParts {
        DateParts(day: self["\(name)-day"] ?? "", month: self["\(name)-month"] ?? "", year: self["\(name)-year"] ?? "")
    }
}
