import Foundation
import LineOfSightCore

/// The demo's workforce records and supervision, from their own generator (seeded from the demo's
/// seed) so that adding them leaves every demo child as it was: start dates (newly qualified
/// workers within their first year), leavers in the last 12 months, each team's funded posts with
/// some vacant, and supervision sessions — most on time, some overdue, some case discussions with
/// a decision and an action, some recording neither ("tick-box" supervision).
struct DemoWorkforce {
    struct SessionRecord: Sendable {
        let id: UUID; let supervisorID: UUID; let superviseeID: UUID; let date: CivilDate; let kind: SupervisionKind
    }
    struct DiscussionLink: Sendable { let sessionID: UUID; let eventID: UUID }

    var rng: SeededGenerator
    let today: CivilDate
    var authority: DemoAuthority

    mutating func build() {
        datePosts()
        addLeavers()
        fundPosts()
        superviseEveryone()
    }

    /// When each member of staff started: newly qualified workers in the last year, others up to 15 years ago.
    private mutating func datePosts() {
        for index in authority.staff.indices {
            let member = authority.staff[index]
            let days = member.newlyQualified ? Int.random(in: 20...300, using: &rng) : Int.random(in: 200...5_500, using: &rng)
            authority.staff[index].startDate = today.adding(days: -days)
        }
    }

    /// A few case holders per area who left in the last 12 months (their children long since reallocated).
    private mutating func addLeavers() {
        let teams = authority.teams
        for team in teams where rng.chance(0.6) {
            let manager = authority.staff.first { $0.teamID == team.id && $0.jobRole == .teamManager }?.id
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                let left = today.adding(days: -Int.random(in: 5...360, using: &rng))
                authority.staff.append(.init(id: rng.uuid(), firstName: rng.pick(DemoNames.adultFirstNames), lastName: rng.pick(DemoNames.surnames),
                                             jobRole: .socialWorker, teamID: team.id, managerID: manager, fte: 1, agency: rng.chance(0.3),
                                             newlyQualified: false, active: false,
                                             startDate: left.adding(days: -Int.random(in: 200...2_000, using: &rng)), leavingDate: left))
            }
        }
    }

    /// Each team's establishment: the posts filled now, plus up to two vacant.
    private mutating func fundPosts() {
        for index in authority.teams.indices {
            let team = authority.teams[index]
            let filled = authority.staff.filter { $0.teamID == team.id && $0.active }.reduce(0) { $0 + $1.fte }
            authority.teams[index].fundedFTE = filled + rng.weighted([(0.0, 0.3), (1.0, 0.4), (1.5, 0.15), (2.0, 0.15)])
        }
    }

    /// Sessions for every case holder with a manager over the last six months: regular for most,
    /// stopped weeks ago for some (overdue now), weekly for the newly qualified; a discussion of one
    /// to three of their children in each individual session.
    private mutating func superviseEveryone() {
        var caseload: [UUID: [(child: UUID, since: CivilDate)]] = [:]
        for allocation in authority.allocations where allocation.end == nil {
            if let worker = allocation.workerID { caseload[worker, default: []].append((allocation.childID, allocation.start)) }
        }
        for member in authority.staff where member.active && member.jobRole.holdsCases {
            guard let manager = member.managerID, let start = member.startDate else { continue }
            let interval = member.newlyQualified ? 7 : Int.random(in: 21...35, using: &rng)
            // About one in eight has had no session for some weeks: overdue now.
            let lapsed = rng.chance(0.12) ? Int.random(in: 40...80, using: &rng) : 0
            var date = max(start, today.adding(days: -180)).adding(days: Int.random(in: 0...10, using: &rng))
            while date <= today.adding(days: -lapsed - 1) {
                let kind: SupervisionKind = rng.weighted([(.individual, 0.85), (.group, 0.05), (.adHoc, 0.10)])
                let session = SessionRecord(id: rng.uuid(), supervisorID: manager, superviseeID: member.id, date: date, kind: kind)
                authority.supervisionSessions.append(session)
                // The children already theirs on the day.
                let children = (caseload[member.id] ?? []).filter { $0.since <= date }.map(\.child)
                if kind != .group, !children.isEmpty {
                    for child in Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in rng.pick(children) }).sorted() {
                        discuss(child, in: session)
                    }
                }
                date = date.adding(days: interval + Int.random(in: -3...5, using: &rng))
            }
        }
    }

    /// A case discussion: most with a decision, many with an action, about one in five with neither.
    private mutating func discuss(_ child: UUID, in session: SessionRecord) {
        let tickBox = rng.chance(0.2)
        let discussionID = rng.uuid()
        let decision = tickBox ? nil : rng.pick(["Continue the plan; review at the next core group.", "Request a family group conference.",
                                                "Escalate to the legal gateway meeting.", "Step down to early help at the next review.",
                                                "Complete the updated assessment before the review."])
        authority.events.append(DemoEvent(id: discussionID, childID: child, record: CaseDiscussionRecord(
            date: session.date, supervisorID: session.supervisorID.text,
            reflection: rng.pick(["Progress is slow; the family engage but the home conditions have not improved.",
                                  "The child has settled and is attending school every day.",
                                  "Worry about the child's contact with an older peer group.",
                                  "Mother has begun the parenting programme; father has not engaged."]),
            decision: decision)))
        authority.discussionLinks.append(DiscussionLink(sessionID: session.id, eventID: discussionID))
        guard !tickBox, rng.chance(0.5) else { return }
        let due = session.date.adding(days: Int.random(in: 7...28, using: &rng))
        authority.events.append(DemoEvent(id: rng.uuid(), childID: child, record: ActionRecord(
            description: rng.pick(["Visit the child at school and see them alone", "Refer to the family group conference service",
                                   "Update the chronology and the assessment", "Arrange a strategy discussion with the police"]),
            ownerID: session.superviseeID.text, raised: session.date, due: due,
            done: due < today && rng.chance(0.7) ? due.adding(days: -Int.random(in: 0...5, using: &rng)) : nil,
            sourceID: discussionID.text)))
    }
}
