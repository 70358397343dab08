import Foundation
import LineOfSightCore

/// The meetings a panel pack is prepared for. Each records its decision about a child as the kind
/// of event that already carries such decisions, so the pack adds no second way to record them: a
/// permanence panel's is a permanence decision of the permanence panel (the tracker's last
/// decision); a legal gateway meeting's is a legal planning meeting's decision (issue, start
/// pre-proceedings, step down, no further action), which starts the Public Law Outline's clock.
enum PanelMeeting: String, CaseIterable, Sendable {
    case permanencePanel = "permanence-panel", legalGateway = "legal-gateway"

    var title: String {
        switch self {
        case .permanencePanel: PermanenceDecisionRecord.Forum.permanencePanel.label
        case .legalGateway: "Legal gateway meeting"
        }
    }

    /// The kind of event each child's decision is recorded as.
    var form: EventForm {
        switch self {
        case .permanencePanel: PermanenceForms.decision
        case .legalGateway: PermanenceForms.preProceedings
        }
    }

    /// What the decisions form asks about each child; the date and who chaired are the meeting's.
    var asked: [String] {
        switch self {
        case .permanencePanel: ["decision", "route"]
        case .legalGateway: ["decision", "reason"]
        }
    }

    /// Answers the meeting gives every child's record.
    var given: [String: String] {
        switch self {
        case .permanencePanel: ["forum": PermanenceDecisionRecord.Forum.permanencePanel.rawValue]
        case .legalGateway: [:]
        }
    }

    /// The form each child's decision is read with: the questions asked, and the meeting's answers.
    /// Its advice to record a decision's actions separately is left out: the action is asked beside it.
    var decisionForm: EventForm {
        var form = self.form.only(["date", "chairID"] + given.keys.sorted() + asked)
        form.fields = form.fields.map { field in
            var field = field
            if field.key == "decision" { field.hint = nil }
            return field
        }
        return form
    }
}

/// A panel pack as asked for in a query string, kept as typed so the form that chooses it shows it
/// back: the meeting, its date, and its children — those chosen, or every child with an overdue
/// milestone among the permanence tracker's children as filtered (`filters`).
struct PanelPackQuery: Sendable {
    var filters: CareListQuery
    var meeting = ""
    var date = DateParts()
    var which = ""
    var chosen: [String] = []

    /// How the children are chosen (`which`).
    static let overdue = "overdue", chosenOnes = "chosen"

    /// The most children in one pack: a panel discusses a few dozen at most, and the decisions
    /// form names each in its address.
    static let maximumChildren = 50

    init(_ parameters: FormInput) {
        filters = CareListQuery(parameters)
        meeting = String((parameters["meeting"] ?? "").prefix(40))
        date = parameters.dateParts("date")
        which = String((parameters["which"] ?? "").prefix(40))
        chosen = parameters.all("child").map { String($0.prefix(40)) }
    }

    /// A pack that can be prepared, or every problem with the choice, each next to its field.
    func read() -> Result<PanelPack, FieldErrors> {
        var errors = FieldErrors()
        let meeting = PanelMeeting(rawValue: self.meeting)
        if meeting == nil { errors.add(id: "meeting", "Select the meeting") }
        var date: CivilDate?
        switch self.date.read(name: "The date of the meeting", required: "Enter the date of the meeting") {
        case let .success(value): date = value
        case let .failure(problem): errors.add(id: "date", problem.message)
        }
        var children: PanelPack.Children?
        switch which {
        case Self.overdue:
            children = .overdue
        case Self.chosenOnes:
            // Ids come from the checkboxes; anything else is not a child and is left out.
            let ids = chosen.compactMap(UUID.init(text:)).reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
            if ids.isEmpty {
                errors.add(id: "child", "Select the children the pack is for")
            } else if ids.count > Self.maximumChildren {
                errors.add(id: "child", "A pack holds up to \(Self.maximumChildren) children: you selected \(ids.count)")
            } else {
                children = .chosen(ids)
            }
        default:
            errors.add(id: "which", "Select which children the pack is for")
        }
        guard errors.isEmpty, let meeting, let date, let children else { return .failure(errors) }
        return .success(PanelPack(meeting: meeting, date: date, children: children))
    }

    /// The query string of this choice, with the tracker's filters: the pack's address.
    var parameters: [(String, String)] {
        filters.filters + [("meeting", meeting), ("date-day", date.day), ("date-month", date.month), ("date-year", date.year), ("which", which)]
            .filter { !$0.1.isEmpty } + chosen.map { ("child", $0) }
    }
}

/// A panel pack that can be prepared: its meeting, date and children.
struct PanelPack: Sendable {
    enum Children: Sendable {
        /// Every child among the tracker's filtered children with an overdue milestone.
        case overdue
        case chosen([UUID])
    }

    let meeting: PanelMeeting
    let date: CivilDate
    let children: Children
}
