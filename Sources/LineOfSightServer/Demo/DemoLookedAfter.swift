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
        let ended: (date: CivilDate, reason: String)? = eighteen <= today ? (eighteen, rng.weighted([("E17", 3), ("E5", 4), ("E6", 1), ("E13", 1)])) : nil
        let lastDay = ended?.date ?? today
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
        let period = add(child, PeriodOfCareRecord(
            start: entered, legalStatus: first, categoryOfNeed: rng.weighted([("N1", 6.0), ("N4", 1.0), ("N5", 1.0), ("N8", 1.0), ("N2", 0.5)]),
            placementType: placementType(on: entered, age: age(entered), adoption: false), provider: rng.weighted([("PR1", 6.0), ("PR4", 3.0), ("PR5", 1.0)]),
            carers: rng.pick(Self.carers), homePostcode: rng.pick(["WA9", "WA10", "WA11", "WA12"]),
            intendedUntil18: nil, placementPlan: placementPlan(after: entered),
            reason: rng.pick(Self.reasonsLookedAfter), childsViews: rng.pick(Self.views),
            end: ended?.date, endReason: ended?.reason))
        for (index, start) in starts.enumerated().dropFirst() {
            let adoption = placementOrder.map { start > $0 } ?? false
            let type = placementType(on: start, age: age(start), adoption: adoption)
            let longTerm = ["U1", "U4"].contains(type)
            _ = add(child, PlacementRecord(
                periodOfCareID: period, start: start, reasonForChange: adoption ? "CARPL" : rng.pick(Self.moveReasons), placementType: type,
                provider: type.hasPrefix("K") || type == "H5" ? "PR4" : rng.weighted([("PR1", 6.0), ("PR4", 3.0), ("PR5", 1.0)]),
                carers: rng.pick(Self.carers), urn: type.hasPrefix("K") ? "SC" + String(between(100_000...999_999)) : nil,
                postcode: rng.pick(["WA9", "WA10", "WA11", "L34", "L35", "WN4", "M28"]), intendedUntil18: longTerm ? true : nil,
                sixMonthlyVisitsAgreed: longTerm && rng.chance(0.2) ? true : nil, placementPlan: placementPlan(after: start),
                notes: "Matched on the child's needs and to keep them at their school.", childsViews: rng.chance(0.5) ? rng.pick(Self.views) : nil))
            // Visits to this placement, the first within a week (not always).
            let until = index + 1 < starts.count ? starts[index + 1] : lastDay
            visitPlacement(child, from: start, until: until, longTerm: longTerm)
        }
        visitPlacement(child, from: entered, until: starts.count > 1 ? starts[1] : lastDay, longTerm: false)
        for (date, code) in statuses where date > entered {
            _ = add(child, LegalStatusRecord(periodOfCareID: period, date: date, legalStatus: code,
                                             notes: code == "C2" ? "Final care order made at the final hearing." : nil))
        }

        _ = add(child, CarePlanRecord(date: workingDays(rng.chance(0.2) ? between(11...25) : between(0...8), after: entered),
                                      summary: rng.pick(Self.carePlans), contingency: rng.pick(Self.contingencies), childsViews: rng.pick(Self.views)))
        buildReviews(child, entered: entered, until: lastDay, born: born, owner: owner)
        buildHealth(child, entered: entered, until: lastDay, born: born)
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
    private mutating func buildReviews(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, born: CivilDate, owner: UUID?) {
        let officers = authority.staff.filter { $0.jobRole == .reviewingOfficer }.map(\.id)
        let chair = officers.isEmpty ? nil : rng.pick(officers).uuidString
        var review = calendar.adding(workingDays: rng.chance(0.2) ? between(21...35) : between(12...20), to: entered)
        var held = 0
        while review <= lastDay {
            let participation = born.age(on: review) < 4 ? "PN0" : rng.weighted([("PN1", 5.0), ("PN2", 2.0), ("PN5", 1.0), ("PN6", 1.0), ("PN7", 1.0)])
            let id = add(child, LACReviewRecord(date: review, chairID: chair, participation: participation,
                                                childsViews: participation == "PN0" || participation == "PN7" ? nil : rng.pick(Self.views),
                                                recommendations: rng.pick(Self.recommendations), planEndorsed: rng.chance(0.9)))
            if rng.chance(0.4) { buildActions(child, source: id, raised: review, owner: owner, count: 1) }
            held += 1
            let late = rng.chance(0.15) ? between(10...45) : -between(0...14)
            review = review.adding(months: held == 1 ? 3 : 6).adding(days: late)
        }
    }

    /// The initial health assessment (often late), then reviews every 6 months under 5 and every
    /// 12 from then on.
    private mutating func buildHealth(_ child: UUID, entered: CivilDate, until lastDay: CivilDate, born: CivilDate) {
        var date = calendar.adding(workingDays: rng.chance(0.4) ? between(21...60) : between(10...20), to: entered)
        var kind = HealthAssessment.Kind.initial
        while date <= lastDay {
            let withScore = born.age(on: date) >= 4 && born.age(on: date) <= 16
            _ = add(child, HealthAssessmentRecord(
                kind: kind, date: date, carriedOutBy: kind == .initial ? "Dr Shah, community paediatrician" : "Looked-after children's nurse",
                immunisationsUpToDate: rng.chance(0.85), dentalCheck: rng.chance(0.8) ? max(entered, date.adding(days: -between(10...150))) : nil,
                sdqScore: withScore && rng.chance(0.8) ? between(4...28) : nil, sdqReason: withScore ? nil : "SDQ1",
                recommendations: "Continue with the dental and optician appointments; refer to the emotional health service if sleep does not improve."))
            kind = .review
            date = date.adding(months: born.age(on: date) < 5 ? 6 : 12).adding(days: rng.chance(0.2) ? between(15...60) : -between(0...20))
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

    private mutating func placementType(on date: CivilDate, age: Int, adoption: Bool) -> String {
        if adoption { return rng.pick(["A5", "A6"]) }
        if age >= 16 { return date < LookedAfterCodes.placementTypesRetired ? rng.pick(["H5", "U4", "U6"]) : rng.pick(["K3", "U4", "U6"]) }
        if age >= 11 { return rng.weighted([("U6", 4.0), ("U4", 2.0), ("K2", 2.0), ("U3", 1.0), ("U1", 1.0)]) }
        return rng.weighted([("U6", 5.0), ("U3", 2.0), ("U4", 2.0), ("U1", 1.0)])
    }

    /// Agreed within five working days, usually; sometimes not yet.
    private mutating func placementPlan(after start: CivilDate) -> CivilDate? {
        let agreed = workingDays(rng.chance(0.2) ? between(6...20) : between(0...5), after: start)
        return rng.chance(0.08) || agreed > today ? nil : agreed
    }

    static let careVisitPlaces: [(VisitRecord.Location, Double)] = [(.placement, 8), (.school, 1), (.elsewhere, 1)]
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
