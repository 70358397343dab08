/// A stable rule identifier, e.g. `cp.icpc`. Stored with every obligation.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The area of work a rule belongs to (a section of docs/timescales.md).
public enum RuleFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case frontDoor, assessment, childProtection, childInNeed, lookedAfter, visits, health, education
    case permanence, proceedings, adoption, careLeavers, lado, transfers, actions, supervision
}

/// One timescale: when this happens, that is due by then, and this completes it.
public struct Rule: Sendable, Hashable, Identifiable {
    public let id: RuleID
    public let title: String
    public let family: RuleFamily
    /// What the obligation is keyed on.
    public let subject: Subject.Kind
    /// The legal or guidance source, as cited in the reference.
    public let source: String
    public let confidence: Confidence
    public let clockStarts: String
    public let dueDate: String
    public let metBy: String
    /// The kinds of event whose recording starts this rule's clock (`Obligation.startedBy.kind`):
    /// `clockStarts` as data. For a recurring rule, the event that met the previous link starts
    /// the next one, so its kind is here too.
    public let startingKinds: [EventKind]
    /// The kinds of event that can meet it (`Obligation.metBy.kind`): `metBy` as data.
    /// `RuleKindsTests` checks both against what the derivation sets.
    public let meetingKinds: [EventKind]
    public let calendar: CalendarBasis
    /// The named standards that set its values.
    public let standards: [String]
    /// Recurring obligations chain from the actual date of the previous occurrence.
    public let recurring: Bool
}
