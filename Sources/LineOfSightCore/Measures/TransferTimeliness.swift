/// Transfers month by month, for the monthly review pack's trend: how many were accepted and how
/// many of those within the local standard, how many first visits by the receiving team were made
/// and how many within the standard. A month counts what happened in it (an acceptance in March
/// counts for March, whenever it was requested).
public struct TransferMonth: Sendable, Hashable {
    /// The first day of the month.
    public let month: CivilDate
    public var accepted = 0
    public var acceptedOnTime = 0
    public var visited = 0
    public var visitedOnTime = 0
    public var rejected = 0

    public init(month: CivilDate) { self.month = month }

    /// The share on time, as a whole percentage; nil with nothing to count.
    public var acceptedOnTimePercent: Int? { Self.percent(acceptedOnTime, of: accepted) }
    public var visitedOnTimePercent: Int? { Self.percent(visitedOnTime, of: visited) }

    static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : Int((Double(part) * 100 / Double(whole)).rounded())
    }

    /// The `count` months ending with the one containing `last`, oldest first, from counts of the
    /// steps transfers took: what the database counts over thousands of transfers, by day and
    /// standard kept, without reading them.
    public static func trend(_ counts: [TransferStepCount], endingWith last: CivilDate, count: Int) -> [TransferMonth] {
        let lastMonth = last.firstOfMonth
        var months = (0..<count).reversed().map { TransferMonth(month: lastMonth.adding(months: -$0)) }
        for step in counts {
            guard let i = months.firstIndex(where: { $0.month == step.day.firstOfMonth }) else { continue }
            let onTime = step.keptStandard == true ? step.transfers : 0
            switch step.step {
            case .accepted: months[i].accepted += step.transfers; months[i].acceptedOnTime += onTime
            case .visited: months[i].visited += step.transfers; months[i].visitedOnTime += onTime
            case .rejected: months[i].rejected += step.transfers
            }
        }
        return months
    }
}

/// How many transfers took one step on one day — accepted, first visit by the receiving team, or
/// rejected — keeping the local standard or not: what the database counts from each transfer's
/// stored step days and `acceptedOnTime` / `visitedOnTime`, for the trend (which adds up each
/// month's days).
public struct TransferStepCount: Sendable, Hashable {
    public enum Step: Sendable, Hashable, CaseIterable {
        case accepted, visited, rejected
    }

    public let step: Step
    public let day: CivilDate
    /// Nil for rejections, which have no standard of their own.
    public let keptStandard: Bool?
    public let transfers: Int

    public init(step: Step, day: CivilDate, keptStandard: Bool?, transfers: Int) {
        self.step = step; self.day = day; self.keptStandard = keptStandard; self.transfers = transfers
    }
}

extension TransferProgress {
    /// Accepted within the standard (nil until accepted).
    public var acceptedOnTime: Bool? { accepted.map { !acceptanceBreached(asOf: $0) } }
    /// First visit within the standard (nil until visited, or with no standard to keep: the trend
    /// counts only visits that have one).
    public var visitedOnTime: Bool? {
        guard let firstVisit, firstVisitDue != nil else { return nil }
        return !visitBreached(asOf: firstVisit)
    }
}

extension CivilDate {
    /// The first day of this date's month.
    public var firstOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1)! }
    /// The last day of this date's month.
    public var lastOfMonth: CivilDate { firstOfMonth.adding(months: 1).adding(days: -1) }
}

extension TransferProgress {
    /// The transfer as it stood at the end of `day`: what happened after it left out.
    public func asOf(_ day: CivilDate) -> TransferProgress {
        var then = self
        func keep(_ date: CivilDate?) -> CivilDate? { date.flatMap { $0 <= day ? $0 : nil } }
        then.accepted = keep(accepted)
        then.rejected = keep(rejected)
        then.allocated = then.accepted == nil ? nil : keep(allocated)
        then.firstVisit = then.accepted == nil ? nil : keep(firstVisit)
        if then.accepted == nil { then.firstVisitDue = nil }
        return then
    }
}

/// Whether a transfer broke a standard in a month, in two forms bound together by a property test:
/// `breached(from:to:)` for a transfer in memory, and `breachPredicate(from:to:)` for stored
/// transfers, so that the review pack counts and lists a month's breaches in SQL without restating
/// the rule.
extension TransferProgress {
    /// Whether a step broke its standard in the days `first` to `last`: accepted or visited late
    /// in them, or overdue at their end (judged on what was known by then). A monthly review lists
    /// a transfer in each month it was late in, not again once it was back within its steps.
    public func breached(from first: CivilDate, to last: CivilDate) -> Bool {
        let then = asOf(last)
        let acceptance = then.acceptanceBreached(asOf: last) && (then.accepted.map { $0 >= first } ?? true)
        let visit = then.visitBreached(asOf: last) && (then.firstVisit.map { $0 >= first } ?? true)
        return acceptance || visit
    }

    /// The stored dates of a transfer a breach predicate names; `acceptanceDue` is never null.
    public enum DateColumn: String, Sendable, Hashable, CaseIterable {
        case acceptanceDue, accepted, rejected, firstVisitDue, firstVisit
    }

    public func date(_ column: DateColumn) -> CivilDate? {
        switch column {
        case .acceptanceDue: acceptanceDue
        case .accepted: accepted
        case .rejected: rejected
        case .firstVisitDue: firstVisitDue
        case .firstVisit: firstVisit
        }
    }

    /// The condition on the stored dates under which `breached(from: first, to: last)` holds.
    /// Every comparison of a nullable column is guarded by a null test, so SQL's three-valued logic
    /// gives the same answer.
    public static func breachPredicate(from first: CivilDate, to last: CivilDate) -> DatePredicate<DateColumn> {
        // By the end of `last`: a day on or before it; otherwise not yet (null, or after it).
        func by(_ column: DateColumn) -> DatePredicate<DateColumn> { .compare(column, .lessThanOrEqual, last) }
        func notBy(_ column: DateColumn) -> DatePredicate<DateColumn> { .or([.isNull(column), .compare(column, .greaterThan, last)]) }
        // A step taken late in the days, or not taken by their end and overdue then.
        func late(_ step: DateColumn, due: DateColumn) -> DatePredicate<DateColumn> {
            .or([
                .and([by(step), .compareColumns(step, .greaterThan, due), .compare(step, .greaterThanOrEqual, first)]),
                .and([notBy(step), .compare(due, .lessThan, last)]),
            ])
        }
        // A rejection ends the acceptance standard; the first visit is due only once accepted.
        return .or([
            .and([notBy(.rejected), late(.accepted, due: .acceptanceDue)]),
            .and([by(.accepted), .not(.isNull(.firstVisitDue)), late(.firstVisit, due: .firstVisitDue)]),
        ])
    }
}

/// The transfers between one pair of teams completed (first visit by the receiving team) in a
/// month: how many, how many kept each local standard, and the median working days from request
/// to acceptance. Made from what the database counts of the month's completed transfers by pair,
/// standards kept (`acceptedOnTime`, `visitedOnTime`) and days to acceptance, stored with each
/// transfer when its child was derived, without reading them.
public struct TransferPairTimeliness: Sendable, Hashable {
    public let fromTeam: String
    public let toTeam: String
    public private(set) var completed = 0
    public private(set) var acceptedOnTime = 0
    public private(set) var visitedOnTime = 0
    /// How many took each number of working days from request to acceptance.
    private var acceptanceDays: [Int: Int] = [:]

    /// Completed transfers counted by pair, standards kept and days to acceptance.
    public struct Count: Sendable, Hashable {
        public let fromTeam: String
        public let toTeam: String
        public let acceptedOnTime: Bool?
        public let visitedOnTime: Bool?
        public let acceptanceDays: Int?
        public let transfers: Int

        public init(fromTeam: String, toTeam: String, acceptedOnTime: Bool?, visitedOnTime: Bool?, acceptanceDays: Int?, transfers: Int) {
            self.fromTeam = fromTeam; self.toTeam = toTeam; self.acceptedOnTime = acceptedOnTime; self.visitedOnTime = visitedOnTime
            self.acceptanceDays = acceptanceDays; self.transfers = transfers
        }
    }

    public init(fromTeam: String, toTeam: String) { self.fromTeam = fromTeam; self.toTeam = toTeam }

    /// Each pair's figures, in no particular order. A completed transfer was accepted, so it kept
    /// the acceptance standard unless judged late; a first visit with no standard to keep counts as
    /// kept, as `visitBreached` judges it.
    public static func byPair(_ counts: [Count]) -> [TransferPairTimeliness] {
        struct Pair: Hashable { let from: String; let to: String }
        var pairs: [Pair: TransferPairTimeliness] = [:]
        for count in counts {
            let key = Pair(from: count.fromTeam, to: count.toTeam)
            var pair = pairs[key] ?? TransferPairTimeliness(fromTeam: count.fromTeam, toTeam: count.toTeam)
            pair.completed += count.transfers
            if count.acceptedOnTime != false { pair.acceptedOnTime += count.transfers }
            if count.visitedOnTime != false { pair.visitedOnTime += count.transfers }
            if let days = count.acceptanceDays { pair.acceptanceDays[days, default: 0] += count.transfers }
            pairs[key] = pair
        }
        return Array(pairs.values)
    }

    /// The middle of the transfers' days to acceptance, in order (the upper middle of an even
    /// number); nil with none.
    public var medianDaysToAcceptance: Int? {
        let middle = acceptanceDays.values.reduce(0, +) / 2
        var seen = 0
        for (days, transfers) in acceptanceDays.sorted(by: { $0.key < $1.key }) {
            seen += transfers
            if seen > middle { return days }
        }
        return nil
    }
}
