import LineOfSightCore

/// A return (and, optionally, last year's) as the journey holds it: each child's details and
/// the records their rows become. Pure: the server looks up what is already recorded, passes it
/// in, and stores the result through the event store.
public struct SSDA903JourneyImport: Sendable {
    /// What the journey already holds of a child: the episodes of the return continue it.
    public struct Recorded: Sendable {
        public let dateOfBirth: CivilDate?
        /// The child's stored events in the journey (none withdrawn).
        public let events: [RecordedEvent]

        public init(dateOfBirth: CivilDate?, events: [RecordedEvent]) {
            self.dateOfBirth = dateOfBirth
            self.events = events
        }
    }

    /// A child's Header row as the child's record holds it.
    public struct Details: Sendable, Equatable {
        /// M, F or U, whichever year's codes the return used.
        public let sex: String
        /// Nil when the return's is not a date.
        public let dateOfBirth: CivilDate?
        public let ethnicity: String
        public let upn: String?

        public init(sex: String, dateOfBirth: CivilDate?, ethnicity: String, upn: String?) {
            self.sex = sex
            self.dateOfBirth = dateOfBirth
            self.ethnicity = ethnicity
            self.upn = upn
        }
    }

    public struct Child: Sendable {
        public let laChildID: String
        /// Nil when only tables other than Header name the child (they must be recorded already).
        public let details: Details?
        /// Everything the rows say, recorded already or not: the server keeps what is unchanged.
        public let records: [any JourneyRecord]
        /// SWEpisodes: who held the case when; the server allocates where it knows the worker.
        public let socialWorkers: [SSDA903SocialWorkerEpisode]
    }

    public let children: [Child]
    /// What the import leaves out of rows it does import, in words, e.g. "3 reviews repeat …".
    public let leftOut: [String]

    /// Every CHILD of the rows the journey holds, Header's first, each once.
    public static func childIDs(_ returns: [SSDA903Return]) -> [String] {
        var seen = Set<String>(), ids: [String] = []
        for data in returns {
            for table in SSDA903Table.allCases {
                guard let rows = data[table] else { continue }
                for value in rows.children.values.dropFirst() where seen.insert(value).inserted { ids.append(value) }
            }
        }
        return ids
    }

    /// Maps `current` (collection year `ruleSet`) and `previous` (the year before) into the
    /// journey, continuing what `recorded` holds (by LA child ID). Every child that cannot be
    /// mapped is a problem; any problem stops the import.
    public init(current: SSDA903Return, ruleSet: SSDA903RuleSet, previous: SSDA903Return? = nil,
                recorded: [String: Recorded]) throws(SSDA903ImportProblems) {
        var years: [SSDA903ReturnYear] = []
        if let previous, let year = SSDA903RuleSet(collectionYear: ruleSet.collectionYear - 1) {
            years.append(SSDA903ReturnYear(previous, year))
        }
        years.append(SSDA903ReturnYear(current, ruleSet))
        var problems: [SSDA903ImportProblem] = []
        var children: [Child] = []
        var repeated = 0, withoutAssessment = 0
        for id in Self.childIDs(years.map(\.data)) {
            do {
                var mapper = SSDA903ChildMapper(id: id, years: years, recorded: recorded[id])
                children.append(try mapper.map())
                repeated += mapper.repeated
                withoutAssessment += mapper.withoutAssessment
            } catch {
                problems.append(error)
            }
        }
        problems += years.flatMap { $0.blankChildren() }
        guard problems.isEmpty else { throw SSDA903ImportProblems(problems) }
        self.children = children
        var leftOut: [String] = []
        if repeated > 0 {
            leftOut.append("\(repeated) \(repeated == 1 ? "row repeats" : "rows repeat") an earlier row of the same child on the same date (a review, a time missing, an episode, a decision that the child should be placed for adoption), so \(repeated == 1 ? "was" : "were") left out")
        }
        if withoutAssessment > 0 {
            leftOut.append("\(withoutAssessment) OC2 \(withoutAssessment == 1 ? "row says" : "rows say") no health assessment was done in the year: the journey records assessments, so nothing was recorded for \(withoutAssessment == 1 ? "it" : "them")")
        }
        self.leftOut = leftOut
    }
}

/// Every problem that stops an import, in the order of the children.
public struct SSDA903ImportProblems: Error, CustomStringConvertible, Sendable {
    public let problems: [SSDA903ImportProblem]

    public init(_ problems: [SSDA903ImportProblem]) { self.problems = problems }

    /// The first 20, and how many more there are.
    public var description: String {
        let shown = problems.prefix(20).map(\.description)
        let more = problems.count > shown.count ? ["… and \(problems.count - shown.count) more"] : []
        return (shown + more).joined(separator: "\n")
    }
}

/// One year's return and the rows of each child in it.
struct SSDA903ReturnYear: Sendable {
    let data: SSDA903Return
    let ruleSet: SSDA903RuleSet

    init(_ data: SSDA903Return, _ ruleSet: SSDA903RuleSet) {
        self.data = data
        self.ruleSet = ruleSet
    }

    /// The rows of `table` whose CHILD is `id`, in file order.
    func rows(_ table: SSDA903Table, of id: String) -> [SSDA903Row] {
        guard let rows = data[table], let number = rows.childNumber(of: id) else { return [] }
        return rows.childGroups[number].map { SSDA903Row(rows, $0) }
    }

    /// A row without a CHILD cannot be matched to anyone.
    func blankChildren() -> [SSDA903ImportProblem] {
        SSDA903Table.allCases.compactMap { table in
            guard let rows = data[table], let row = rows.childGroups[0].first else { return nil }
            return SSDA903Row(rows, row).problem(.child, "Enter the child’s ID: a row without one cannot be matched to a child")
        }
    }
}
