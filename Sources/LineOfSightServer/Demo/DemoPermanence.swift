import Foundation
import LineOfSightCore

/// The permanence part of a looked-after demo child's journey, with the drift inspectors find in
/// every part of it: pre-proceedings that run past 16 weeks, proceedings past 26 weeks without an
/// extension, permanence plans agreed late or not at all, options weighed late, connected carers
/// past their temporary approval, adoptions waiting for a match, returns home without a risk
/// assessment; and the decisions of meetings and panels, with their actions.
extension DemoJourneyBuilder {
    mutating func buildPermanence(_ child: UUID, entered: CivilDate, lastDay: CivilDate, ended: (date: CivilDate, reason: String)?, born: CivilDate,
                                  owner: UUID?, reviews: [(date: CivilDate, id: String)],
                                  orders: (interim: CivilDate?, full: CivilDate?, placement: CivilDate?),
                                  adoptivePlacement: (date: CivilDate, byFosterCarers: Bool)?, adopted: CivilDate?) {
        let managers = authority.staff.filter { $0.jobRole == .teamManager || $0.jobRole == .headOfService }.map(\.id)
        let chair = managers.isEmpty ? nil : rng.pick(managers).text
        buildProceedings(child, entered: entered, lastDay: lastDay, orders: orders, chair: chair, owner: owner)

        // Ways to permanence weighed: usually in the first weeks, sometimes late.
        let routes: [PermanenceOption.Route] = born.age(on: entered) < 8
            ? [.connectedPerson, .returnHome, .adoption, .longTermFostering] : [.returnHome, .connectedPerson, .longTermFostering, .specialGuardianship]
        var considered = entered.adding(days: rng.chance(0.2) ? between(60...150) : between(3...50))
        for route in routes.prefix(between(1...3)) where considered <= lastDay {
            buildOption(child, route: route, considered: considered, lastDay: lastDay)
            considered = considered.adding(days: between(5...40))
        }

        // The plan: at the second review for most, later for some, not yet for a few.
        if reviews.count >= 2, !rng.chance(0.12) {
            let review = rng.chance(0.8) || reviews.count < 3 ? reviews[1] : reviews[2]
            let plans = orders.placement != nil ? ["ADOPTION"] + (rng.chance(0.3) ? ["LTFOST18"] : [])
                : born.age(on: review.date) >= 15 ? [rng.pick(["SUPPLIV", "LTFOST18", "RESPLMT"])]
                : [rng.pick(["LTFOST18", "LTFOST18", "LTRELFR", "RETURNEV", "RETURN6M"])] + (rng.chance(0.2) ? ["LTRELFR"] : [])
            _ = add(child, PermanencePlanRecord(date: review.date, plans: plans, reviewID: review.id,
                                                notes: "Agreed at the review with the family and the reviewing officer.",
                                                childsViews: rng.chance(0.5) ? rng.pick(Self.views) : nil))
            let decided = review.date.adding(days: between(10...60))
            if decided <= lastDay, rng.chance(0.6) {
                // For long-term fostering, a nominated officer's approval of the match for some.
                let longTermFostering = !plans.contains("ADOPTION") && plans.contains(PermanenceCodes.longTermFostering)
                let forum: PermanenceDecisionRecord.Forum = plans.contains("ADOPTION") ? .adoptionPanel
                    : rng.pick(longTermFostering ? [.permanencePanel, .nominatedOfficer] : [.permanencePanel, .fosteringPanel])
                let decision = add(child, PermanenceDecisionRecord(date: decided, forum: forum, decision: rng.pick(Self.permanenceDecisions),
                                                                   route: plans.contains("ADOPTION") ? .adoption : .longTermFostering, chairID: chair,
                                                                   concludes: forum == .nominatedOfficer ? .longTermFosteringMatch : nil))
                buildActions(child, source: decision, raised: decided, owner: owner, count: between(1...2))
            }
        }
        let meeting = entered.adding(days: between(20...70))
        if meeting <= lastDay, rng.chance(0.5) {
            let id = add(child, PermanenceDecisionRecord(date: meeting, forum: .planningMeeting, decision: rng.pick(Self.permanenceDecisions),
                                                         chairID: chair))
            buildActions(child, source: id, raised: meeting, owner: owner, count: 1)
        }
        if let order = orders.placement, let full = orders.full {
            buildAdoption(child, full: full, order: order, placement: adoptivePlacement, adopted: adopted, lastDay: lastDay)
        }
        if let ended, PermanenceCodes.returnHomeReasons.contains(ended.reason), rng.chance(0.6) {
            let assessed = ended.date.adding(days: -between(10...60))
            _ = add(child, PermanenceOptionRecord(route: .returnHome, considered: assessed.adding(days: -between(5...20)), who: "Mother",
                                                  assessment: .returnHomeRisk, assessmentStarted: assessed.adding(days: -between(1...5)),
                                                  assessmentCompleted: assessed, outcome: .pursued, decided: assessed,
                                                  reason: "Risks reduced: support plan agreed with the family."))
        }
        // Connected carers, approved temporarily: most approved in time, some extended, a few past the limit.
        if rng.chance(0.2) {
            let start = entered.adding(days: between(0...20))
            let limit = start.adding(weeks: 16)
            let extended = rng.chance(0.3) ? limit.adding(days: -between(3...14)) : nil
            // Some are never resolved: the carers still not approved long after the limit.
            let approved = start.adding(days: rng.chance(0.2) ? 5_000 : rng.chance(0.25) ? between(100...190) : between(60...110))
            _ = add(child, TemporaryApprovalRecord(start: start, carers: rng.pick(["The child's grandmother, Mrs Byrne", "The child's aunt, Ms Kelly",
                                                                                  "A family friend, Mrs Shah"]),
                                                   approvedByID: chair, extended: extended.flatMap { $0 <= lastDay ? $0 : nil },
                                                   extensionWeeks: extended.flatMap { $0 <= lastDay ? 8 : nil }, extendedByID: extended == nil ? nil : chair,
                                                   fosteringPanelViews: extended == nil ? nil : "The panel supported an extension to finish the assessment.",
                                                   iroInformed: extended == nil ? nil : true, approved: approved <= lastDay ? approved : nil))
            // The fostering panel's recommendation before approval concludes the full assessment.
            var side = Self.sideGenerator(child.text + "/fostering-panel")
            let panel = approved.adding(days: -side.int(7...21))
            if panel <= lastDay, side.chance(0.7) {
                add(child, PermanenceDecisionRecord(
                    date: panel, forum: .fosteringPanel, decision: "Recommended approval as foster carers after the full assessment.",
                    route: .connectedPerson, chairID: chair, concludes: .connectedPersonAssessment), using: &side)
            }
        }
    }

    /// Pre-proceedings before an interim order (or still running), and the proceedings from the
    /// interim order to the full order, with their hearings.
    private mutating func buildProceedings(_ child: UUID, entered: CivilDate, lastDay: CivilDate,
                                           orders: (interim: CivilDate?, full: CivilDate?, placement: CivilDate?), chair: String?, owner: UUID?) {
        let gateway = orders.interim.map { $0.adding(days: -between(60...200)) }
            ?? (lastDay == today && rng.chance(0.25) ? today.adding(days: -between(20...200)) : nil)
        if let gateway {
            let letter = gateway.adding(days: between(3...15))
            let id = add(child, PreProceedingsRecord(date: gateway, decision: .preProceedings, reason: rng.pick(Self.legalReasons), chairID: chair,
                                                     letterSent: letter <= today ? letter : nil, initialMeeting: letter.adding(days: 10) <= today ? letter.adding(days: 10) : nil,
                                                     end: orders.interim, outcome: orders.interim == nil ? nil : .issued))
            buildActions(child, source: id, raised: gateway, owner: owner, count: 1)
            // Reviews every six weeks or so while they run; some stop being held.
            var side = Self.sideGenerator(id)
            let until = min(orders.interim ?? today, today, lastDay)
            var review = (letter <= today ? letter : gateway).adding(weeks: 6).adding(days: -side.int(0...7))
            while review <= until, side.chance(0.8) {
                let outcome = side.pick(Self.reviewOutcomes)
                add(child, PLOReviewRecord(preProceedingsID: id, date: review, outcome: outcome, chairID: chair), using: &side)
                review = review.adding(weeks: 6).adding(days: side.int(-7...10))
            }
        }
        guard let issued = orders.interim else { return }
        let concluded = orders.full
        let proceedings = add(child, CareProceedingsRecord(issued: issued, court: "Liverpool Family Court", caseNumber: "LV\(between(10...99))C\(between(10_000...99_999))",
                                                           initialCarePlan: "Interim placement in foster care; assessments of both parents and the wider family.",
                                                           concluded: concluded, finalOrder: concluded == nil ? nil : orders.placement != nil ? .placementOrder : .careOrder,
                                                           finalCarePlan: concluded == nil ? nil : "Long-term plan as agreed by the court."))
        let end = concluded ?? today
        var hearings: [(CivilDate, HearingRecord.Kind)] = [(issued.adding(days: between(12...20)), .caseManagement),
                                                           (issued.adding(days: between(110...150)), .issuesResolution)]
        if let concluded { hearings.append((concluded, .finalHearing)) }
        let long = issued.adding(days: 181) < end
        for (index, (date, kind)) in hearings.enumerated() where date <= end && date <= today {
            let extend = long && kind == .issuesResolution && rng.chance(0.6)
            _ = add(child, HearingRecord(careProceedingsID: proceedings, date: date, kind: kind, outcome: "Directions given; timetable confirmed.",
                                         extensionWeeks: extend ? 8 : nil, extensionReason: extend ? "An expert assessment of the father could not finish in time." : nil,
                                         nextHearing: index + 1 < hearings.count ? hearings[index + 1].0 : nil))
        }
    }

    /// A way to permanence weighed, with an assessment for family and friends and special guardians.
    private mutating func buildOption(_ child: UUID, route: PermanenceOption.Route, considered: CivilDate, lastDay: CivilDate) {
        let assessment: PermanenceOption.Assessment? = switch route {
        case .connectedPerson: .viability
        case .specialGuardianship: .specialGuardianship
        case .returnHome: .parenting
        default: nil
        }
        let started = assessment == nil ? nil : min(lastDay, considered.adding(days: between(0...5)))
        let completed = started.map { $0.adding(days: assessment == .specialGuardianship ? between(60...120) : between(7...30)) }
        let done = completed.flatMap { $0 <= lastDay ? $0 : nil }
        let decided = (done ?? considered).adding(days: between(1...10))
        let ruledOut = rng.chance(0.5)
        _ = add(child, PermanenceOptionRecord(route: route, considered: considered, who: route == .connectedPerson ? rng.pick(["Maternal grandmother", "Paternal aunt"]) : nil,
                                              assessment: assessment, assessmentStarted: started, assessmentCompleted: done,
                                              outcome: decided <= lastDay && (done != nil || assessment == nil) ? (ruledOut ? .ruledOut : .pursued) : nil,
                                              decided: decided <= lastDay && (done != nil || assessment == nil) ? decided : nil,
                                              reason: decided <= lastDay && (done != nil || assessment == nil)
                                                  ? (ruledOut ? "Not able to meet the child's needs in the long term." : "Best meets the child's needs; being progressed.") : nil))
    }

    /// An adoption from the agency decision, before the full order, to a match and a move; reviews
    /// while waiting and after placement. Some wait months for a match.
    /// The adopters' number, sexes and legal status as the return's AD1 gives them (rules 601, 511, 175).
    static let adopters: [(number: Int, sex: String, legalStatus: String)] = [
        (2, "MF", "L11"), (2, "MF", "L11"), (2, "MF", "L3"), (1, "F1", "L0"), (2, "FF", "L12"), (2, "MM", "L4"),
    ]

    private mutating func buildAdoption(_ child: UUID, full: CivilDate, order: CivilDate, placement: (date: CivilDate, byFosterCarers: Bool)?,
                                        adopted: CivilDate?, lastDay: CivilDate) {
        let placed = placement?.date
        let decision = full.adding(days: -between(20...40))
        // A child who was adopted was matched first (the adoption order, the end of their period of
        // care, is recorded on this record as the import records it).
        let matched = placed.map { $0.adding(days: -between(10...30)) }.flatMap { $0 >= decision || adopted != nil ? max($0, decision) : nil }
        // Whether the adopters are the foster carers is the adoptive placement's type (A5 or A6,
        // rule 335). The draws that decided it before are still made, in the same order, so the
        // rest of the demo stays as it was; what they no longer decide is drawn aside, as is who
        // adopts (known from the match, rule 601).
        let drawnFosterCarers = rng.chance(0.15)
        let fosterCarers = placement?.byFosterCarers ?? false
        var side = Self.sideGenerator(for: child, salt: 601)
        let panel = decision.adding(days: -between(3...12))
        let familyFinding = decision.adding(days: rng.chance(0.3) ? between(15...60) : between(0...10))
        let drawnMove = drawnFosterCarers && matched != nil ? between(30...120) : nil
        let movedIn = fosterCarers && matched != nil ? decision.adding(days: -(drawnMove ?? Int.random(in: 30...120, using: &side))) : nil
        let adopters = matched == nil ? nil : Self.adopters[Int.random(in: 0..<Self.adopters.count, using: &side)]
        _ = add(child, AdoptionRecord(panelRecommendation: panel, agencyDecision: decision, familyFindingStarted: familyFinding,
                                      placementOrder: order, matched: matched, placed: matched == nil ? nil : placed,
                                      adoptedByFosterCarer: matched == nil ? nil : fosterCarers, movedInWithFosterCarer: movedIn,
                                      adoptionOrder: matched == nil ? nil : adopted,
                                      numberOfAdopters: adopters?.number, adoptersSex: adopters?.sex, adoptersLegalStatus: adopters?.legalStatus))
        var review = order.adding(months: 3).adding(days: rng.chance(0.2) ? between(5...30) : -between(0...10))
        while review <= min(lastDay, placed ?? lastDay) {
            _ = add(child, AdoptionReviewRecord(date: review, recommendations: "Family finding continues; profile shared with the regional agency."))
            review = review.adding(months: 6)
        }
    }

    static let permanenceDecisions = [
        "Long-term fostering with the current carers agreed; match to go to the fostering panel.",
        "Parallel plan: assessment of the maternal grandmother to continue alongside family finding.",
        "Return home ruled out; plan for permanence outside the family.",
        "Special guardianship assessment of the aunt to start now.",
    ]
    static let reviewOutcomes = [
        "Some progress with the parenting programme; pre-proceedings continue for six weeks.",
        "Little change at home; the plan is tightened and the legal gateway will consider issue.",
        "Parents engaging well; working towards step down at the next review.",
    ]

    /// A generator of its own for demo records added after the demo was first built, seeded by a
    /// stable key (FNV-1a of its bytes), so the rest of the demo draws what it always drew.
    static func sideGenerator(_ key: String) -> SeededGenerator {
        SeededGenerator(seed: key.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })
    }

    static let legalReasons = [
        "Neglect continuing despite the child protection plan; parents not engaging with the agreed work.",
        "Serious injury to a sibling; risk to this child not reduced.",
    ]
}
