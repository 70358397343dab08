import LineOfSightCore

extension LegalSummary {
    /// A child's stored legal summary read back from its row (`DerivedRows.legal`, as
    /// `DerivedRows.replace` writes it), so the lists read the core's type rather than a copy of its columns.
    init(stored c: Columns) throws {
        self.init(preProceedingsStart: try c.date(ifAny: "pre_proceedings_start"), preProceedingsDue: try c.date(ifAny: "pre_proceedings_due"),
                  initialMeeting: try c.date(ifAny: "initial_meeting"), nextReview: try c.date(ifAny: "next_review"),
                  issued: try c.date(ifAny: "issued"), proceedingsDue: try c.date(ifAny: "proceedings_due"),
                  extensions: try c.int("extensions"), extensionWeeks: try c.int("extension_weeks"),
                  court: try c.text(ifAny: "court"), nextHearing: try c.date(ifAny: "next_hearing"))
    }
}
