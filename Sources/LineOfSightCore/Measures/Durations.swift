/// A length of time for one record: from its start to its end, or to the as-of date while open.
public struct Span: Sendable, Hashable {
    public let recordID: String
    public let start: CivilDate
    public let end: CivilDate?
    /// Days from start to end (or to the as-of date while open).
    public let days: Int

    public init(recordID: String, start: CivilDate, end: CivilDate?, asOf: CivilDate) {
        self.recordID = recordID
        self.start = start
        self.end = end
        self.days = start.days(to: end ?? asOf)
    }

    public var isOpen: Bool { end == nil }
    public var weeks: Double { Double(days) / 7 }
}

/// Durations the trackers show (where children wait), for one journey as of a date.
public enum Durations {
    /// For each period of care: from entering care to the first permanence plan (or, without
    /// one, to leaving care or the as-of date). Short breaks are left out: a child in a series of
    /// short breaks lives at home and has no permanence plan (CPPCR reg 48).
    public static func timeInCareWithoutPermanencePlan(_ journey: Journey, asOf: CivilDate) -> [Span] {
        journey.periodsOfCare.filter { $0.start <= asOf && !$0.isShortBreak }.map { period in
            let plan = journey.permanencePlans.filter { period.contains($0.date) && $0.date <= asOf }.map(\.date).min()
            let left = period.end.flatMap { $0 <= asOf ? $0 : nil }
            return Span(recordID: period.id, start: period.start, end: plan ?? left, asOf: asOf)
        }
    }

    /// Each CP plan from its start to its end (or the as-of date).
    public static func timeOnCPPlan(_ journey: Journey, asOf: CivilDate) -> [Span] {
        journey.cpPlans.filter { $0.start <= asOf }.map { plan in
            Span(recordID: plan.id, start: plan.start, end: plan.end.flatMap { $0 <= asOf ? $0 : nil }, asOf: asOf)
        }
    }

    /// Each set of care proceedings from issue to conclusion (or the as-of date); `weeks` gives weeks.
    public static func timeInProceedings(_ journey: Journey, asOf: CivilDate) -> [Span] {
        journey.careProceedings.filter { $0.issued <= asOf }.map { proceedings in
            Span(recordID: proceedings.id, start: proceedings.issued,
                 end: proceedings.concluded.flatMap { $0 <= asOf ? $0 : nil }, asOf: asOf)
        }
    }

    /// Each transfer from the end of the assessment that prompted it to its acceptance (or the
    /// as-of date while not accepted). Transfers with no assessment end recorded are left out.
    public static func assessmentEndToTransferAcceptance(_ journey: Journey, asOf: CivilDate) -> [Span] {
        journey.transfers.compactMap { transfer in
            guard let completed = transfer.assessmentCompleted, completed <= asOf else { return nil }
            return Span(recordID: transfer.id, start: completed,
                        end: transfer.accepted.flatMap { $0 <= asOf ? $0 : nil }, asOf: asOf)
        }
    }
}
