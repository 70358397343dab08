import LineOfSightCore
import Testing

/// Each rule declares the kinds of event that start its clock and that meet it
/// (`Rule.startingKinds`, `Rule.meetingKinds`), so that a form can say before saving what
/// recording it will do. The declarations are checked here, not trusted: over thousands of
/// synthetic journeys, every derived obligation is started and met by declared kinds, and every
/// declared kind is seen, except the few listed with the reason the synthetic data cannot show them.
@Suite struct RuleKindsTests {
    /// The kinds seen starting and meeting each rule.
    struct Seen {
        var starts: [RuleID: Set<EventKind>] = [:]
        var meets: [RuleID: Set<EventKind>] = [:]

        mutating func note(_ obligations: [Obligation]) {
            for obligation in obligations {
                starts[obligation.ruleID, default: []].insert(obligation.startedBy.kind)
                if let met = obligation.metBy { meets[obligation.ruleID, default: []].insert(met.kind) }
            }
        }
    }

    static let seen: Seen = {
        let today = d("2026-06-01")
        var seen = Seen()
        var journeys = ([1, 2, 3] as [UInt64]).flatMap { SyntheticJourneys.generate(count: 1500, seed: $0, today: today) }
        journeys += (UInt64(1)...40).map { SyntheticJourneys.complete(seed: $0, today: today) }
        for journey in journeys {
            seen.note(derive(journey, standards: .defaults, calendar: england).obligations)
        }
        // Supervision is derived per staff member, not from a journey: seeded staff records, half
        // of them newly qualified, with sessions at irregular intervals.
        var random = SeededGenerator(seed: 11)
        for number in 0..<40 {
            let start = today.adding(days: -random.int(30...900))
            var sessions: [DatedRecord] = []
            var date = start.adding(days: random.int(5...40))
            while date <= today {
                sessions.append(DatedRecord(id: "S\(sessions.count + 1)", date: date))
                date = date.adding(days: random.int(5...40))
            }
            let record = StaffSupervision(staffID: "W\(number)", start: start, newlyQualified: number % 2 == 0, sessions: sessions)
            seen.note(deriveSupervision(record, standards: .defaults, calendar: england))
        }
        return seen
    }()

    /// Declared kinds the synthetic journeys never produce, and why (checked by hand against the
    /// rule's code and its words instead).
    static let notProduced: [(rule: RuleID, starts: Set<EventKind>, meets: Set<EventKind>, why: String)] = [
        (.assessment, [.assessment], [],
         "an assessment with no referral on or before its start is a data-quality finding, and synthetic journeys have none"),
        (.sgoAssessment, [.permanenceOption], [.permanenceOption], "no synthetic option has a special guardianship assessment"),
        (.returnHomeRiskAssessment, [], [.permanenceOption], "no synthetic option records a risk assessment of a return home"),
        (.reg28CareOrderAtHome, [.legalStatus], [.visit],
         "synthetic placements are never with parents (P1) and legal status never changes within a period"),
        (.reg28Connected, [.visit], [.visit],
         "no synthetic looked-after review falls while a temporary approval is current or during a placement with parents"),
        (.reg28WithParents, [.visit], [.visit], "synthetic placements are never with parents (P1)"),
        (.reg28LongTermFoster, [.visit], [.visit], "no synthetic placement has six-monthly visits agreed"),
        (.temporaryApproval, [], [.temporaryApproval],
         "the complete journey's approval comes after its placement has ended, so it no longer applies rather than being met"),
        (.connectedPersonAssessment, [], [.temporaryApproval],
         "the complete journey's approval comes after its placement has ended, and its panel decision comes first"),
    ]

    @Test func everyObligationIsStartedAndMetByKindsItsRuleDeclares() throws {
        for (rule, kinds) in Self.seen.starts {
            let declared = try #require(RuleCatalogue.rule(rule), "\(rule) is not in the catalogue")
            #expect(kinds.isSubset(of: declared.startingKinds), "\(rule) started by \(kinds.map(\.rawValue).sorted()), declares \(declared.startingKinds)")
        }
        for (rule, kinds) in Self.seen.meets {
            let declared = try #require(RuleCatalogue.rule(rule), "\(rule) is not in the catalogue")
            #expect(kinds.isSubset(of: declared.meetingKinds), "\(rule) met by \(kinds.map(\.rawValue).sorted()), declares \(declared.meetingKinds)")
        }
    }

    @Test func everyDeclaredKindIsSeenUnlessListed() {
        for rule in RuleCatalogue.all {
            let exempt = Self.notProduced.first { $0.rule == rule.id }
            let starts = Self.seen.starts[rule.id] ?? [], meets = Self.seen.meets[rule.id] ?? []
            #expect(Set(rule.startingKinds).subtracting(exempt?.starts ?? []) == starts,
                    "\(rule.id) declares starting kinds \(rule.startingKinds), seen \(starts.map(\.rawValue).sorted())")
            #expect(Set(rule.meetingKinds).subtracting(exempt?.meets ?? []) == meets,
                    "\(rule.id) declares meeting kinds \(rule.meetingKinds), seen \(meets.map(\.rawValue).sorted())")
            // An exemption for a kind that is seen after all is stale.
            #expect(starts.isDisjoint(with: exempt?.starts ?? []) && meets.isDisjoint(with: exempt?.meets ?? []),
                    "\(rule.id): a kind listed as not produced is seen; remove it from notProduced")
        }
        #expect(RuleCatalogue.all.allSatisfy { !$0.startingKinds.isEmpty && !$0.meetingKinds.isEmpty })
    }

    @Test func whatRecordingAnEventStartsAndMeets() {
        let visit = EventTimescales(recording: .visits)
        #expect(visit.meets.map(\.id).contains(.cpVisit) && visit.meets.map(\.id).contains(.transferFirstVisit))
        #expect(visit.starts.map(\.id).contains(.cpVisit) && !visit.starts.map(\.id).contains(.transferFirstVisit))
        let discussion = EventTimescales(recording: .strategyDiscussions)
        #expect(discussion.starts.map(\.id) == [.icpc] && discussion.meets.isEmpty)
        #expect(EventTimescales(recording: .conferences).meets.map(\.id) == [.icpc, .cpFirstReview, .cpReview])
        #expect(EventTimescales(recording: .placements).meets.map(\.id) == [.placementPlan])
        #expect(EventTimescales(recording: .hearings).isEmpty && EventTimescales(recording: .significantEvents).isEmpty)
    }

    /// Every kind a rule names can be recorded on a form, except those no one records on a child's
    /// journey: birthdays, a staff member's supervision and allegations against adults (LADO).
    @Test func everyDeclaredKindIsRecordedByAList() {
        let recorded = Set(JourneyList.allCases.flatMap(\.eventKinds))
        let declared = Set(RuleCatalogue.all.flatMap { $0.startingKinds + $0.meetingKinds })
        #expect(declared.subtracting(recorded) == [.eligibility, .supervision, .allegation])
    }
}
