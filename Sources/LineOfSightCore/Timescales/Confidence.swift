/// How sure the reference is of a value (shared/reference/timescales.md, "Confidence marks").
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    /// ✅ primary or statutory text, or the official data definition.
    case confirmed
    /// ☑️ consistent secondary sources; the primary paragraph is not verified.
    case secondary
    /// ⚠️ domain knowledge or partly confirmed.
    case partial
    /// ❓ not found.
    case notFound
    /// Local practice: not statutory, varies by council.
    case local

    public var mark: String {
        switch self {
        case .confirmed: "✅"
        case .secondary: "☑️"
        case .partial: "⚠️"
        case .notFound: "❓"
        case .local: "Local practice"
        }
    }
}

/// Which calendar a rule's due date is counted on.
public enum CalendarBasis: String, Sendable, Hashable, Codable {
    /// Working days, England and Wales bank holidays only (statutory timescales).
    case nationalWorkingDays
    /// Working days less the council's closure days too (local standards).
    case localWorkingDays
    /// Calendar days, weeks or months (no working-day arithmetic).
    case calendar
}
