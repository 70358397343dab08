/// A period during which the child is looked after, with its legal statuses and placements.
public struct PeriodOfCare: Sendable, Hashable, Codable {
    public var id: String
    /// The date the child became looked after.
    public var start: CivilDate
    public var end: CivilDate?
    /// SSDA903 reason episode ceased (e.g. E11 adopted, E41 residence order), free text allowed.
    public var endReason: String?
    @DefaultEmpty public var legalStatuses: [LegalStatusChange]
    @DefaultEmpty public var placements: [Placement]

    public init(id: String, start: CivilDate, end: CivilDate? = nil, endReason: String? = nil,
                legalStatuses: [LegalStatusChange] = [], placements: [Placement] = []) {
        self.id = id; self.start = start; self.end = end; self.endReason = endReason
        self.legalStatuses = legalStatuses; self.placements = placements
    }

    /// Looked after only under an agreed series of short breaks (CPPCR 2010 reg 48): every legal
    /// status recorded for the period is V3 (a series, each break recorded) or V4 (a series, the
    /// agreement recorded). A period that changes to any other status is ordinary care, to which
    /// the regulations apply in full.
    public var isShortBreak: Bool {
        !legalStatuses.isEmpty && legalStatuses.allSatisfy { $0.code == "V3" || $0.code == "V4" }
    }

    /// True when `date` falls inside the period (end day included).
    public func contains(_ date: CivilDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }

    /// Whether the days from `from` to `to` (open-ended when nil) share a day with the period.
    public func overlaps(from: CivilDate, to: CivilDate?) -> Bool {
        (to.map { start <= $0 } ?? true) && (end.map { from <= $0 } ?? true)
    }

    /// Puts the placements in order, each ending the day the next starts and the last when the
    /// period ends: a child is in one placement at a time, so a recorded move ends the one before.
    mutating func settlePlacements() {
        placements.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        for index in placements.indices {
            placements[index].end = index + 1 < placements.count ? placements[index + 1].start : end
        }
    }
}

extension Journey {
    /// The child's latest period of care (the latest start, then the latest recorded): what the
    /// care and permanence summaries describe, so that a child has a permanence summary exactly
    /// while their care summary says they are looked after.
    public var latestPeriodOfCare: PeriodOfCare? {
        periodsOfCare.max { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}

/// A change of legal status (SSDA903 codes: C1 interim care order, C2 full care order,
/// V2 section 20, E1 placement order, L1/L2/L3 emergency orders, J1–J3 youth justice …).
public struct LegalStatusChange: Sendable, Hashable, Codable {
    public var date: CivilDate
    public var code: String

    public init(date: CivilDate, code: String) {
        self.date = date; self.code = code
    }
}

public struct Placement: Sendable, Hashable, Codable {
    public var id: String
    public var start: CivilDate
    public var end: CivilDate?
    /// SSDA903 placement type, e.g. U4 foster (other carer), U1 foster (relative or friend),
    /// P1 placed with parents, K2 children's home, A5 placed for adoption.
    public var type: String
    /// SSDA903 provider, e.g. PR1 own LA, PR4 private.
    public var provider: String?
    /// Intended to last until the child is 18: after the first year, visits at most 3-monthly
    /// (CPPCR reg 28(2)(b)(i)).
    public var intendedUntil18: Bool?
    /// A designated long-term foster placement whose child agreed to 6-monthly visits after a
    /// year (reg 28(3A)).
    public var sixMonthlyVisitsAgreed: Bool?
    /// The date the placement plan was agreed.
    public var placementPlan: CivilDate?

    public init(id: String, start: CivilDate, end: CivilDate? = nil, type: String, provider: String? = nil,
                intendedUntil18: Bool? = nil, sixMonthlyVisitsAgreed: Bool? = nil, placementPlan: CivilDate? = nil) {
        self.id = id; self.start = start; self.end = end; self.type = type; self.provider = provider
        self.intendedUntil18 = intendedUntil18; self.sixMonthlyVisitsAgreed = sixMonthlyVisitsAgreed
        self.placementPlan = placementPlan
    }

    /// Placed with parents or another person with parental responsibility.
    public var isWithParents: Bool { type == "P1" }
}

public struct HealthAssessment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case initial, review
    }

    public var id: String
    public var kind: Kind
    public var date: CivilDate

    public init(id: String, kind: Kind, date: CivilDate) {
        self.id = id; self.kind = kind; self.date = date
    }
}

/// A time the child was missing from care (whereabouts unknown) or away from their placement
/// without permission (whereabouts known), and the return home interviews offered after it.
public struct MissingEpisode: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// SSDA903 `M`: not where they should be and whereabouts not known.
        case missing
        /// SSDA903 `A`: whereabouts known but not at the placement, without authorisation.
        case away
    }

    public var id: String
    public var kind: Kind
    public var start: CivilDate
    /// The day the child came back; nil while they are still missing.
    public var end: CivilDate?
    /// Each offer of a return home interview: every one is kept, so persistent offers show.
    @DefaultEmpty public var interviewOffers: [InterviewOffer]

    public init(id: String, kind: Kind, start: CivilDate, end: CivilDate? = nil, interviewOffers: [InterviewOffer] = []) {
        self.id = id; self.kind = kind; self.start = start; self.end = end; self.interviewOffers = interviewOffers
    }
}

/// An offer of a return home interview, and the interview if it was held.
public struct InterviewOffer: Sendable, Hashable, Codable {
    public var id: String
    public var offered: CivilDate
    public var held: CivilDate?

    public init(id: String, offered: CivilDate, held: CivilDate? = nil) {
        self.id = id; self.offered = offered; self.held = held
    }
}
