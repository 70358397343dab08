/// Deterministic synthetic journeys for benchmarks and demos, with a realistic mix of stages:
/// front door only, child in need, child protection, in care (some for years, with dozens of
/// reviews, visits and placements), adoption, and care leavers. Visits and meetings fall near
/// their timescales with jitter, so some are late and some obligations are open.
public enum SyntheticJourneys {
    public static func generate(count: Int, seed: UInt64, today: CivilDate) -> [Journey] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            var builder = Builder(id: "SYN-\(index + 1)", today: today, random: SeededGenerator(seed: random.next()))
            return builder.build()
        }
    }

    enum Stage: CaseIterable {
        case frontDoor, childInNeed, childProtection, inCare, adoption, shortBreaks, careLeaver
    }

    struct Builder {
        let id: String
        let today: CivilDate
        var random: SeededGenerator
        var journey: Journey
        var counter = 0

        init(id: String, today: CivilDate, random: SeededGenerator) {
            self.id = id
            self.today = today
            self.random = random
            self.journey = Journey(childID: id)
        }

        mutating func next(_ prefix: String) -> String {
            counter += 1
            return "\(prefix)\(counter)"
        }

        mutating func build() -> Journey {
            let roll = random.int(0...99)
            let stage: Stage = switch roll {
            case 0..<30: .frontDoor
            case 30..<50: .childInNeed
            case 50..<65: .childProtection
            case 65..<88: .inCare
            case 88..<94: .adoption
            case 94..<97: .shortBreaks
            default: .careLeaver
            }
            let age = stage == .careLeaver ? random.int(16...19) : stage == .adoption ? random.int(1...5) : random.int(0...16)
            journey.dateOfBirth = today.adding(days: -(age * 365 + random.int(0...364)))
            let team = "T\(random.int(1...40))"
            let referred = today.adding(days: -random.int(stage == .frontDoor ? 1...400 : 30...900))
            frontDoor(on: referred, assessed: stage != .frontDoor || random.chance(0.5))
            journey.allocations = [Allocation(teamID: team, workerID: "W\(random.int(1...600))", start: referred)]
            switch stage {
            case .frontDoor: break
            case .childInNeed: childInNeed(from: referred.adding(days: random.int(20...60)))
            case .childProtection: childProtection(from: referred.adding(days: random.int(1...10)))
            case .inCare: inCare(from: max(journey.dateOfBirth!, today.adding(days: -random.int(30...2200))), adoption: false)
            case .adoption: inCare(from: max(journey.dateOfBirth!, today.adding(days: -random.int(400...1400))), adoption: true)
            case .shortBreaks: shortBreaks(from: referred.adding(days: random.int(20...60)))
            case .careLeaver: careLeaver()
            }
            actions()
            return journey
        }

        mutating func frontDoor(on date: CivilDate, assessed: Bool) {
            journey.contacts.append(Contact(id: next("CT"), date: date.adding(days: -random.int(0...3))))
            let referral = Referral(id: next("R"), received: date, decided: date.adding(days: random.int(0...3)),
                                    noFurtherAction: !assessed)
            journey.referrals.append(referral)
            guard assessed else { return }
            // Some assessments name their referral, some leave it to be inferred; a few children
            // have a second assessment of the same referral.
            var start = date.adding(days: random.int(0...5))
            for number in 0...(random.chance(0.1) ? 1 : 0) {
                if number > 0 { start = start.adding(days: random.int(10...60)) }
                guard start <= today else { return }
                let authorised = start.adding(days: random.int(20...80))
                journey.assessments.append(Assessment(id: next("A"), referralID: random.chance(0.7) ? referral.id : nil, start: start,
                                                      authorised: authorised <= today ? authorised : nil))
            }
        }

        /// Dated events from `start` at roughly `interval` days (± jitter) until `end` or today.
        mutating func series(from start: CivilDate, every interval: Int, jitter: Int, until end: CivilDate?) -> [CivilDate] {
            var dates: [CivilDate] = []
            var date = start
            let last = min(end ?? today, today)
            while true {
                date = date.adding(days: max(1, interval + random.int(-jitter...jitter)))
                if date > last { return dates }
                dates.append(date)
            }
        }

        mutating func visits(from start: CivilDate, every interval: Int, until end: CivilDate?) {
            for date in series(from: start, every: interval, jitter: interval / 3, until: end) {
                journey.visits.append(Visit(id: next("V"), date: date, seen: !random.chance(0.05), seenAlone: random.chance(0.6)))
            }
        }

        mutating func childInNeed(from start: CivilDate) {
            let end = random.chance(0.5) ? start.adding(days: random.int(90...500)) : nil
            journey.cinPlans.append(CINPlan(id: next("CIN"), start: start, end: end.flatMap { $0 <= today ? $0 : nil }))
            visits(from: start, every: 26, until: end)
        }

        mutating func childProtection(from start: CivilDate) {
            let discussion = StrategyDiscussion(id: next("SD"), date: start, s47Initiated: true)
            journey.strategyDiscussions.append(discussion)
            journey.s47Enquiries.append(S47Enquiry(id: next("S47"), strategyDiscussionID: discussion.id, start: start,
                                                   end: start.adding(days: random.int(5...20)), conferenceRequired: true))
            let icpc = start.adding(days: random.int(14...28))
            guard icpc <= today else { return }
            journey.conferences.append(Conference(id: next("ICPC"), kind: .initial, date: icpc))
            let end = random.chance(0.4) ? icpc.adding(days: random.int(120...700)) : nil
            let planEnd = end.flatMap { $0 <= today ? $0 : nil }
            journey.cpPlans.append(CPPlan(id: next("CPP"), start: icpc, end: planEnd, category: .neglect))
            for date in series(from: icpc, every: 120, jitter: 30, until: planEnd) {
                journey.conferences.append(Conference(id: next("RCPC"), kind: .review, date: date))
            }
            for date in series(from: icpc, every: 28, jitter: 6, until: planEnd) {
                journey.coreGroups.append(DatedRecord(id: next("CG"), date: date))
            }
            visits(from: icpc, every: 13, until: planEnd)
        }

        mutating func inCare(from start: CivilDate, adoption: Bool) {
            let leaves = !adoption && random.chance(0.3)
            let end = leaves ? min(today, start.adding(days: random.int(60...1500))) : nil
            let last = end ?? today
            // Placements: a handful over the period, each visited every few weeks.
            var placements: [Placement] = []
            var placementStart = start
            let moves = random.int(0...5)
            for number in 0...moves {
                let remaining = placementStart.days(to: last)
                let length = number == moves ? remaining : random.int(0...max(0, remaining / 2))
                let placementEnd = number == moves ? end : placementStart.adding(days: max(1, length))
                let placement = Placement(id: next("PL"), start: placementStart, end: placementEnd,
                                          type: ["U4", "U6", "U1", "K2", "U5"][random.int(0...4)], provider: "PR\(random.int(1...5))",
                                          intendedUntil18: random.chance(0.4), placementPlan: placementStart.adding(days: random.int(0...8)))
                placements.append(placement)
                guard let placementEnd, number < moves, placementEnd < last else { break }
                placementStart = placementEnd
            }
            journey.periodsOfCare.append(PeriodOfCare(
                id: next("POC"), start: start, end: end, endReason: end == nil ? nil : "E4A",
                legalStatuses: [LegalStatusChange(date: start, code: random.chance(0.5) ? "C2" : "V2")], placements: placements))
            visits(from: start, every: 38, until: end)
            for (kind, interval) in [(0, 150), (1, 300), (2, 110)] {
                let first = start.adding(days: random.int(15...35))
                guard first <= last else { continue }
                let dates = [first] + series(from: first, every: interval, jitter: interval / 8, until: end)
                for date in dates {
                    switch kind {
                    case 0: journey.lacReviews.append(DatedRecord(id: next("LAR"), date: date))
                    case 1: journey.healthAssessments.append(HealthAssessment(id: next("HA"), kind: date == first ? .initial : .review, date: date))
                    default: journey.peps.append(DatedRecord(id: next("PEP"), date: date))
                    }
                }
            }
            journey.carePlans.append(DatedRecord(id: next("CARE"), date: start.adding(days: random.int(0...15))))
            if random.chance(0.7) {
                journey.permanencePlans.append(PermanencePlan(id: next("PP"), date: start.adding(days: random.int(60...200)),
                                                              plans: [adoption ? "ADOPTION" : "LTFOST18"]))
            }
            if random.chance(0.4) {
                let issued = start.adding(days: random.int(0...30))
                let concluded = issued.adding(days: random.int(150...400))
                journey.careProceedings.append(CareProceedings(id: next("PROC"), issued: issued,
                                                               concluded: concluded <= today ? concluded : nil))
            }
            if adoption { adoptionMilestones(from: start) }
            if random.chance(0.15) {
                journey.transfers.append(Transfer(id: next("TR"), fromTeam: "T1", toTeam: "T2", requested: start,
                                                  accepted: start.adding(days: random.int(2...30))))
            }
        }

        /// A disabled child's series of short breaks (legal status V3, each break a period of
        /// care), with a care plan, reviews about 6-monthly and visits during some breaks.
        mutating func shortBreaks(from start: CivilDate) {
            let breaks = [start] + series(from: start, every: 30, jitter: 10, until: nil)
            for first in breaks {
                let last = first.adding(days: random.int(1...4))
                let period = PeriodOfCare(id: next("SB"), start: first, end: last <= today ? last : nil,
                                          legalStatuses: [LegalStatusChange(date: first, code: "V3")],
                                          placements: [Placement(id: next("PL"), start: first, end: last <= today ? last : nil, type: "K1")])
                journey.periodsOfCare.append(period)
                if random.chance(0.25), first.adding(days: 1) <= today {
                    journey.visits.append(Visit(id: next("V"), date: first.adding(days: 1), seen: true))
                }
            }
            journey.carePlans.append(DatedRecord(id: next("CARE"), date: start.adding(days: -random.int(0...10))))
            for date in series(from: start.adding(days: random.int(60...95) - 180), every: 180, jitter: 15, until: nil) where date > start {
                journey.lacReviews.append(DatedRecord(id: next("LAR"), date: date))
            }
        }

        mutating func adoptionMilestones(from start: CivilDate) {
            let decision = start.adding(days: random.int(120...300))
            let order = decision.adding(days: random.int(30...120))
            let matched = order.adding(days: random.int(30...200))
            let placed = matched.adding(days: random.int(10...60))
            let adopted = placed.adding(days: random.int(80...300))
            func known(_ date: CivilDate) -> CivilDate? { date <= today ? date : nil }
            journey.adoption = Adoption(agencyDecision: known(decision), placementOrder: known(order), matched: known(matched),
                                        placed: known(placed), adoptionOrder: known(adopted), adoptedByFosterCarer: random.chance(0.15))
            for date in series(from: order, every: 100, jitter: 20, until: adopted) {
                journey.adoptionReviews.append(DatedRecord(id: next("AR"), date: date))
            }
        }

        mutating func careLeaver() {
            guard let born = journey.dateOfBirth else { return }
            let start = born.birthday(age: random.int(13...15))
            inCare(from: start, adoption: false)
            let sixteen = born.birthday(age: 16)
            journey.needsAssessments.append(DatedRecord(id: next("NA"), date: sixteen.adding(days: random.int(30...120))))
            for date in [sixteen.adding(days: 100)] + series(from: sixteen.adding(days: 100), every: 175, jitter: 20, until: nil) {
                journey.pathwayPlans.append(DatedRecord(id: next("PW"), date: date))
            }
        }

        mutating func actions() {
            for _ in 0..<random.int(0...4) {
                let due = today.adding(days: random.int(-120...60))
                journey.actions.append(Action(id: next("ACT"), description: "Synthetic action", ownerID: "W\(random.int(1...600))",
                                              due: due, done: random.chance(0.6) ? due.adding(days: random.int(-10...10)) : nil))
            }
        }
    }
}
