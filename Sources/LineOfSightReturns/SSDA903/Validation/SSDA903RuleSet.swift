import LineOfSightCore

/// The DfE's rule sets, one per collection year, named as the DfE tool names them. A rule set's
/// raw value is its collection year: the year in which the collection ends on 31 March.
public enum SSDA903RuleSet: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case lac2022_23 = 2023, lac2023_24, lac2024_25, lac2025_26, lac2026_27

    public init?(collectionYear: Int) { self.init(rawValue: collectionYear) }

    public var collectionYear: Int { rawValue }
    /// 1 April of the year before the collection year.
    public var collectionStart: CivilDate { CivilDate(year: rawValue - 1, month: 4, day: 1)! }
    /// 31 March of the collection year.
    public var collectionEnd: CivilDate { CivilDate(year: rawValue, month: 3, day: 31)! }

    public var description: String { "lac\(rawValue - 1)_\(rawValue % 100)" }

    /// Every rule set: the years of a rule that has not changed since 2022/23.
    public static let every: ClosedRange<SSDA903RuleSet> = .lac2022_23 ... .lac2026_27
    /// From `first` to the newest rule set.
    public static func from(_ first: SSDA903RuleSet) -> ClosedRange<SSDA903RuleSet> { first ... .lac2026_27 }
    /// From the oldest rule set to `last`.
    public static func through(_ last: SSDA903RuleSet) -> ClosedRange<SSDA903RuleSet> { .lac2022_23 ... last }

    public static func < (lhs: SSDA903RuleSet, rhs: SSDA903RuleSet) -> Bool { lhs.rawValue < rhs.rawValue }
}
