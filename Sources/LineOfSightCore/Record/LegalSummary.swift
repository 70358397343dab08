/// A child's open pre-proceedings and care proceedings: how long each has run against its limit,
/// the extensions the court granted and the next hearing listed, for the proceedings lists.
public struct LegalSummary: Sendable, Hashable {
    /// Pre-proceedings not yet ended: their start (the letter before proceedings, or the decision)
    /// and the day the council's limit is reached.
    public var preProceedingsStart: CivilDate?
    public var preProceedingsDue: CivilDate?
    /// The first pre-proceedings meeting.
    public var initialMeeting: CivilDate?
    /// The next review of pre-proceedings due (`plo.review`): from the letter until one is held.
    public var nextReview: CivilDate?
    /// Proceedings not yet concluded: issue, the last day of 26 weeks and every extension, the
    /// extensions, the court and the next hearing listed at the latest hearing.
    public var issued: CivilDate?
    public var proceedingsDue: CivilDate?
    public var extensions: Int
    public var extensionWeeks: Int
    public var court: String?
    public var nextHearing: CivilDate?

    public init(preProceedingsStart: CivilDate? = nil, preProceedingsDue: CivilDate? = nil, initialMeeting: CivilDate? = nil,
                nextReview: CivilDate? = nil, issued: CivilDate? = nil, proceedingsDue: CivilDate? = nil, extensions: Int = 0,
                extensionWeeks: Int = 0, court: String? = nil, nextHearing: CivilDate? = nil) {
        self.preProceedingsStart = preProceedingsStart; self.preProceedingsDue = preProceedingsDue; self.initialMeeting = initialMeeting
        self.nextReview = nextReview; self.issued = issued; self.proceedingsDue = proceedingsDue; self.extensions = extensions
        self.extensionWeeks = extensionWeeks; self.court = court; self.nextHearing = nextHearing
    }

    /// Nil unless pre-proceedings or proceedings are open.
    public init?(journey: Journey, derivation: Derivation, events: [RecordedEvent]) {
        func due(_ rule: RuleID, _ id: String) -> CivilDate? { derivation.obligations.first { $0.id == "\(rule):\(id)" }?.due }
        let pre = journey.preProceedings.filter { $0.end == nil }.max { ($0.start, $0.id) < ($1.start, $1.id) }
        let proceedings = journey.careProceedings.filter { $0.concluded == nil }.max { ($0.issued, $0.id) < ($1.issued, $1.id) }
        guard pre != nil || proceedings != nil else { return nil }
        preProceedingsStart = pre?.start
        preProceedingsDue = pre.flatMap { due(.preProceedings, $0.id) }
        initialMeeting = pre.flatMap { pre in events.first { $0.id == pre.id }?.record as? PreProceedingsRecord }?.initialMeeting
        nextReview = pre.flatMap { pre in
            derivation.obligations.first { $0.ruleID == .ploReview && $0.id.hasPrefix("\(RuleID.ploReview):\(pre.id)#")
                && $0.metBy == nil && $0.notApplicable == nil }?.due
        }
        issued = proceedings?.issued
        proceedingsDue = proceedings.flatMap { due(.careProceedings, $0.id) }
        extensions = proceedings?.extensions.count ?? 0
        extensionWeeks = proceedings?.extensions.reduce(0) { $0 + $1.weeks } ?? 0
        court = proceedings.flatMap { open in events.first { $0.id == open.id }?.record as? CareProceedingsRecord }?.court
        let hearings = events.compactMap { $0.record as? HearingRecord }
            .filter { hearing in proceedings.map { hearing.parentID(in: journey) == $0.id } ?? false }
        nextHearing = hearings.max { $0.date < $1.date }?.nextHearing
    }
}

extension LegalSummary {
    /// The week of proceedings on `today`: week 1 is the seven days beginning with the day of
    /// issue (Children Act 1989 s32(1)(a) counts 26 weeks "beginning with" that day).
    public static func week(issued: CivilDate, on today: CivilDate) -> Int { issued.days(to: today) / 7 + 1 }

    /// Whole weeks since pre-proceedings started.
    public static func weeksSince(_ start: CivilDate, on today: CivilDate) -> Int { start.days(to: today) / 7 }
}
