import Foundation
import LineOfSightCore

/// A recorded event of the demo authority: which child, the record, and the day it was recorded.
struct DemoEvent: Sendable {
    let id: UUID
    let childID: UUID
    let record: any JourneyRecord
}

/// Every demo child's journey so far, consistent with where they are allocated now and how long
/// they have been known, with the drift an inspector would find: contacts and referrals awaiting a
/// decision, people who made a contact never told the outcome, assessments past 45 working days, late initial conferences, missed visits, overdue actions.
/// Dates come from the national working-day calendar so the timescales read as they would.
struct DemoJourneyBuilder {
    var rng: SeededGenerator
    let today: CivilDate
    let authority: DemoAuthority
    private(set) var events: [DemoEvent] = []
    let calendar = WorkingDayCalendar.englandAndWales
    /// Transfers draw from their own sequence, derived from the demo's seed, so adding them left
    /// every other child's record as it was.
    var transferRng: SeededGenerator
    /// Children in duty and assessment whose assessment was authorised with a child in need
    /// outcome, and the day: their case should move (`buildTransfers`).
    var dueToMove: [(child: UUID, since: CivilDate)] = []

    init(rng: SeededGenerator, today: CivilDate, authority: DemoAuthority) {
        self.rng = rng; self.today = today; self.authority = authority
        var copy = rng
        transferRng = SeededGenerator(seed: copy.next() &* 0x9E37_79B9_7F4A_7C15)
    }

    mutating func build() {
        let services = Dictionary(uniqueKeysWithValues: authority.teams.map { ($0.id, $0.service) })
        let allocationsByChild = Dictionary(grouping: authority.allocations, by: \.childID)
        for child in authority.children {
            let allocations = (allocationsByChild[child.id] ?? []).sorted { $0.start < $1.start }
            guard let first = allocations.first, let current = allocations.last, let service = services[current.teamID] else { continue }
            let owner = current.workerID ?? authority.staff.first { $0.teamID == current.teamID && $0.jobRole == .teamManager }?.id
            buildJourney(child.id, from: max(first.start, child.dateOfBirth ?? first.start), service: service, owner: owner,
                         dateOfBirth: child.dateOfBirth)
            // New information about a child already open comes in as a contact too; a few of
            // this week's still wait for the team manager's decision.
            let recent = calendar.adding(workingDays: -between(0...4), to: today)
            if service != .frontDoor, current.end == nil, first.start < recent, rng.chance(0.06) {
                _ = addContact(child.id, received: recent, outcome: nil)
            }
        }
        buildTransfers(allocationsByChild: allocationsByChild, services: services)
    }

    mutating func add(_ child: UUID, _ record: any JourneyRecord) -> String {
        let id = rng.uuid()
        events.append(DemoEvent(id: id, childID: child, record: record))
        return id.text
    }

    /// Adds an event whose id comes from a generator of its own (`DemoJourneyBuilder.sideGenerator`),
    /// leaving the demo's own sequence as it was.
    mutating func add(_ child: UUID, _ record: any JourneyRecord, using side: inout SeededGenerator) {
        events.append(DemoEvent(id: side.uuid(), childID: child, record: record))
    }

    /// The `n`th working day after `date`, never after today.
    func workingDays(_ n: Int, after date: CivilDate) -> CivilDate { min(today, calendar.adding(workingDays: n, to: date)) }
    mutating func between(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    private mutating func buildJourney(_ child: UUID, from known: CivilDate, service: Service, owner: UUID?, dateOfBirth: CivilDate?) {
        let received = known
        let atFrontDoor = service == .frontDoor
        // Some children were referred before and closed with no further action: the referral
        // now is a re-referral.
        let earlier = received.adding(months: -between(3...11))
        if rng.chance(0.12), earlier >= (dateOfBirth ?? earlier), let decided = addContact(child, received: earlier, outcome: .referral) {
            _ = add(child, ReferralRecord(received: decided, source: rng.pick(Self.sources), concerns: rng.pick(Self.concerns),
                                          decided: workingDays(1, after: decided), noFurtherAction: true,
                                          decisionRationale: "Concerns addressed by the family with advice; no assessment needed."))
        }
        // At the front door a third of children have only a contact, some still waiting for a
        // manager's decision; everyone else's referral follows a contact decided as a referral.
        if atFrontDoor, rng.chance(0.35) {
            _ = addContact(child, received: received, outcome: rng.chance(0.45) ? nil : rng.pick([.noFurtherAction, .advice, .earlyHelp]))
            return
        }
        _ = addContact(child, received: received, outcome: .referral)
        let undecided = atFrontDoor && rng.chance(0.35)
        let decided = undecided ? nil : workingDays(rng.chance(0.12) ? between(2...4) : between(0...1), after: received)
        let earlyHelpOnly = service == .earlyHelp
        let referral = add(child, ReferralRecord(
            received: received, source: rng.pick(Self.sources), concerns: rng.pick(Self.concerns), decided: decided,
            noFurtherAction: decided == nil ? nil : (earlyHelpOnly || (atFrontDoor && rng.chance(0.4))),
            decisionRationale: decided == nil ? nil : rng.pick(Self.rationales)))
        guard let decided, !earlyHelpOnly, !(atFrontDoor) else { return }

        // The assessment: in duty and assessment a third are past 45 working days and not yet authorised.
        let start = workingDays(between(0...2), after: decided)
        let inAssessment = service == .dutyAndAssessment
        let late = rng.chance(inAssessment ? 0.3 : 0.15)
        let planned = calendar.adding(workingDays: late ? between(47...70) : between(15...44), to: received)
        let finished = planned <= today && !(inAssessment && late && rng.chance(0.7))
        let completed = finished ? min(today, calendar.adding(workingDays: -between(0...3), to: planned)) : nil
        let authorised = finished ? planned : nil
        let viaCP = service == .cinCP ? rng.chance(0.55) : [.childrenInCare, .permanence, .careLeavers].contains(service) && rng.chance(0.6)
        // In duty and assessment, some assessments end with a child in need plan: their case should move on.
        let moving = inAssessment && authorised != nil && transferRng.chance(0.3)
        if moving, let authorised { dueToMove.append((child, max(authorised, start))) }
        _ = add(child, AssessmentRecord(
            referralID: referral, start: start, childSeen: min(today, start.adding(days: between(0...6))), completed: completed.map { max($0, start) },
            authorised: authorised.map { max($0, start) },
            outcome: authorised == nil ? nil : (viaCP ? .strategyDiscussion : (service == .dutyAndAssessment && !moving ? .noFurtherAction : .childInNeedPlan)),
            analysis: authorised == nil ? nil : rng.pick(Self.analyses), childsViews: rng.pick(Self.views)))
        guard let authorised, !inAssessment else { return }

        // Children in care, in permanence and leaving care became looked after when their plan ended.
        let planEnds = [.childrenInCare, .permanence, .careLeavers].contains(service)
        let ended = viaCP ? buildChildProtection(child, assessmentStart: start, authorised: authorised, endPlan: planEnds, owner: owner)
            : buildChildInNeed(child, from: authorised, endPlan: planEnds, owner: owner)
        if planEnds, let ended, let dateOfBirth {
            buildLookedAfter(child, entered: ended, service: service, born: dateOfBirth, owner: owner)
        }
    }

    /// The day the plan ended, if it has.
    private mutating func buildChildProtection(_ child: UUID, assessmentStart: CivilDate, authorised: CivilDate, endPlan: Bool, owner: UUID?) -> CivilDate? {
        let discussion = min(authorised, assessmentStart.adding(days: between(2...10)))
        let sd = add(child, StrategyDiscussionRecord(date: discussion, agencies: [.socialCare, .police, rng.chance(0.7) ? .health : .education],
                                                     s47Initiated: true, rationale: rng.pick(Self.rationales)))
        // A quarter of initial conferences are late.
        let icpc = calendar.adding(workingDays: rng.chance(0.25) ? between(16...28) : between(8...15), to: discussion)
        let enquiryEnd = min(icpc, calendar.adding(workingDays: between(5...12), to: discussion))
        _ = add(child, S47EnquiryRecord(strategyDiscussionID: sd, start: discussion, end: enquiryEnd <= today ? enquiryEnd : nil,
                                        conferenceRequired: enquiryEnd <= today ? true : nil, outcome: rng.pick(Self.analyses)))
        guard icpc <= today else { return nil }
        let category = rng.pick([AbuseCategory.neglect, .neglect, .emotional, .physical, .sexual, .multiple])
        let initial = add(child, ConferenceRecord(kind: .initial, date: icpc, planNeeded: true, category: category,
                                                  childsViews: rng.pick(Self.views), decisionNotes: rng.pick(Self.decisions)))
        // Reviews at 3 months, then every 6, some held late; the plan ends at one if the child moved on.
        var reviews: [CivilDate] = []
        var next = icpc.adding(months: 3)
        while true {
            let held = next.adding(days: rng.chance(0.2) ? between(5...30) : -between(0...10))
            guard held <= today else { break }
            reviews.append(held)
            next = held.adding(months: 6)
        }
        let ended = endPlan ? reviews.last ?? min(today, icpc.adding(months: 3)) : nil
        for review in reviews {
            _ = add(child, ConferenceRecord(kind: .review, date: review, planNeeded: review != ended, category: review != ended ? category : nil,
                                            childsViews: rng.pick(Self.views), decisionNotes: rng.pick(Self.decisions)))
        }
        let plan = add(child, CPPlanRecord(start: icpc, end: ended, category: category, outcomes: rng.pick(Self.outcomes),
                                           contingency: rng.pick(Self.contingencies), childsViews: rng.pick(Self.views)))
        let until = ended ?? today
        var meeting = calendar.adding(workingDays: rng.chance(0.2) ? between(11...18) : between(5...10), to: icpc)
        while meeting <= until {
            _ = add(child, CoreGroupRecord(date: meeting, notes: rng.pick(Self.decisions), childsViews: rng.chance(0.5) ? rng.pick(Self.views) : nil))
            meeting = meeting.adding(days: rng.chance(0.15) ? between(32...50) : between(21...28))
        }
        buildVisits(child, from: icpc, until: until, everyWorkingDays: 5...10, missedChance: 0.2)
        buildActions(child, source: initial, raised: icpc, owner: owner, count: between(2...4))
        _ = plan
        return ended
    }

    /// The day the plan ended, if it has.
    private mutating func buildChildInNeed(_ child: UUID, from authorised: CivilDate, endPlan: Bool, owner: UUID?) -> CivilDate? {
        let start = min(today, authorised.adding(days: between(0...10)))
        let end = endPlan ? min(today, start.adding(months: between(3...9))) : nil
        let plan = add(child, CINPlanRecord(start: start, end: end, outcomes: rng.pick(Self.outcomes), contingency: rng.pick(Self.contingencies),
                                            childsViews: rng.pick(Self.views)))
        buildVisits(child, from: start, until: end ?? today, everyWorkingDays: 10...22, missedChance: 0.15)
        buildActions(child, source: plan, raised: start, owner: owner, count: between(1...3))
        return end
    }

    /// Visits at roughly the standard's interval; for some children the visits stop some weeks ago.
    mutating func buildVisits(_ child: UUID, from start: CivilDate, until end: CivilDate, everyWorkingDays gap: ClosedRange<Int>, missedChance: Double,
                              at locations: [(VisitRecord.Location, Double)] = [(.home, 6), (.school, 2), (.office, 1), (.elsewhere, 1)]) {
        let stopsEarly = end == today && rng.chance(missedChance)
        let last = stopsEarly ? calendar.adding(workingDays: -between(15...40), to: today) : end
        var visit = calendar.adding(workingDays: between(gap), to: start)
        while visit <= last {
            let seen = rng.chance(0.93)
            _ = add(child, VisitRecord(date: visit, kind: rng.chance(0.8) ? .planned : .unannounced,
                                       location: rng.weighted(locations),
                                       seen: seen, seenAlone: seen ? rng.chance(0.6) : nil,
                                       childsViews: seen ? rng.pick(Self.views) : nil, observations: rng.pick(Self.observations)))
            visit = calendar.adding(workingDays: between(gap), to: visit)
        }
    }

    /// Actions from a plan or conference: most done, some overdue.
    mutating func buildActions(_ child: UUID, source: String, raised: CivilDate, owner: UUID?, count: Int) {
        guard let owner else { return }
        for _ in 0..<count {
            let due = raised.adding(days: between(10...90))
            let done = due < today && rng.chance(0.7) ? min(today, due.adding(days: between(-10...5))) : nil
            _ = add(child, ActionRecord(description: rng.pick(Self.actions), ownerID: owner.text, raised: raised, due: due,
                                        done: done.map { max($0, raised) }, completionNote: done == nil ? nil : "Done and recorded on the file",
                                        sourceID: source))
        }
    }

    /// A contact received on `received`, screened, and — when `outcome` is given — its next step
    /// authorised by a manager (usually within a working day) and the person who made it told
    /// (not always); the day of the decision.
    private mutating func addContact(_ child: UUID, received: CivilDate, outcome: ContactRecord.NextStep?) -> CivilDate? {
        let source = rng.pick(Self.contactSources)
        let decided = outcome.map { _ in workingDays(rng.chance(0.15) ? between(2...4) : between(0...1), after: received) }
        let told = decided.flatMap { decided in
            source == ReferralSource.anonymous || rng.chance(0.2) ? nil : workingDays(between(0...2), after: decided)
        }
        let overridden = rng.chance(0.1)
        _ = add(child, ContactRecord(
            received: received, receivedTime: String(format: "%02d:%02d", between(8...17), 5 * between(0...11)), source: source,
            referrer: Self.referrers[source].map { rng.pick($0) }, concerns: rng.pick(Self.concerns),
            consent: overridden ? .overridden : .obtained,
            consentRationale: overridden ? "Seeking consent would place the child at risk of significant harm." : nil,
            screening: outcome ?? rng.pick(ContactRecord.NextStep.allCases), screeningNotes: "Checked records, spoke to the referrer and the school.",
            decided: decided, outcome: outcome, decisionRationale: outcome.map { _ in rng.pick(Self.rationales) }, referrerInformed: told))
        return decided
    }

    /// CIN census referral source codes, the common ones more often.
    static let contactSources = ["6", "6", "6", "2A", "2A", "3B", "3A", "3E", "1A", "1B", "5D", "8", "9"]
    /// Who might make a contact from each source (none for an anonymous one).
    static let referrers: [String: [String]] = [
        "6": ["PC Jones, Merseyside Police", "Public protection unit, Merseyside Police"],
        "2A": ["Designated safeguarding lead, St Mary's Primary", "Head of year 9, Haydock High School"],
        "3A": ["Dr Patel, Central Surgery"], "3B": ["Health visitor, Central locality"],
        "3E": ["Emergency department, Whiston Hospital"], "1A": ["The child's grandmother", "The child's aunt"],
        "1B": ["A neighbour"], "5D": ["Early help worker, Parr family hub"], "8": ["Family support worker, Barnardo's"],
    ]
    static let sources = ["School", "Police", "Health visitor", "GP", "Parent", "Neighbour", "Nursery", "Hospital emergency department", "Housing"]
    static let concerns = [
        "Child arrived at school hungry and in the same clothes for several days.",
        "Police attended a domestic incident at the home; the child was present.",
        "Unexplained bruising to the upper arm noticed at nursery.",
        "Parent disclosed struggling with alcohol and asked for help.",
        "Child told a teacher they are scared to go home.",
    ]
    static let rationales = [
        "Threshold for an assessment met: concerns about neglect over several months.",
        "Information from police and school together indicates risk of significant harm.",
        "Needs can be met by universal services with advice to the family.",
        "Early help offer accepted by the family.",
    ]
    static let analyses = [
        "Parents engage but struggle to sustain change; the child's needs are not consistently met.",
        "Risk of significant harm from domestic abuse; protective factors in the wider family.",
        "Home conditions improved during the assessment; support needed to sustain this.",
    ]
    static let views = [
        "I want to stay at home but I want the shouting to stop.",
        "I like it when Nan picks me up from school.",
        "I don't like talking about it. Can we play instead?",
        "I feel safe at school. I want my dad to come to my football.",
        "Said through drawing: a house with everyone smiling and the dog.",
    ]
    static let observations = [
        "Home warm and clean; food in the cupboards. Child relaxed with mother.",
        "Home cluttered; no bed for the child. Discussed with mother, who agreed to contact the furniture scheme.",
        "Child quiet and watchful when father came in.",
        "Good interaction between the child and younger sibling.",
    ]
    static let decisions = [
        "Agreed the plan continues; school to share attendance weekly.",
        "Father to complete the domestic abuse programme; progress reviewed next meeting.",
        "Health visitor to increase contact to fortnightly.",
    ]
    static let outcomes = [
        "The child lives in a home free from domestic abuse and attends school every day.",
        "The child's health needs are met: dental check, immunisations up to date.",
        "Parents show they can keep the child safe without social care support.",
    ]
    static let contingencies = [
        "If the child is harmed again or the parents do not engage, a legal planning meeting will be held.",
        "If home conditions fall below the agreed standard, a strategy discussion will be convened.",
    ]
    static let actions = [
        "Refer mother to the domestic abuse service",
        "Arrange a dental check-up",
        "Complete the direct work sessions on the child's wishes and feelings",
        "Share the plan with the school's designated safeguarding lead",
        "Visit the paternal grandparents to assess support",
        "Apply for the nursery place",
    ]
}
