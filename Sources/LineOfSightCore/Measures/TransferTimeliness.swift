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

    /// The `count` months ending with the one containing `last`, oldest first, counting `transfers`.
    public static func trend(_ transfers: [TransferProgress], endingWith last: CivilDate, count: Int) -> [TransferMonth] {
        let lastMonth = last.firstOfMonth
        var months = (0..<count).reversed().map { TransferMonth(month: lastMonth.adding(months: -$0)) }
        func index(_ date: CivilDate?) -> Int? {
            guard let date else { return nil }
            return months.firstIndex { $0.month == date.firstOfMonth }
        }
        for transfer in transfers {
            if let i = index(transfer.accepted), let accepted = transfer.accepted {
                months[i].accepted += 1
                if accepted <= transfer.acceptanceDue { months[i].acceptedOnTime += 1 }
            }
            if let i = index(transfer.firstVisit), let visit = transfer.firstVisit, let due = transfer.firstVisitDue {
                months[i].visited += 1
                if visit <= due { months[i].visitedOnTime += 1 }
            }
            if let i = index(transfer.rejected) { months[i].rejected += 1 }
        }
        return months
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
}
