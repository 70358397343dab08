import Foundation
import LineOfSightCore

/// The looked-after part of a demo child's journey: years of care with moves between placements,
/// orders replacing section 20 and interim orders, reviews chaired by the area's reviewing
/// officers (some late), health assessments and education plans (the initial ones often late, as
/// inspectors find), and visits to each placement. Children in the leaving care team left care at
/// 18, or are 16 or 17 and still looked after.
extension DemoJourneyBuilder {
    mutating func buildLookedAfter(_ child: UUID, entered: CivilDate, service: Service, born: CivilDate, owner: UUID?) {
        let eighteen = born.birthday(age: 18)
        guard entered <= today, entered > born, entered < eighteen.adding(days: -60) else { return }
        var ended: (date: CivilDate, reason: String)? = eighteen <= today ? (eighteen, rng.weighted([("E17", 3), ("E5", 4), ("E6", 1), ("E13", 1)])) : nil
        var lastDay = ended?.date ?? today
        let age = { (date: CivilDate) in born.age(on: date) }

        // Legal statuses: section 20, an interim order, or an emergency order then an interim one;
        // interim orders become full care orders at the end of proceedings; for some young
        // children in the permanence team a placement order follows.
        let first = rng.weighted([("V2", 4.0), ("C1", 5.0), ("L2", 1.0)])
        var statuses: [(CivilDate, String)] = []
        var interim: CivilDate? = first == "C1" ? entered : nil
        if first == "L2" { interim = entered.adding(days: between(6...8)) }
        if first == "V2", rng.chance(0.3) { interim = entered.adding(days: between(60...400)) }
        if let interim, interim < lastDay {
            if interim > entered { statuses.append((interim, "C1")) }
            let full = interim.adding(days: between(170...320))
            if full < lastDay {
                statuses.append((full, "C2"))
                let placementOrder = full.adding(days: between(20...120))
                if service == .permanence, age(full) < 8, placementOrder < lastDay, rng.chance(0.5) { statuses.append((placementOrder, "E1")) }
            }
        }
        let placementOrder = statuses.first { $0.1 == "E1" }?.0

        // Placements: a move every few months to a few years; a few children move often.
        let unstable = rng.chance(0.15)
        var starts = [entered]
        while true {
            let next = starts.last!.adding(days: unstable ? between(20...120) : between(90...900))
            guard next < lastDay, starts.count < 9 else { break }
            starts.append(next)
        }
        if let placementOrder, let index = starts.firstIndex(where: { $0 > placementOrder }) {
            starts = Array(starts[..<index]) + [placementOrder.adding(days: between(30...200))].filter { $0 < lastDay }
        }
        // Most children placed for adoption are adopted some months later, and leave care that day.
        if let placementOrder, let placed = starts.first(where: { $0 > placementOrder }) {
            let order = placed.adding(days: between(120...300))
            if order < lastDay, rng.chance(0.8) { (ended, lastDay) = ((order, rng.chance(0.8) ? "E11" : "E12"), order) }
        }
        var entering = PeriodOfCareRecord(
            start: entered, legalStatus: first, categoryOfNeed: rng.weighted([("N1", 6.0), ("N4", 1.0), ("N5", 1.0), ("N8", 1.0), ("N2", 0.5)]),
            placementType: placementType(on: entered, age: age(entered), adoption: false), provider: rng.weighted([("PR1", 6.0), ("PR4", 3.0), ("PR5", 1.0)]),
            carers: rng.pick(Self.carers), homePostcode: rng.pick(["WA9", "WA10", "WA11", "WA12"]),
            intendedUntil18: nil, placementPlan: placementPlan(after: entered),
            reason: rng.pick(Self.reasonsLookedAfter), childsViews: rng.pick(Self.views),
            end: ended?.date, endReason: ended?.reason)
        // The first placement's district comes from its date, not a draw, so the rest of the demo
        // stays as it was; never the child's home district (the return expects them to differ).
        let away = Self.placementDistricts.filter { $0 != entering.homePostcode }
        entering.postcode = away[entered.dayNumber % away.count]
        let period = add(child, entering)
        var placements = [PlacementRecord(start: entered, reasonForChange: "", placementType: entering.placementType,
                                          provider: entering.provider, carers: entering.carers, postcode: entering.postcode)]
        for (index, start) in starts.enumerated().dropFirst() {
            let adoption = placementOrder.map { start > $0 } ?? false
            let type = placementType(on: start, age: age(start), adoption: adoption)
            let longTerm = ["U1", "U4"].contains(type)
            var placement = PlacementRecord(
                periodOfCareID: period, start: start, reasonForChange: adoption ? "CARPL" : rng.pick(Self.moveReasons), placementType: type,
                provider: type.hasPrefix("K") || type == "H5" ? "PR4" : rng.weighted([("PR1", 6.0), ("PR4", 3.0), ("PR5", 1.0)]),
                carers: rng.pick(Self.carers), urn: type.hasPrefix("K") ? "SC" + String(between(100_000...999_999)) : nil,
                postcode: awayFromHome(rng.pick(Self.placementDistricts), home: entering.homePostcode, on: start),
                intendedUntil18: longTerm ? true : nil,
                sixMonthlyVisitsAgreed: longTerm && rng.chance(0.2) ? true : nil, placementPlan: placementPlan(after: start),
                notes: "Matched on the child's needs and to keep them at their school.", childsViews: rng.chance(0.5) ? rng.pick(Self.views) : nil)
            // Placed for adoption with their foster carers (A5), the child stays where they live:
            // the same carers at the same address (the return's T, rule 217). The draws above are
            // made all the same, so the rest of the demo stays as it was.
            if type == Self.withFosterCarersForAdoption, let previous = placements.last {
                placement.carers = previous.carers
                placement.postcode = previous.postcode
            }
            _ = add(child, placement)
            placements.append(placement)
            // Visits to this placement, the first within a week (not always).
            let until = index + 1 < starts.count ? starts[index + 1] : lastDay
            visitPlacement(child, from: start, until: until, longTerm: longTerm)
        }
        visitPlacement(child, from: entered, until: starts.count > 1 ? starts[1] : lastDay, longTerm: false)
        recodeRetiredPlacement(child, period: period, placements: placements, lastDay: lastDay)
        for (date, code) in statuses where date > entered {
            _ = add(child, LegalStatusRecord(periodOfCareID: period, date: date, legalStatus: code,
                                             notes: code == "C2" ? "Final care order made at the final hearing." : nil))
        }

        _ = add(child, CarePlanRecord(date: workingDays(rng.chance(0.2) ? between(11...25) : between(0...8), after: entered),
                                      summary: rng.pick(Self.carePlans), contingency: rng.pick(Self.contingencies), childsViews: rng.pick(Self.views)))
        let reviews = buildReviews(child, entered: entered, until: lastDay, born: born, owner: owner)
        if let review = reviews.first(where: { _ in rng.chance(0.08) }) { buildEscalation(child, after: review.date) }
        buildPermanence(child, entered: entered, lastDay: lastDay, ended: ended, born: born, owner: owner, reviews: reviews,
                        orders: (interim: interim.flatMap { $0 < lastDay ? $0 : nil }, full: statuses.first { $0.1 == "C2" }?.0, placement: placementOrder),
                        adoptivePlacement: placementOrder.flatMap { order in placements.first { $0.start > order } }
                            .map { (date: $0.start, byFosterCarers: $0.placementType == Self.withFosterCarersForAdoption) },
                        adopted: ended.flatMap { ["E11", "E12"].contains($0.reason) ? $0.date : nil })
        if age(lastDay) >= 11, rng.chance(0.25) { buildMissing(child, from: max(entered, born.birthday(age: 11)), until: lastDay) }
        let sixteen = born.birthday(age: 16)
        if entered <= sixteen.adding(days: -91), lastDay >= sixteen { buildLeavingCare(child, born: born, leftCare: ended, owner: owner) }
        buildHealth(child, entered: entered, until: lastDay, born: born)
        buildOwnLife(child, entered: entered, until: lastDay, born: born)
        buildLookedAfterStatus(child, entered: entered, until: lastDay, leftCare: ended != nil, born: born, placements: placements)
        if age(lastDay) >= 4 {
            let from = max(entered, born.birthday(age: 4))
            var meeting = calendar.adding(workingDays: rng.chance(0.35) ? between(21...45) : between(8...20), to: from)
            var kind = PEPRecord.Kind.initial
            while meeting < min(lastDay, eighteen) {
                _ = add(child, PEPRecord(kind: kind, date: meeting, school: rng.pick(Self.schools), targets: rng.pick(Self.pepTargets),
                                         childsViews: rng.chance(0.6) ? rng.pick(Self.views) : nil))
                kind = .review
                meeting = meeting.adding(days: rng.chance(0.2) ? between(130...200) : between(80...120))
            }
        }
    }

    /// Reviews: the first within 20 working days (a fifth late), the second 3 months later, then
    /// every 6 months, each from the last one held; recommendations become actions.
    /// The reviews held: their days and event ids.
    private mutating func buildReviews(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, born: CivilDate,
                                       owner: UUID?) -> [(date: CivilDate, id: String)] {
        let officers = authority.staff.filter { $0.jobRole == .reviewingOfficer }.map(\.id)
        let chair = officers.isEmpty ? nil : rng.pick(officers).text
        var review = calendar.adding(workingDays: rng.chance(0.2) ? between(21...35) : between(12...20), to: entered)
        var held: [(date: CivilDate, id: String)] = []
        while review <= lastDay {
            let participation = born.age(on: review) < 4 ? "PN0" : rng.weighted([("PN1", 5.0), ("PN2", 2.0), ("PN5", 1.0), ("PN6", 1.0), ("PN7", 1.0)])
            let id = add(child, LACReviewRecord(date: review, chairID: chair, participation: participation,
                                                childsViews: participation == "PN0" || participation == "PN7" ? nil : rng.pick(Self.views),
                                                recommendations: rng.pick(Self.recommendations), planEndorsed: rng.chance(0.9)))
            if rng.chance(0.4) { buildActions(child, source: id, raised: review, owner: owner, count: 1) }
            held.append((review, id))
            let late = rng.chance(0.15) ? between(10...45) : -between(0...14)
            review = review.adding(months: held.count == 1 ? 3 : 6).adding(days: late)
        }
        return held
    }

    /// The reviewing officer escalates a drifting plan after a review; most are resolved.
    private mutating func buildEscalation(_ child: UUID, after review: CivilDate) {
        let raised = review.adding(days: between(1...20))
        guard raised <= today else { return }
        let resolved = raised.adding(days: between(5...40))
        let isResolved = resolved <= today && rng.chance(0.7)
        _ = add(child, IROEscalationRecord(raised: raised, stage: rng.weighted([("1", 5.0), ("2", 3.0), ("3", 1.0)]),
                                           concern: rng.pick(Self.escalations), resolved: isResolved ? resolved : nil,
                                           outcome: isResolved ? "Agreed a timescale with the team manager; progress checked at the next review." : nil))
    }

    /// A few times missing or away, each reported and followed by return home interview offers:
    /// most within 72 hours, some late or never; some accepted, some declined; sometimes offered again.
    private mutating func buildMissing(_ child: UUID, from: CivilDate, until lastDay: CivilDate) {
        var start = from.adding(days: between(10...200))
        for _ in 0..<between(1...6) {
            guard start < lastDay else { return }
            let kind: MissingEpisode.Kind = rng.chance(0.6) ? .missing : .away
            let back = start.adding(days: between(0...3))
            let returned = back <= today && !(back.adding(days: 3) > today && rng.chance(0.5)) ? back : nil
            let episode = add(child, MissingEpisodeRecord(
                kind: kind, start: start, startTime: String(format: "%02d:%02d", between(16...23), 5 * between(0...11)),
                reportedToPolice: kind == .missing || rng.chance(0.3), policeReference: kind == .missing ? "MP-\(between(10_000...99_999))" : nil,
                end: returned, whereabouts: rng.pick(Self.whereabouts)))
            guard let returned else { return }
            if rng.chance(0.9) {
                var offered = returned.adding(days: rng.chance(0.25) ? between(4...9) : between(0...3))
                for attempt in 0..<(rng.chance(0.2) ? 2 : 1) where offered <= today {
                    let response = rng.weighted([(ReturnInterviewRecord.Response.accepted, 5.0), (.declined, 3.0), (.noResponse, 1.5)])
                    let held = response == .accepted ? offered.adding(days: between(0...4)) : nil
                    _ = add(child, ReturnInterviewRecord(missingEpisodeID: episode, offered: offered, offeredBy: "Return interview service (Catch22)",
                                                         response: response, held: held.flatMap { $0 <= today ? $0 : nil },
                                                         findings: held == nil ? nil : rng.pick(Self.interviewFindings),
                                                         childsViews: held == nil || attempt > 0 ? nil : rng.pick(Self.views)))
                    offered = offered.adding(days: between(3...10))
                }
            }
            start = returned.adding(days: between(7...150))
        }
    }

    /// An eligible young person's needs assessment, pathway plan and its reviews, personal
    /// adviser, and after 18 keeping in touch (and staying put for some).
    private mutating func buildLeavingCare(_ child: UUID, born: CivilDate, leftCare: (date: CivilDate, reason: String)?, owner: UUID?) {
        let sixteen = born.birthday(age: 16)
        let assessed = sixteen.adding(days: rng.chance(0.25) ? between(95...200) : between(20...85))
        guard assessed <= today else { return }
        _ = add(child, NeedsAssessmentRecord(date: assessed, summary: "Needs support with money, cooking and finding a college course.",
                                             childsViews: rng.pick(Self.views)))
        if let owner {
            _ = add(child, PersonalAdviserRecord(date: min(today, sixteen.adding(days: between(0...200))), adviserID: owner.text))
        }
        var plan = assessed.adding(days: between(0...30))
        var kind = PathwayPlanRecord.Kind.plan
        // Some plans stop being reviewed: a young person drifting out of touch.
        let stops = rng.chance(0.15) ? today.adding(days: -between(200...500)) : today
        while plan <= min(stops, born.birthday(age: 21)) {
            _ = add(child, PathwayPlanRecord(kind: kind, date: plan, adviserID: owner?.text, summary: rng.pick(Self.pathwayPlans),
                                             childsViews: rng.chance(0.6) ? rng.pick(Self.views) : nil))
            kind = .review
            plan = plan.adding(months: 6).adding(days: rng.chance(0.2) ? between(10...60) : -between(0...30))
        }
        guard let leftCare else { return }
        if leftCare.reason == "E17" {
            _ = add(child, StayingPutRecord(start: leftCare.date, end: nil, carers: rng.pick(Self.carers)))
        }
        var contact = leftCare.date.adding(days: between(14...60))
        let drifts = rng.chance(0.15)
        while contact <= today {
            let inTouch = drifts && contact > today.adding(days: -300) ? rng.pick(["NO", "REFU"]) : rng.weighted([("YES", 9.0), ("NO", 1.0)])
            let accommodation = leftCare.reason == "E17" ? "Z" : rng.weighted([("U", 4.0), ("D", 3.0), ("E", 1.0), ("B", 1.0), ("V", 0.3), ("S", 0.2)])
            _ = add(child, CareLeaverContactRecord(
                date: contact, inTouch: inTouch, accommodation: inTouch == "YES" ? accommodation : nil,
                accommodationSuitable: inTouch == "YES" ? !["V", "S"].contains(accommodation) : nil,
                activity: inTouch == "YES" ? rng.weighted([("F2", 3.0), ("F5", 2.0), ("F4", 1.0), ("G5", 2.0), ("G6", 0.5), ("F1", 0.5)]) : nil,
                notes: inTouch == "YES" ? "Met at the flat; talked about college and money." : "No answer to calls, texts or a visit."))
            contact = contact.adding(days: between(50...120))
        }
    }

    /// The initial health assessment (often late), then reviews every 6 months under 5 and every
    /// 12 from then on, never so late that a year (April to March) has none. Each records what the
    /// return asks: immunisations, the dental check, the strengths and difficulties score or why
    /// there is none, a young child's development checks, and substance misuse with its intervention.
    private mutating func buildHealth(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, born: CivilDate) {
        var date = calendar.adding(workingDays: rng.chance(0.4) ? between(21...60) : between(10...20), to: entered)
        var kind = HealthAssessment.Kind.initial
        // The facts added after the demo was first written draw from their own sequence, so the
        // rest of the demo stays as it was.
        var side = Self.sideGenerator(for: child, salt: 903)
        while date <= lastDay {
            let withScore = born.age(on: date) >= 4 && born.age(on: date) <= 16
            let immunised = rng.chance(0.85)
            let dentalCheck = rng.chance(0.8) ? max(entered, date.adding(days: -between(10...150))) : nil
            let score = withScore && rng.chance(0.8) ? between(4...28) : nil
            _ = add(child, healthAssessment(kind: kind, date: date, born: born, immunised: immunised, dentalCheck: dentalCheck, score: score,
                                            side: &side))
            kind = .review
            let next = date.adding(months: born.age(on: date) < 5 ? 6 : 12).adding(days: rng.chance(0.2) ? between(15...60) : -between(0...20))
            // A review so late that a whole year would have none is held by that year's end.
            let yearEnd = Self.collectionYearEnd(after: date)
            if next > yearEnd, yearEnd <= lastDay {
                let held = max(date.adding(days: 1), yearEnd.adding(days: -Int.random(in: 0...30, using: &side)))
                let immunised = side.chance(0.85)
                let dentalCheck = side.chance(0.8) ? max(entered, held.adding(days: -Int.random(in: 10...150, using: &side))) : nil
                let score = born.age(on: held) >= 4 && born.age(on: held) <= 16 && side.chance(0.8) ? Int.random(in: 4...28, using: &side) : nil
                let record = healthAssessment(kind: .review, date: held, born: born, immunised: immunised, dentalCheck: dentalCheck, score: score,
                                              side: &side)
                add(child, record, using: &side)
            }
            date = next
        }
    }

    private func healthAssessment(kind: HealthAssessment.Kind, date: CivilDate, born: CivilDate, immunised: Bool,
                                  dentalCheck: CivilDate?, score: Int?, side: inout SeededGenerator) -> HealthAssessmentRecord {
        let age = born.age(on: date)
        let misuse = age >= 11 && side.chance(0.08)
        let received = misuse ? side.chance(0.7) : nil
        let reason = age < 4 || age > 16 ? "SDQ1" : score == nil ? side.weighted([("SDQ2", 3.0), ("SDQ5", 3.0), ("SDQ4", 1.0), ("SDQ3", 1.0)]) : nil
        let offered = received == false ? side.chance(0.6) : nil
        return HealthAssessmentRecord(
            kind: kind, date: date, carriedOutBy: kind == .initial ? "Dr Shah, community paediatrician" : "Looked-after children's nurse",
            immunisationsUpToDate: immunised, dentalCheck: dentalCheck, sdqScore: score, sdqReason: reason,
            developmentChecksUpToDate: age < 5 ? side.chance(0.9) : nil, substanceMisuse: misuse,
            interventionReceived: received, interventionOffered: offered,
            recommendations: "Continue with the dental and optician appointments; refer to the emotional health service if sleep does not improve.")
    }

    /// A few older girls become mothers while looked after (in an earlier year than this one, so
    /// the return's first child is born before any episode of the year ends), and a few young
    /// people are convicted or cautioned: the facts the return asks of them.
    private mutating func buildOwnLife(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, born: CivilDate) {
        var side = Self.sideGenerator(for: child, salt: 611)
        let yearStart = CivilDate(year: today.month >= 4 ? today.year : today.year - 1, month: 4, day: 1)!
        let female = authority.children.first { $0.id == child }?.sex == .female
        let mothers = (from: max(entered, born.birthday(age: 15)), until: min(lastDay, yearStart.adding(days: -1)))
        if female, mothers.from < mothers.until, side.chance(0.15) {
            let date = mothers.from.adding(days: Int.random(in: 0...mothers.from.days(to: mothers.until), using: &side))
            add(child, ParenthoodRecord(date: date, notes: "Mother and baby placed together; the health visitor and the carers support her."),
                using: &side)
        }
        // Half of them in the last year, so that the return has some.
        var offending = max(entered, born.birthday(age: 10).adding(days: 1))
        if side.chance(0.5) { offending = max(offending, lastDay.adding(days: -330)) }
        if offending < lastDay, side.chance(0.1) {
            let date = offending.adding(days: Int.random(in: 0...offending.days(to: lastDay), using: &side))
            let outcome = side.weighted([("youthCaution", 3.0), ("conviction", 2.0), ("youthConditionalCaution", 1.0)])
            add(child, ConvictionRecord(date: date, outcome: outcome, notes: "The youth justice service is working with the young person."),
                using: &side)
        }
    }

    /// What the return asks of the child's status: the permanence they had before care (for
    /// every child, as it is asked when they come into care; a few came in after a special
    /// guardianship or child arrangements order broke down, or an adoption), a few older
    /// children who came alone seeking asylum, and an order depriving a child in a children's
    /// home of their liberty while they lived there (the demo has one or two such placements).
    private mutating func buildLookedAfterStatus(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, leftCare: Bool, born: CivilDate,
                                                 placements: [PlacementRecord]) {
        var side = Self.sideGenerator(for: child, salt: 631)
        let age = born.age(on: entered)
        var previous = PreviousPermanenceRecord(date: entered, option: PreviousPermanenceRecord.none)
        if age >= 3, side.chance(0.12) {
            previous.option = side.weighted([("P2", 5.0), ("P3", 3.0), ("P1", 1.0)])
            // Another council arranged a few; the order was made at least a year before care, and
            // its day (sometimes its month) is not always known.
            previous.authority = side.chance(0.7) ? "342" : side.pick(["340", "343", "WAL"])
            let made = born.adding(days: Int.random(in: 180...max(180, born.days(to: entered.adding(years: -1))), using: &side))
            previous.orderYear = made.year
            if side.chance(0.8) { previous.orderMonth = made.month }
            if previous.orderMonth != nil, side.chance(0.6) { previous.orderDay = made.day }
            previous.notes = previous.option == "P1" ? "The adoptive placement broke down in adolescence; the adopters asked for help."
                : "The special guardians could no longer care for the child; the arrangement broke down after a long illness."
        }
        add(child, previous, using: &side)
        let eighteen = born.birthday(age: 18)
        if age >= 14, side.chance(0.15) {
            add(child, UASCRecord(date: entered, ceased: eighteen <= today ? eighteen : nil,
                                  notes: "Arrived alone; referred by the Home Office. An age assessment was not needed."), using: &side)
        }
        for (index, placement) in placements.enumerated() where placement.placementType == "K2" {
            let until = index + 1 < placements.count ? placements[index + 1].start.adding(days: -1) : lastDay
            let start = placement.start.adding(days: Int.random(in: 7...30, using: &side))
            guard start.adding(days: 15) < until else { continue }
            let ends = until.adding(days: -Int.random(in: 0...14, using: &side))
            add(child, DeprivationOfLibertyRecord(start: start, end: ends > start && (leftCare || ends < today) ? ends : nil,
                                                  notes: "High Court order under its inherent jurisdiction: the child is supervised at all times."),
                using: &side)
        }
    }

    /// The 31 March ending the collection year after the one `date` is in.
    static func collectionYearEnd(after date: CivilDate) -> CivilDate {
        let ends = CivilDate(year: date.month >= 4 ? date.year + 1 : date.year, month: 3, day: 31)!
        return ends.adding(years: 1)
    }

    /// A generator of the child's own, from their id: facts added to the demo later draw from it.
    static func sideGenerator(for child: UUID, salt: UInt64) -> SeededGenerator {
        let bytes = withUnsafeBytes(of: child.uuid) { Array($0) }
        let seed = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return SeededGenerator(seed: seed ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    }

    /// A placement's district, never the child's home district (the return expects them to
    /// differ unless the child is placed with their parents).
    private func awayFromHome(_ district: String, home: String?, on date: CivilDate) -> String {
        guard district == home else { return district }
        let away = Self.placementDistricts.filter { $0 != home }
        return away[date.dayNumber % away.count]
    }

    /// A young person in semi-independent accommodation (H5) when the return retired that type
    /// (1 April 2025) is recorded in supported accommodation (K3) with the same provider, as
    /// councils recoded them: a change in the status of the placement only. The change is dated
    /// 31 March 2025, the last day H5 was accepted, so that no episode open in a later year (an
    /// episode ends the day the next begins) holds the retired type.
    private mutating func recodeRetiredPlacement(_ child: UUID, period: String, placements: [PlacementRecord], lastDay: CivilDate) {
        let retired = LookedAfterCodes.placementTypesRetired.adding(days: -1)
        for (index, placement) in placements.enumerated() where placement.placementType == "H5" && placement.start < retired {
            let until = index + 1 < placements.count ? placements[index + 1].start : lastDay
            guard until > retired, retired <= today else { continue }
            var side = Self.sideGenerator(for: child, salt: 2025)
            let urn = "SC" + String(Int.random(in: 100_000...999_999, using: &side))
            // The placement plan is updated that day and the social worker visits within the week,
            // as for any change of placement.
            add(child, PlacementRecord(periodOfCareID: period, start: retired, reasonForChange: "PLACE", placementType: "K3",
                                       provider: placement.provider, carers: placement.carers, urn: urn, postcode: placement.postcode,
                                       placementPlan: retired,
                                       notes: "Supported accommodation from April 2025: the same home, now registered with Ofsted."),
                using: &side)
            let visited = retired.adding(days: Int.random(in: 1...6, using: &side))
            if visited <= min(today, until) {
                add(child, VisitRecord(date: visited, kind: .planned, location: .placement, seen: true, seenAlone: true,
                                       observations: "Talked through what supported accommodation means; nothing changes day to day."),
                    using: &side)
            }
        }
    }

    /// A visit within a week of the child moving in (a few late), then every four to six weeks,
    /// less often after the first year of a placement meant to last.
    private mutating func visitPlacement(_ child: UUID, from start: CivilDate, until end: CivilDate, longTerm: Bool) {
        let first = start.adding(days: rng.chance(0.15) ? between(8...20) : between(1...7))
        guard first < end, first <= today else { return }
        _ = add(child, VisitRecord(date: first, kind: .planned, location: .placement, seen: true, seenAlone: rng.chance(0.7),
                                   childsViews: rng.pick(Self.views), observations: "Settling in; carers have the placement plan and the child's routines."))
        let firstYear = min(end, start.adding(years: 1))
        buildVisits(child, from: first, until: firstYear, everyWorkingDays: 18...31, missedChance: 0.1, at: Self.careVisitPlaces)
        if firstYear < end {
            buildVisits(child, from: firstYear, until: end, everyWorkingDays: longTerm ? 45...62 : 18...31, missedChance: 0.1, at: Self.careVisitPlaces)
        }
    }

    /// Placed for adoption under a placement order with the current foster carers; A6 is with
    /// adopters the child moves to.
    static let withFosterCarersForAdoption = "A5"

    private mutating func placementType(on date: CivilDate, age: Int, adoption: Bool) -> String {
        if adoption { return rng.pick([Self.withFosterCarersForAdoption, "A6"]) }
        if age >= 16 { return date < LookedAfterCodes.placementTypesRetired ? rng.pick(["H5", "U4", "U6"]) : rng.pick(["K3", "U4", "U6"]) }
        if age >= 11 { return rng.weighted([("U6", 4.0), ("U4", 2.0), ("K2", 2.0), ("U3", 1.0), ("U1", 1.0)]) }
        return rng.weighted([("U6", 5.0), ("U3", 2.0), ("U4", 2.0), ("U1", 1.0)])
    }

    /// Agreed within five working days, usually; sometimes not yet.
    private mutating func placementPlan(after start: CivilDate) -> CivilDate? {
        let agreed = workingDays(rng.chance(0.2) ? between(6...20) : between(0...5), after: start)
        return rng.chance(0.08) || agreed > today ? nil : agreed
    }

    static let escalations = [
        "The permanence plan agreed at the second review has not been progressed.",
        "Sibling family time has not happened for three months.",
        "The health assessment recommended at the last review has not been arranged.",
    ]
    static let whereabouts = [
        "Found by police at a friend's address in Liverpool; older males present, possible exploitation.",
        "Stayed overnight at mother's home without permission; returned by mother in the morning.",
        "Returned by herself after two nights; would not say where she had been.",
    ]
    static let interviewFindings = [
        "Went to see friends from the old estate; pulled by wanting to be near family. Agreed a plan for supervised visits.",
        "Worried about exploitation: new phone and money. Shared with the exploitation team and police.",
    ]
    static let pathwayPlans = [
        "Stay with the current carers until the end of college; apply for a council tenancy at 18 with the housing team.",
        "Move to supported lodgings; start the apprenticeship in September; personal adviser to help with the bank account.",
    ]
    static let careVisitPlaces: [(VisitRecord.Location, Double)] = [(.placement, 8), (.school, 1), (.elsewhere, 1)]
    /// Where placements are: mostly in St Helens, some out of area.
    static let placementDistricts = ["WA9", "WA10", "WA11", "L34", "L35", "WN4", "M28"]
    static let carers = ["Mr and Mrs Lane", "Ms Okafor", "Mr and Mr Davies", "The child's aunt, Ms Byrne", "Willow House", "Mrs Hughes",
                         "The child's grandparents", "Orchard View"]
    static let reasonsLookedAfter = [
        "Neglect over a long period; the child protection plan did not bring enough change.",
        "Mother's mental health crisis; no family member able to care for the child.",
        "Police protection after the child was found alone at home at night.",
        "Father asked for help: the family had broken down and the child could not stay at home.",
    ]
    static let moveReasons = ["CARPL", "CARPL", "CREQB", "CREQO", "CHILD", "STAND", "CLOSE", "LAREQ"]
    static let carePlans = [
        "Permanence through long-term fostering with the current carers; family time with mother fortnightly and with siblings monthly.",
        "Parallel plan: return home if mother completes the residential assessment, otherwise adoption.",
        "Remain with the connected carers under a special guardianship order; support with the child's identity and contact.",
    ]
    static let recommendations = [
        "Arrange the sibling family time within a month.",
        "Refer for a speech and language assessment.",
        "Complete the life story work before the next review.",
        "The social worker to visit the child at school and hear their views on family time.",
    ]
    static let schools = ["St Mary's Primary", "Haydock High School", "Rainford Brook Lodge Primary", "Cowley International College"]
    static let pepTargets = [
        "Reach the expected standard in reading by the end of the year; one-to-one tutoring funded from the pupil premium plus.",
        "Improve attendance to 95%; the designated teacher meets the child weekly.",
        "Settle into the new school; a mentor at break times.",
    ]
}
