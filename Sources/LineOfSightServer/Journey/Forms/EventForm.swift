import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// How one kind of event is asked for in a form: its fields, in order, each naming the JSON key
/// of the record it fills. The form, the correction form, the event's page and the chronology are
/// all built from this, so a new kind of event needs only its record type and one of these.
struct EventForm: Sendable {
    let list: JourneyList
    /// The event in a sentence, lower case: "Record a visit".
    let name: String
    /// The event as a heading and in the chronology: "Visit".
    let title: String
    /// The date shown for it in lists, by its key (a date field).
    let dateKey: String
    var fields: [EventField]
    /// Who may record or correct it (always within the child's scope).
    var roles: Set<Role> = Role.childEditors
    /// What happens to it after it is recorded (a manager's authorisation …).
    var steps: [EventStep] = []

    func field(_ key: String) -> EventField? { fields.first { $0.key == key } }

    /// The manager's authorisation this record awaits, if any, and since when: the day its `after`
    /// answer was given (an assessment's completion), else the event's own date.
    func awaiting(_ record: any JourneyRecord) -> (step: EventStep, since: CivilDate)? {
        // Most kinds have no authorisation step: not reading the record's answers saves a JSON
        // round trip for each of the tens of thousands of events an import or the demo writes.
        guard steps.contains(where: \.isAuthorisation) else { return nil }
        let answers = JSONValue.object(of: record)
        guard let step = steps.first(where: { $0.isAuthorisation && $0.isOffered(answers) }) else { return nil }
        if let after = step.after, case let .string(iso)? = answers[after], let date = CivilDate(iso: iso) { return (step, date) }
        return (step, record.date)
    }

    /// The answers only another role may give: the fields of steps this role does not take (a
    /// worker does not authorise their own assessment or decide their own contact), and those of
    /// a step for one team's managers, given only through the step (which checks the team).
    func reserved(from role: Role) -> Set<String> {
        Set(steps.filter { !$0.roles.contains(role) || $0.team != nil }.flatMap(\.fields))
    }

    /// The form as this role fills it in: without the answers reserved for others.
    func answerable(by role: Role) -> EventForm {
        let reserved = reserved(from: role)
        var form = self
        form.fields = fields.filter { !reserved.contains($0.key) }
        return form
    }

    /// Reserved answers that differ from those already stored (none, for a new record): what this
    /// role may not set.
    func reservedProblems(_ record: any JourneyRecord, stored: (any JourneyRecord)?, role: Role) -> [RecordProblem] {
        let (given, kept) = (JSONValue.object(of: record), stored.map { JSONValue.object(of: $0) } ?? [:])
        return reserved(from: role).sorted().compactMap { key in
            guard given[key] != kept[key], let step = steps.first(where: { $0.fields.contains(key) }) else { return nil }
            let who = Role.allCases.filter(step.roles.contains).map { $0.title.lowercased() }
            let list = who.count > 1 ? who.dropLast().joined(separator: ", ") + " or " + who[who.count - 1] : who.joined()
            return RecordProblem(key, "only a \(list) may record this (“\(step.title)”)")
        }
    }

    /// The form asking only these fields (a step's).
    func only(_ keys: [String]) -> EventForm {
        var form = self
        form.fields = fields.filter { keys.contains($0.key) }
        return form
    }

    /// Problems with a step's answers: each of its required fields answered.
    func stepProblems(_ step: EventStep, _ values: EventFormValues) -> FieldErrors {
        var errors = FieldErrors()
        for key in step.fields {
            guard let message = step.required[key], let field = field(key) else { continue }
            let empty = switch field.input {
            case .date: values[date: key].isEmpty
            case .checkboxes: values.all(key).isEmpty
            default: values[key].trimmed.isEmpty
            }
            if empty { errors.add(id: key, message) }
        }
        return errors
    }

    /// "a visit", "an assessment".
    var withArticle: String {
        (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}

/// What a step changes besides its record, inside the record's transaction, after the record is
/// saved and before the child is re-derived: the request, the child, the record as saved.
typealias StepEffect = @Sendable (Request, UUID, any JourneyRecord, any Database) async throws -> Void

/// A later step of a recorded event, taken by someone with a particular role: a few of its fields,
/// asked again and saved as an update of the record (not a correction). Offered while `pending`
/// is empty in the record, once `after` is answered, and not when `unless` holds.
struct EventStep: Sendable {
    let id: String
    /// "Authorise this assessment".
    let title: String
    /// "Assessment authorised": the confirmation, and the audit trail's words.
    let done: String
    let fields: [String]
    /// The messages for the step's fields that must be answered.
    var required: [String: String] = [:]
    let roles: Set<Role>
    /// The field whose answer means the step is done.
    let pending: String
    /// The field that must be answered first (an assessment is authorised once it is completed).
    var after: String? = nil
    /// An answer that means the step does not apply (nobody to tell after an anonymous contact).
    var unless: (key: String, value: String)? = nil
    /// The answer the step needs (a letter before proceedings only after a decision to start them).
    var when: (key: String, value: String)? = nil
    /// Answers that close it (no extension once the carers are approved).
    var closedBy: [String] = []
    /// The record's field naming the team whose managers take the step (a transfer's receiving
    /// team): a team manager of another team, or a head of service who does not head it, may not.
    var team: String? = nil
    /// What else saving the step changes, in the same transaction as the record (accepting a
    /// transfer allocates the child to the receiving team). It may refuse the step with
    /// `RecordRefused`, naming the step's field at fault.
    var effect: StepEffect? = nil

    /// Whether the step is still to be taken on a record with these answers.
    func isOffered(_ answers: [String: JSONValue]) -> Bool {
        guard answers[pending] == nil else { return false }
        if let after, answers[after] == nil { return false }
        if let unless, answers[unless.key] == .string(unless.value) { return false }
        if let when, answers[when.key] != .string(when.value) { return false }
        if closedBy.contains(where: { answers[$0] != nil }) { return false }
        return true
    }

    /// Whether it is a manager's authorisation, listed in My work as awaiting the managers of the
    /// team holding the child (not a step for another team's managers, such as accepting a
    /// transfer, which the transfer tracker lists for the receiving team).
    var isAuthorisation: Bool { roles.isSubset(of: Role.allocators) && team == nil }
}

extension JourneyList {
    /// Every role that records some kind of event: who may open the recording routes (each form
    /// then admits only its own roles).
    static var recorderRoles: Set<Role> { allCases.reduce(into: []) { $0.formUnion($1.form.roles) } }

    /// The kinds of event `role` may record, in the journey's order.
    static func recordable(by role: Role) -> [JourneyList] { allCases.filter { $0.form.roles.contains(role) } }

    /// The parts of a child's journey, for grouping what can be recorded.
    enum Part: CaseIterable {
        case frontDoor, childProtection, lookedAfter, permanence, careLeavers, everyChild

        var title: String {
            switch self {
            case .frontDoor: "Front door and assessment"
            case .childProtection: "Child protection and children in need"
            case .lookedAfter: "Looked after"
            case .permanence: "Permanence, proceedings and adoption"
            case .careLeavers: "Leaving care"
            case .everyChild: "For every child"
            }
        }
    }

    var part: Part {
        switch self {
        case .contacts, .referrals, .assessments: .frontDoor
        case .strategyDiscussions, .s47Enquiries, .conferences, .cpPlans, .coreGroups, .cinPlans: .childProtection
        case .periodsOfCare, .placements, .legalStatuses, .lacReviews, .carePlans, .healthAssessments, .peps, .iroEscalations,
             .previousPermanence, .uasc, .deprivationsOfLiberty: .lookedAfter
        case .permanencePlans, .permanenceOptions, .permanenceDecisions, .temporaryApprovals, .preProceedings, .ploReviews, .careProceedings,
             .hearings, .adoptions, .adoptionReviews: .permanence
        case .needsAssessments, .pathwayPlans, .personalAdvisers, .careLeaverContacts, .stayingPut: .careLeavers
        case .visits, .missingEpisodes, .returnInterviews, .transfers, .actions, .caseDiscussions, .significantEvents, .parenthood,
             .convictions: .everyChild
        }
    }

    /// Every role that takes a step of some kind of event: who may open the steps' routes.
    static var stepRoles: Set<Role> {
        allCases.reduce(into: []) { roles, list in list.form.steps.forEach { roles.formUnion($0.roles) } }
    }
}

/// One question of an event form.
struct EventField: Sendable {
    enum Input: Sendable {
        /// A GOV.UK date input (day, month, year).
        case date
        /// Yes or no radios.
        case yesNo
        /// Radios of fixed choices.
        case choice([Option])
        /// Checkboxes: any number of the choices.
        case checkboxes([Option])
        /// A drop-down list of fixed choices, for a long code list.
        case select([Option])
        /// A time of day on the 24-hour clock, as typed ("14:30"); the record checks it.
        case time
        /// A whole number in a range (a questionnaire's score).
        case number(ClosedRange<Int>)
        /// A line of text.
        case text
        /// A textarea for what a worker writes.
        case notes
        /// A member of staff, by id.
        case staff
        /// A team, by id.
        case team
        /// Another of this child's events, by id (the referral an assessment answers …).
        case event([JourneyList])
    }

    struct Option: Sendable {
        let value: String
        let label: String

        init(_ value: String, _ label: String) {
            self.value = value; self.label = label
        }
    }

    /// A national code list's choices, each read by its meaning.
    static func options(_ codes: CodeList) -> [Option] { codes.values.map { Option($0.code, $0.meaning) } }

    /// A national code list's choices with the code after the meaning, "Full care order (C2)", for
    /// the lists workers also know by code.
    static func codedOptions(_ codes: CodeList) -> [Option] { codes.values.map { Option($0.code, "\($0.meaning) (\($0.code))") } }

    let key: String
    let label: String
    var hint: String? = nil
    let input: Input
    /// The message when it is left empty; nil when it may be.
    var required: String? = nil
    /// Asked only after this answer to an earlier yes/no or choice question (a conditional reveal);
    /// otherwise its value is ignored.
    var shownWhen: (key: String, value: String)? = nil

    /// The most a text answer may hold: a line, or a worker's notes.
    var maxLength: Int {
        if case .notes = input { return 20_000 }
        return 200
    }
}

extension JourneyList {
    /// Each kind of event's form: the one registry of forms.
    var form: EventForm {
        switch self {
        case .contacts: FrontDoorForms.contact
        case .referrals: FrontDoorForms.referral
        case .assessments: FrontDoorForms.assessment
        case .strategyDiscussions: ChildProtectionForms.strategyDiscussion
        case .s47Enquiries: ChildProtectionForms.s47Enquiry
        case .conferences: ChildProtectionForms.conference
        case .cpPlans: ChildProtectionForms.cpPlan
        case .coreGroups: ChildProtectionForms.coreGroup
        case .cinPlans: ChildProtectionForms.cinPlan
        case .visits: VisitForm.form
        case .periodsOfCare: LookedAfterForms.periodOfCare
        case .placements: LookedAfterForms.placement
        case .legalStatuses: LookedAfterForms.legalStatus
        case .lacReviews: LookedAfterForms.review
        case .carePlans: LookedAfterForms.carePlan
        case .healthAssessments: LookedAfterForms.healthAssessment
        case .peps: LookedAfterForms.pep
        case .missingEpisodes: MissingForms.episode
        case .returnInterviews: MissingForms.returnInterview
        case .iroEscalations: LookedAfterForms.escalation
        case .permanencePlans: PermanenceForms.plan
        case .permanenceOptions: PermanenceForms.option
        case .permanenceDecisions: PermanenceForms.decision
        case .temporaryApprovals: PermanenceForms.temporaryApproval
        case .preProceedings: PermanenceForms.preProceedings
        case .ploReviews: PermanenceForms.ploReview
        case .careProceedings: PermanenceForms.careProceedings
        case .hearings: PermanenceForms.hearing
        case .adoptions: PermanenceForms.adoption
        case .adoptionReviews: PermanenceForms.adoptionReview
        case .needsAssessments: CareLeaverForms.needsAssessment
        case .pathwayPlans: CareLeaverForms.pathwayPlan
        case .personalAdvisers: CareLeaverForms.personalAdviser
        case .careLeaverContacts: CareLeaverForms.contact
        case .stayingPut: CareLeaverForms.stayingPut
        case .transfers: TransferForm.form
        case .actions: ActionForm.form
        case .caseDiscussions: CaseDiscussionForm.form
        case .significantEvents: ChronologyForms.significantEvent
        case .parenthood: ChronologyForms.parenthood
        case .convictions: ChronologyForms.conviction
        case .previousPermanence: LookedAfterStatusForms.previousPermanence
        case .uasc: LookedAfterStatusForms.uasc
        case .deprivationsOfLiberty: LookedAfterStatusForms.deprivationOfLiberty
        }
    }
}
