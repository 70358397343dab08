import LineOfSightCore

extension LegalSummary {
    /// The columns of `DerivedRows.legal`, as `DerivedRows.replace` writes them.
    private enum Column: String, CodingKey {
        case pre_proceedings_start, pre_proceedings_due, initial_meeting, next_review, issued, proceedings_due, extensions,
             extension_weeks, court, next_hearing
    }

    /// A child's stored legal summary read back from its row, so the lists read the core's type
    /// rather than a copy of its columns.
    init(storedRow decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: Column.self)
        func date(_ column: Column) throws -> CivilDate? { try row.decodeIfPresent(CivilDate.self, forKey: column) }
        self.init(preProceedingsStart: try date(.pre_proceedings_start), preProceedingsDue: try date(.pre_proceedings_due),
                  initialMeeting: try date(.initial_meeting), nextReview: try date(.next_review), issued: try date(.issued),
                  proceedingsDue: try date(.proceedings_due), extensions: try row.decode(Int.self, forKey: .extensions),
                  extensionWeeks: try row.decode(Int.self, forKey: .extension_weeks),
                  court: try row.decodeIfPresent(String.self, forKey: .court), nextHearing: try date(.next_hearing))
    }
}
