/// Derives every obligation for one child's journey. Pure and deterministic: the same journey,
/// standards and calendar give the same obligations in the same order.
///
/// Statutory rules count working days on `calendar.national`; local standards count them on
/// `calendar` itself, which includes the council's closure days.
public func derive(_ journey: Journey, standards: LocalStandards, calendar: WorkingDayCalendar) -> Derivation {
    var context = DerivationContext(journey: journey, parameters: standards.parameters, calendar: calendar)
    context.checkJourney()
    context.deriveFrontDoor()
    context.deriveChildProtection()
    context.deriveChildInNeed()
    context.deriveLookedAfter()
    context.deriveMissing()
    context.derivePermanence()
    context.deriveProceedings()
    context.deriveAdoption()
    context.deriveCareLeaver()
    context.deriveAllegations()
    context.deriveTransfers()
    context.deriveActions()
    return Derivation(obligations: context.obligations, findings: context.findings)
}

/// What a derivation reads: the journey, the standards, both calendars and indexes built once.
/// Kept apart from the output so that the closures computing a chain's next link can read it
/// while the context appends obligations.
struct DerivationFacts {
    let journey: Journey
    let p: StandardParameters
    let national: WorkingDayCalendar
    let local: WorkingDayCalendar
    let child: Subject
    /// Visits that meet a visiting standard (child seen, unless the standard says otherwise), by date.
    let seenVisits: [EventRef]
    let allocations: [Allocation]

    init(journey: Journey, parameters: StandardParameters, calendar: WorkingDayCalendar) {
        self.journey = journey
        self.p = parameters
        self.national = calendar.national
        self.local = calendar
        self.child = .child(journey.childID)
        self.allocations = journey.allocations.sortedIfNeeded { $0.start < $1.start }
        let visits = journey.visits.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }
        let requireSeen = parameters.visitRequiresChildSeen
        self.seenVisits = visits.compactMap { visit in
            requireSeen && visit.seen == false ? nil : EventRef(.visit, visit.id, visit.date)
        }
    }

    /// N working days after `date` on the national calendar, and whether that is provisional.
    func nationalWorkingDays(_ n: Int, after date: CivilDate) -> (CivilDate, Bool) {
        let due = national.adding(workingDays: n, to: date)
        return (due, national.isProvisional(due) || national.isProvisional(date))
    }

    /// N working days after `date` on the local calendar (closure days excluded too).
    func localWorkingDays(_ n: Int, after date: CivilDate) -> (CivilDate, Bool) {
        let due = local.adding(workingDays: n, to: date)
        return (due, local.isProvisional(due) || local.isProvisional(date))
    }

    /// Who is responsible: for a met obligation, the allocation on the day it was met; for an
    /// open one, the current (open-ended) allocation, else the one in force on the due date.
    func responsibility(met: CivilDate?, due: CivilDate) -> Responsibility? {
        if let met { return allocation(on: met) }
        if let current = allocations.last(where: { $0.end == nil }) {
            return Responsibility(teamID: current.teamID, workerID: current.workerID)
        }
        return allocation(on: due)
    }

    func allocation(on date: CivilDate) -> Responsibility? {
        guard let found = allocations.last(where: { $0.start <= date && ($0.end.map { date <= $0 } ?? true) }) else {
            return nil
        }
        return Responsibility(teamID: found.teamID, workerID: found.workerID)
    }

    func dated(_ records: [DatedRecord], _ kind: EventKind) -> [EventRef] {
        records.sortedIfNeeded { ($0.date, $0.id) < ($1.date, $1.id) }.map { EventRef(kind, $0.id, $0.date) }
    }
}

/// The state of one derivation: the facts, and what has been derived so far. Each rule family
/// adds to it in its own file.
struct DerivationContext {
    let facts: DerivationFacts
    var obligations: [Obligation] = []
    var findings: [DataQualityFinding] = []

    init(journey: Journey, parameters: StandardParameters, calendar: WorkingDayCalendar) {
        facts = DerivationFacts(journey: journey, parameters: parameters, calendar: calendar)
        obligations.reserveCapacity(64)
    }

    var journey: Journey { facts.journey }
    var p: StandardParameters { facts.p }
    var seenVisits: [EventRef] { facts.seenVisits }

    /// Who answers for an obligation: by default whoever the child is allocated to (on the day it
    /// was met, or is due); some rules name someone else, or no one.
    enum WhoIsResponsible {
        case allocation
        case named(Responsibility?)

        func resolved(by facts: DerivationFacts, met: CivilDate?, due: CivilDate) -> Responsibility? {
            switch self {
            case .allocation: facts.responsibility(met: met, due: due)
            case let .named(who): who
            }
        }
    }

    // MARK: - Adding obligations

    mutating func add(_ rule: RuleID, id: String, sequence: Int = 1, subject: Subject? = nil, startedBy: EventRef,
                      due: CivilDate, provisional: Bool = false, metBy: EventRef?, notApplicable: NotApplicable? = nil,
                      responsible: WhoIsResponsible = .allocation) {
        obligations.append(Obligation(
            id: id, ruleID: rule, subject: subject ?? facts.child, sequence: sequence, startedBy: startedBy, due: due,
            provisional: provisional, metBy: metBy,
            responsible: responsible.resolved(by: facts, met: metBy?.date, due: due),
            notApplicable: metBy == nil ? notApplicable : nil))
    }

    mutating func finding(_ field: String, _ rule: RuleID?, _ message: String) {
        findings.append(DataQualityFinding(childID: facts.journey.childID, field: field, ruleID: rule, message: message))
    }

    /// A single (non-recurring) obligation that no longer applies once `end` has passed unmet.
    mutating func single(_ rule: RuleID, id: String, startedBy: EventRef, due: CivilDate, provisional: Bool = false,
                         metBy: EventRef?, end: CivilDate? = nil, endReason: String = "",
                         subject: Subject? = nil, responsible: WhoIsResponsible = .allocation) {
        let notApplicable: NotApplicable? = end.flatMap { end in
            metBy.map { $0.date > end } ?? true ? NotApplicable(reason: endReason, since: end) : nil
        }
        add(rule, id: id, subject: subject, startedBy: startedBy, due: due, provisional: provisional,
            metBy: metBy.flatMap { met in end.map { met.date <= $0 } ?? true ? met : nil },
            notApplicable: notApplicable, responsible: responsible)
    }

    // MARK: - Recurring chains

    struct ChainResult {
        /// How many links were met.
        let met: Int
        /// The due date of the first link not met (nil if the chain stopped with every link met).
        let pendingDue: CivilDate?
    }

    /// A recurring obligation: the first link is due as given; each meeting event is the first
    /// one after the previous link's start (on or after it, for the first link), and the next
    /// link is computed from that event's *actual* date by `next` (nil ends the chain). When the
    /// chain's `end` passes with a link unmet, that link no longer applies and the chain stops.
    /// `events` must be sorted by date.
    @discardableResult
    mutating func chain(id anchor: String, subject: Subject? = nil, first: Link, startedBy: EventRef, events: ArraySlice<EventRef>,
                        end: CivilDate?, endReason: String, responsible: WhoIsResponsible = .allocation,
                        restart: ChainRestart = .actualEvent, next: (EventRef, Int) -> Link?) -> ChainResult {
        var link = first
        var start = startedBy
        var sequence = 1
        var index = events.startIndex
        while true {
            while index < events.endIndex, events[index].date < start.date || (sequence > 1 && events[index].date == start.date) {
                index += 1
            }
            let candidate = index < events.endIndex ? events[index] : nil
            let meeting = candidate.flatMap { event in end.map { event.date <= $0 } ?? true ? event : nil }
            guard let meeting else {
                add(link.rule, id: "\(anchor)#\(sequence)", sequence: sequence, subject: subject, startedBy: start, due: link.due,
                    provisional: link.provisional, metBy: nil,
                    notApplicable: end.map { NotApplicable(reason: endReason, since: $0) }, responsible: responsible)
                return ChainResult(met: sequence - 1, pendingDue: link.due)
            }
            add(link.rule, id: "\(anchor)#\(sequence)", sequence: sequence, subject: subject, startedBy: start, due: link.due,
                provisional: link.provisional, metBy: meeting, responsible: responsible)
            // A late event restarts the clock at its own date, or (where a council's local standard
            // says so) at the missed due date, keeping the original rhythm.
            let late = meeting.date > link.due
            let from = restart == .dueDate && late ? EventRef(meeting.kind, meeting.id, link.due) : meeting
            guard let following = next(from, sequence + 1) else {
                return ChainResult(met: sequence, pendingDue: nil)
            }
            link = following
            start = meeting
            sequence += 1
            index += 1
        }
    }
}

extension Array {
    /// Sorted copy, or the array itself (no copy) when it is already in order, as stored
    /// journeys usually are.
    func sortedIfNeeded(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var index = 1
        while index < count {
            if areInIncreasingOrder(self[index], self[index - 1]) { return sorted(by: areInIncreasingOrder) }
            index += 1
        }
        return self
    }
}

extension ArraySlice where Element == EventRef {
    /// The events dated on or after `date` (the slice is sorted by date).
    func from(_ date: CivilDate) -> ArraySlice<EventRef> {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid].date < date { low = mid + 1 } else { high = mid }
        }
        return self[low...]
    }
}

extension Array where Element == EventRef {
    func from(_ date: CivilDate) -> ArraySlice<EventRef> { self[...].from(date) }
}

/// Where the next link of a recurring chain is counted from when the previous one was met late.
enum ChainRestart: Sendable {
    /// From the actual (late) event, as the regulations say for statutory chains.
    case actualEvent
    /// From the missed due date (a local choice for local visiting standards).
    case dueDate
}

/// One link of a recurring chain: the rule that sets its interval and its due date.
struct Link {
    let rule: RuleID
    let due: CivilDate
    var provisional = false
}

/// The earlier of two optional dates (nil = open-ended).
func earliest(_ a: CivilDate?, _ b: CivilDate?) -> CivilDate? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
}
