import LineOfSightCore

/// The return of a collection year written from children's journeys: the tables the journey
/// holds (Header, Episodes, Reviews, UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes, DoLo). Importing what
/// this writes and writing
/// it again gives the same files.
public enum SSDA903JourneyExport {
    public struct Child: Sendable {
        public let laChildID: String
        public let details: SSDA903JourneyImport.Details
        /// The child's stored events in the journey (none withdrawn).
        public let events: [RecordedEvent]
        /// Their allocations to workers with a social worker ID, in date order.
        public let socialWorkers: [SSDA903SocialWorkerEpisode]

        public init(laChildID: String, details: SSDA903JourneyImport.Details, events: [RecordedEvent],
                    socialWorkers: [SSDA903SocialWorkerEpisode] = []) {
            self.laChildID = laChildID
            self.details = details
            self.events = events
            self.socialWorkers = socialWorkers
        }
    }

    /// The tables written, in the order of the return. SWEpisodes is written only when a child
    /// was allocated to someone with a social worker ID (without it, its rules would flag every
    /// child as having no social worker); UASC, AD1, PlacedAdoption, PrevPerm and DoLo only when
    /// they have rows (an empty UASC table would say that no child was ever a UASC, an empty
    /// PrevPerm table that no child's previous permanence is known).
    public static let tables: [SSDA903Table] = [.header, .episodes, .reviews, .uasc, .oc2, .oc3, .ad1, .placedAdoption, .prevPerm, .missing,
                                                .swEpisodes, .doLo]
    static let writtenWhenFilled: [SSDA903Table] = [.uasc, .ad1, .placedAdoption, .prevPerm, .doLo]

    /// Each table's CSV text, and the LA IDs of the children written. A child is in Header
    /// when another table has a row of theirs.
    public static func csv(_ children: [Child], ruleSet: SSDA903RuleSet) -> (tables: [SSDA903Table: String], children: [String]) {
        let (rows, written) = rows(children, ruleSet: ruleSet)
        return (Dictionary(uniqueKeysWithValues: rows.map { ($0.key, SSDA903CSVTable($0.key, rows: $0.value).csv) }), written)
    }

    /// The tables as read back from the CSV text `csv` writes (`SSDA903Reader.table(_:rows:)`),
    /// without writing it: what checking one child's record at a time reads.
    public static func tables(_ children: [Child], ruleSet: SSDA903RuleSet) -> [SSDA903Table: SSDA903TableData] {
        Dictionary(uniqueKeysWithValues: rows(children, ruleSet: ruleSet).tables.map { ($0.key, SSDA903Reader.table($0.key, rows: $0.value)) })
    }

    /// Each table's rows, each a row's cells by column (an absent column is empty), and the LA
    /// IDs of the children written.
    static func rows(_ children: [Child], ruleSet: SSDA903RuleSet) -> (tables: [SSDA903Table: [[SSDA903Column: String]]], children: [String]) {
        var out = Dictionary(uniqueKeysWithValues: tables.map { ($0, [[SSDA903Column: String]]()) })
        let year = ruleSet.collectionStart...ruleSet.collectionEnd
        var written: [(Child, [SSDA903Column: String])] = []
        var motherhood: [String: [SSDA903Column: String]] = [:]
        var allocated = false
        var filled = Set<SSDA903Table>()
        for child in children.sorted(by: { $0.laChildID < $1.laChildID }) {
            let person: [SSDA903Column: String] = [.child: child.laChildID, .dob: child.details.dateOfBirth?.ssda903 ?? ""]
            var any = false
            func add(_ table: SSDA903Table, _ cells: [SSDA903Column: String]) {
                out[table]!.append(cells.merging(person) { own, _ in own })
                filled.insert(table)
                any = true
            }
            let episodes = SSDA903Episode.episodes(of: child.events, dateOfBirth: child.details.dateOfBirth)
                .filter { $0.start <= year.upperBound && ($0.end.map { $0 >= year.lowerBound } ?? true) }
                .map { $0.asAtYearEnd(year.upperBound) }
            for episode in episodes { add(.episodes, episode.cells) }
            motherhood[child.laChildID] = self.motherhood(child, episodes: episodes, in: year, ruleSet: ruleSet)
            let records = child.events.map(\.record)
            for review in records.compactMap({ $0 as? LACReviewRecord }) where year.contains(review.date) {
                add(.reviews, [.review: review.date.ssda903, .reviewCode: review.participation ?? ""])
            }
            for missing in records.compactMap({ $0 as? MissingEpisodeRecord }) where year.contains(missing.start) {
                add(.missing, [.missing: SSDA903JourneyCodes.missingKinds.code(missing.kind) ?? "", .misStart: missing.start.ssda903,
                               .misEnd: missing.end?.ssda903 ?? ""])
            }
            for span in child.socialWorkers where span.start <= year.upperBound && (span.end.map { $0 >= year.lowerBound } ?? true) {
                let end = SSDA903SocialWorkerEpisode.episodeEnd(span, among: child.socialWorkers).flatMap { $0 > year.upperBound ? nil : $0 }
                add(.swEpisodes, [.swID: span.socialWorkerID, .swDECOM: span.start.ssda903, .swDEC: end?.ssda903 ?? ""])
                allocated = true
            }
            if let contact = records.compactMap({ $0 as? CareLeaverContactRecord }).last(where: { year.contains($0.date) }),
               !leftCareAfterBirthday(episodes, born: child.details.dateOfBirth, in: year) {
                add(.oc3, [.inTouch: contact.inTouch, .activ: contact.activity ?? SSDA903JourneyCodes.nothingKnown,
                           .accom: SSDA903JourneyCodes.accommodationCell(letter: contact.accommodation, suitable: contact.accommodationSuitable)])
            }
            // Adoption decisions of the periods of care written.
            let (placed, ad1) = SSDA903Adoption.rows(records, in: year)
            for row in placed { add(.placedAdoption, row) }
            if let ad1 { add(.ad1, ad1) }
            // Status of a child looked after in the year: previous permanence, UASC, deprivation of liberty.
            let status = SSDA903LookedAfterStatus.rows(records, episodes: episodes, in: year)
            if let row = status.prevPerm { add(.prevPerm, row) }
            if let row = status.uasc { add(.uasc, row.merging([.sex: SSDA903JourneyCodes.sexCode(child.details.sex, in: ruleSet)]) { own, _ in own }) }
            for row in status.doLo { add(.doLo, row) }
            if any { written.append((child, person)) }
        }
        // OC2 is for the children looked after all year, which the validator works out from the
        // Episodes table: the same reading decides who is in it here.
        let lookedAfterAllYear = continuouslyLookedAfter(episodes: out[.episodes]!, ruleSet: ruleSet)
        for (child, person) in written {
            if lookedAfterAllYear.contains(child.laChildID) {
                out[.oc2]!.append(outcomes(child, in: year).merging(person) { own, _ in own })
            }
            let details = child.details
            out[.header]!.append(person.merging([.sex: SSDA903JourneyCodes.sexCode(details.sex, in: ruleSet), .ethnic: details.ethnicity,
                                                 .upn: upnCell(details, in: year)]) { own, _ in own }
                .merging(motherhood[child.laChildID] ?? [:]) { own, _ in own })
        }
        if !allocated { out[.swEpisodes] = nil }
        for table in writtenWhenFilled where !filled.contains(table) { out[table] = nil }
        return (out, written.map(\.0.laChildID))
    }

    /// OC2 from the latest health assessment of the year, and for a child aged 10 or over at the
    /// year's end whether they were convicted or cautioned in it. The return asks for the
    /// strengths and difficulties score (or why there is none) only of children aged 4 or over at
    /// the year's end and under 17 at its start, and for development checks only of children
    /// under 5 at its end: outside those ages what was recorded (a reason "under 4" given at a
    /// 3-year-old's assessment) is not written.
    private static func outcomes(_ child: Child, in year: ClosedRange<CivilDate>) -> [SSDA903Column: String] {
        let flags = SSDA903JourneyCodes.flags, born = child.details.dateOfBirth
        var convicted: [SSDA903Column: String] = [:]
        if let born, born.adding(years: 10) <= year.upperBound {
            convicted[.convicted] = flags.code(child.events.contains { ($0.record as? ConvictionRecord).map { year.contains($0.date) } ?? false })!
        }
        guard let assessment = child.events.compactMap({ $0.record as? HealthAssessmentRecord }).last(where: { year.contains($0.date) }) else {
            return convicted.merging([.healthAssessment: flags.code(false)!]) { own, _ in own }
        }
        var cells: [SSDA903Column: String] = convicted.merging([
            .healthAssessment: flags.code(true)!, .immunisations: flags.code(assessment.immunisationsUpToDate) ?? "",
            .teethCheck: flags.code(assessment.dentalCheck.map { year.contains($0) } ?? false)!,
            .substanceMisuse: flags.code(assessment.substanceMisuse) ?? "",
            .interventionReceived: flags.code(assessment.interventionReceived) ?? "",
            .interventionOffered: flags.code(assessment.interventionOffered) ?? "",
        ]) { own, _ in own }
        if born.map({ $0.adding(years: 4) <= year.upperBound && $0.adding(years: 17) >= year.lowerBound }) ?? true {
            cells[.sdqScore] = assessment.sdqScore.map(String.init) ?? ""
            cells[.sdqReason] = assessment.sdqReason ?? ""
        }
        if born.map({ $0.adding(years: 5) > year.upperBound }) ?? false {
            cells[.healthCheck] = flags.code(assessment.developmentChecksUpToDate) ?? ""
        }
        return cells
    }

    /// Header's MOTHER for a girl looked after in the year (other than in short breaks): 1 with
    /// the date of birth of her first child when the record holds one born by the year's end,
    /// else 0. Nothing for anyone else: the return asks it of no one else.
    private static func motherhood(_ child: Child, episodes: [SSDA903Episode], in year: ClosedRange<CivilDate>,
                                   ruleSet: SSDA903RuleSet) -> [SSDA903Column: String] {
        guard SSDA903JourneyCodes.sexCode(child.details.sex, in: ruleSet) == HeaderCodes.female(in: ruleSet),
              episodes.contains(where: { !["V3", "V4"].contains($0.legalStatus) }) else { return [:] }
        let first = child.events.compactMap { ($0.record as? ParenthoodRecord)?.date }.filter { $0 <= year.upperBound }.min()
        return [.mother: SSDA903JourneyCodes.flags.code(first != nil)!, .mcDOB: first?.ssda903 ?? ""]
    }

    /// OC3 is not for a young person aged 17 or 18 at the year's end who left care in the year on
    /// or after that birthday: the year's episodes already describe them.
    private static func leftCareAfterBirthday(_ episodes: [SSDA903Episode], born: CivilDate?, in year: ClosedRange<CivilDate>) -> Bool {
        guard let born, [17, 18].contains(born.age(on: year.upperBound)) else { return false }
        let birthday = born.birthday(age: born.age(on: year.upperBound))
        return episodes.contains { episode in episode.end.map { year.contains($0) && $0 >= birthday } ?? false }
    }

    /// The UPN written: the one recorded, or UN1 ("not of school age and not yet assigned a UPN")
    /// for a child under 5 at the year's end who has none.
    static func upnCell(_ details: SSDA903JourneyImport.Details, in year: ClosedRange<CivilDate>) -> String {
        if let upn = details.upn, !upn.isEmpty { return upn }
        guard let born = details.dateOfBirth, born.adding(years: 5) > year.upperBound else { return "" }
        return "UN1"
    }

    private static func continuouslyLookedAfter(episodes rows: [[SSDA903Column: String]], ruleSet: SSDA903RuleSet) -> Set<String> {
        let table = SSDA903Reader.table(.episodes, rows: rows)
        return SSDA903Context(ruleSet: ruleSet, current: SSDA903Return(tables: [.episodes: table]), previous: nil, localAuthority: nil)
            .continuouslyLookedAfter()
    }
}
