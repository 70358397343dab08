import LineOfSightCore

/// One child's rows, this year's and last year's, as records of their journey. A later year's
/// row replaces an earlier year's of the same kind and date; within one year, a row that repeats
/// an earlier one's date is left out and counted.
struct SSDA903ChildMapper {
    let id: String
    let years: [SSDA903ReturnYear]
    let recorded: SSDA903JourneyImport.Recorded?
    private(set) var repeated = 0
    private(set) var withoutAssessment = 0

    init(id: String, years: [SSDA903ReturnYear], recorded: SSDA903JourneyImport.Recorded?) {
        self.id = id
        self.years = years
        self.recorded = recorded
    }

    mutating func map() throws(SSDA903ImportProblem) -> SSDA903JourneyImport.Child {
        let details = try self.details()
        if details == nil, recorded == nil {
            let (id, years) = (id, years)
            let row = years.lazy.flatMap { year in SSDA903Table.allCases.lazy.flatMap { year.rows($0, of: id) } }.first!
            throw row.problem(.child, "Child \(id) is not in the Header table, and no child with this ID is recorded")
        }
        let born = details?.dateOfBirth ?? recorded?.dateOfBirth
        let periods = try SSDA903EpisodeChain.periods(episodes(born: born))
        var records: [any JourneyRecord] = periods.flatMap(\.records)
        var others: [String: any JourneyRecord] = [:]
        var socialWorkers: [CivilDate: (id: String, start: CivilDate, end: CivilDate?)] = [:]
        // The return does not say since when a child is a UASC: the date recorded before, so a
        // later return finds the same record, or the start of the first period of care known.
        let uascSince = recorded?.events.compactMap({ $0.record as? UASCRecord }).map(\.date).min()
            ?? periods.map(\.record.start).min()
        for year in years {
            var thisYear: [String: any JourneyRecord] = [:]
            func add(_ record: any JourneyRecord) {
                let key = "\(type(of: record).list.rawValue) \(record.date.iso)"
                if thisYear[key] == nil { thisYear[key] = record } else { repeated += 1 }
            }
            for row in year.rows(.reviews, of: id) {
                add(LACReviewRecord(date: try row.requiredDate(.review, "The date of the review"), participation: row[.reviewCode]))
            }
            for row in year.rows(.missing, of: id) { add(try missingEpisode(row)) }
            for row in year.rows(.oc2, of: id) {
                if let assessment = try healthAssessment(row, in: year.ruleSet) { add(assessment) } else { withoutAssessment += 1 }
                // OC2 gives no date or outcome: a conviction or caution in the year is recorded on its first day.
                if SSDA903JourneyCodes.flags.value(row[.convicted]) == true {
                    add(ConvictionRecord(date: year.ruleSet.collectionStart, outcome: nil))
                }
            }
            // A mother's first child, on the day Header gives (a MOTHER of 1 without a date says too little to record).
            for row in year.rows(.header, of: id) where SSDA903JourneyCodes.flags.value(row[.mother]) == true {
                if let born = row.date(.mcDOB).date { add(ParenthoodRecord(date: born)) }
            }
            for row in year.rows(.oc3, of: id) { add(careLeaverContact(row, born: born, in: year.ruleSet)) }
            // A decision that the child should be placed for adoption: PlacedAdoption's row, completed by AD1's of the same date.
            var adoptions: [CivilDate: AdoptionRecord] = [:]
            for row in year.rows(.placedAdoption, of: id) {
                let record = try SSDA903Adoption.record(placed: row, periods: periods.map(\.record))
                if adoptions[record.agencyDecision] == nil { adoptions[record.agencyDecision] = record } else { repeated += 1 }
            }
            var adopted = Set<CivilDate>()
            for row in year.rows(.ad1, of: id) {
                let record = try SSDA903Adoption.record(ad1: row, onto: adoptions, periods: periods.map(\.record))
                guard adopted.insert(record.agencyDecision).inserted else { repeated += 1; continue }
                adoptions[record.agencyDecision] = record
            }
            for record in SSDA903Adoption.withOrders(Array(adoptions.values), periods: periods.map(\.record)) { add(record) }
            for row in year.rows(.prevPerm, of: id) {
                add(try SSDA903LookedAfterStatus.previousPermanence(row, periods: periods.map(\.record), in: year.ruleSet))
            }
            for row in year.rows(.uasc, of: id) {
                add(try SSDA903LookedAfterStatus.uasc(row, since: uascSince ?? year.ruleSet.collectionStart))
            }
            for row in year.rows(.doLo, of: id) { add(try SSDA903LookedAfterStatus.deprivationOfLiberty(row)) }
            var startsThisYear = Set<CivilDate>()
            for row in year.rows(.swEpisodes, of: id) {
                // A row without an SW_ID matches no member of staff, and is reported as skipped.
                let worker = row[.swID] ?? ""
                let start = try row.requiredDate(.swDECOM, "The date the social worker’s episode started")
                let end = try row.optionalDate(.swDEC, "The date the social worker’s episode ended")
                if let end, end < start { throw row.problem(.swDEC, "The episode ends on \(end.long), before it starts on \(start.long)") }
                guard startsThisYear.insert(start).inserted else { repeated += 1; continue }
                socialWorkers[start] = (worker, start, end)
            }
            others.merge(thisYear) { _, later in later }
        }
        records += others.values.sorted { ($0.date, type(of: $0).list.rawValue) < ($1.date, type(of: $1).list.rawValue) }
        return SSDA903JourneyImport.Child(laChildID: id, details: details, records: records,
                                          socialWorkers: SSDA903SocialWorkerEpisode.spans(Array(socialWorkers.values)))
    }

    /// Header's row of the latest year that has one; a second row of the child in one year is a problem.
    private func details() throws(SSDA903ImportProblem) -> SSDA903JourneyImport.Details? {
        for year in years.reversed() {
            let rows = year.rows(.header, of: id)
            guard let row = rows.first else { continue }
            if rows.count > 1 {
                throw rows[1].problem(.child, "Child \(id) is in the Header table twice, also on line \(row.data.lines[row.row])")
            }
            return SSDA903JourneyImport.Details(sex: SSDA903JourneyCodes.sex(row[.sex]), dateOfBirth: row.date(.dob).date,
                                                ethnicity: row[.ethnic] ?? "", upn: row[.upn])
        }
        return nil
    }

    /// The episodes already recorded, then last year's, then this year's, one per start date (a
    /// later source's replacing an earlier's), in date order.
    private mutating func episodes(born: CivilDate?) throws(SSDA903ImportProblem) -> [SSDA903Episode] {
        var byStart: [CivilDate: SSDA903Episode] = [:]
        if let recorded {
            for episode in SSDA903Episode.episodes(of: recorded.events, dateOfBirth: born) { byStart[episode.start] = episode }
        }
        for year in years {
            var thisYear = Set<CivilDate>()
            for row in year.rows(.episodes, of: id) {
                let episode = try SSDA903Episode(row)
                guard thisYear.insert(episode.start).inserted else { repeated += 1; continue }
                byStart[episode.start] = episode
            }
        }
        return byStart.values.sorted { $0.start < $1.start }
    }

    private func missingEpisode(_ row: SSDA903Row) throws(SSDA903ImportProblem) -> MissingEpisodeRecord {
        guard let kind = SSDA903JourneyCodes.missingKinds.value(row[.missing]) else {
            throw row.problem(.missing, "Enter M (missing) or A (away without authorisation), not “\(row[.missing] ?? "")”: the journey records one or the other")
        }
        let start = try row.requiredDate(.misStart, "The date the child went missing")
        let end = try row.optionalDate(.misEnd, "The date the child came back")
        if let end, end < start { throw row.problem(.misEnd, "The child came back on \(end.long), before they went missing on \(start.long)") }
        return MissingEpisodeRecord(kind: kind, start: start, end: end)
    }

    /// OC2 gives no dates: a health assessment done in the year is recorded on the year's first
    /// day, the earliest it can have been, so the next one falls due no later than it really does.
    private func healthAssessment(_ row: SSDA903Row, in ruleSet: SSDA903RuleSet) throws(SSDA903ImportProblem) -> HealthAssessmentRecord? {
        guard SSDA903JourneyCodes.flags.value(row[.healthAssessment]) == true else { return nil }
        var score: Int?
        if let text = row[.sdqScore] {
            guard let value = Int(text) else { throw row.problem(.sdqScore, "The score must be a whole number, not “\(text)”") }
            score = value
        }
        let day = ruleSet.collectionStart, flags = SSDA903JourneyCodes.flags
        return HealthAssessmentRecord(kind: .review, date: day, immunisationsUpToDate: flags.value(row[.immunisations]),
                                      dentalCheck: flags.value(row[.teethCheck]) == true ? day : nil,
                                      sdqScore: score, sdqReason: row[.sdqReason],
                                      developmentChecksUpToDate: flags.value(row[.healthCheck]),
                                      substanceMisuse: flags.value(row[.substanceMisuse]),
                                      interventionReceived: flags.value(row[.interventionReceived]),
                                      interventionOffered: flags.value(row[.interventionOffered]))
    }

    /// OC3 describes the young person around their birthday in the year: the contact is
    /// recorded on that birthday (on the year's last day when the date of birth is not known).
    private func careLeaverContact(_ row: SSDA903Row, born: CivilDate?, in ruleSet: SSDA903RuleSet) -> CareLeaverContactRecord {
        let end = ruleSet.collectionEnd
        let day = born.map { $0.birthday(age: $0.age(on: end)) }.flatMap { $0 >= ruleSet.collectionStart ? $0 : nil } ?? end
        let (letter, suitable) = SSDA903JourneyCodes.accommodation(row[.accom])
        let activity = row[.activ] == SSDA903JourneyCodes.nothingKnown ? nil : row[.activ]
        return CareLeaverContactRecord(date: day, inTouch: row[.inTouch] ?? "", accommodation: letter, accommodationSuitable: suitable,
                                       activity: activity)
    }
}
