import LineOfSightCore

/// A realistic synthetic return for a collection year: every table, each child's episodes a
/// consistent chain of care, and a small share of cells spoilt on purpose (an invalid code, a
/// malformed or out-of-range date, a blank, a value in lower case) so that validators have
/// something to find. The same seed gives the same files on every machine.
public struct SSDA903Generator {
    public let children: Int
    public let ruleSet: SSDA903RuleSet
    /// The share of eligible cells spoilt, e.g. 0.02.
    public let errorRate: Double
    private var random: SeededGenerator

    public init(children: Int, ruleSet: SSDA903RuleSet, seed: UInt64 = 903, errorRate: Double = 0.02) {
        self.children = children
        self.ruleSet = ruleSet
        self.errorRate = errorRate
        random = SeededGenerator(seed: seed)
    }

    /// Each table's CSV text.
    public mutating func generate() -> [SSDA903Table: String] {
        var tables = Dictionary(uniqueKeysWithValues: SSDA903Table.allCases.map { ($0, SSDA903CSVTable($0)) })
        for index in 0..<children {
            for (table, row) in child(index) {
                tables[table]!.append(spoil(row, in: table))
            }
        }
        return tables.mapValues(\.csv)
    }

    /// This year's return and last year's, the same children's histories as they stood a year
    /// earlier (`lastYear(of:)`), each spoilt independently: what a council validates with `--prev`.
    public mutating func generateWithPreviousYear() -> (current: [SSDA903Table: String], previous: [SSDA903Table: String]) {
        guard let previousRuleSet = SSDA903RuleSet(collectionYear: ruleSet.collectionYear - 1) else { return (generate(), [:]) }
        var current = Dictionary(uniqueKeysWithValues: SSDA903Table.allCases.map { ($0, SSDA903CSVTable($0)) })
        var previous = current
        for index in 0..<children {
            let rows = child(index)
            for (table, row) in rows {
                current[table]!.append(spoil(row, in: table))
            }
            for (table, row) in lastYear(of: rows, in: previousRuleSet) {
                previous[table]!.append(spoil(row, in: table))
            }
        }
        return (current.mapValues(\.csv), previous.mapValues(\.csv))
    }

    /// A child's rows as last year's return held them: what had happened by its end (31 March a
    /// year before this year's), an episode or a time missing still open then left open, the
    /// tables that did not exist yet left out. A child looked after or leaving care only this year
    /// is not in it.
    private func lastYear(of rows: [(SSDA903Table, [SSDA903Column: String])],
                          in previous: SSDA903RuleSet) -> [(SSDA903Table, [SSDA903Column: String])] {
        let end = previous.collectionEnd
        func byEnd(_ row: [SSDA903Column: String], _ column: SSDA903Column) -> Bool {
            row[column].flatMap { FieldDate(cell: $0.utf8).date }.map { $0 <= end } ?? false
        }
        var kept: [(SSDA903Table, [SSDA903Column: String])] = []
        for (table, row) in rows {
            var row = row
            switch table {
            case .header, .uasc, .oc2, .oc3, .prevPerm: break // kept when the child is in the return
            case .episodes:
                guard byEnd(row, .decom) else { continue }
                if !byEnd(row, .dec) { row[.dec] = nil; row[.rec] = nil; row[.reasonPlaceChange] = nil }
            case .missing:
                guard byEnd(row, .misStart) else { continue }
                if !byEnd(row, .misEnd) { row[.misEnd] = nil }
            case .reviews: guard byEnd(row, .review) else { continue }
            case .placedAdoption: guard byEnd(row, .datePlaced) else { continue }
            case .ad1: guard byEnd(row, .dateInt) else { continue }
            case .swEpisodes: guard previous >= .lac2023_24, byEnd(row, .swDECOM) else { continue }
            case .doLo: guard previous >= .lac2026_27, byEnd(row, .doloStart) else { continue }
            }
            if previous < .lac2024_25, let sex = row[.sex] { row[.sex] = sex == "F" ? "2" : sex == "M" ? "1" : sex }
            kept.append((table, row))
        }
        let born = rows.first { $0.0 == .header }?.1[.dob].flatMap { FieldDate(cell: $0.utf8).date }
        let inReturn = kept.contains { $0.0 == .episodes } || (kept.contains { $0.0 == .oc3 } && born.map { $0 <= end } == true)
        return inReturn ? kept : []
    }

    // MARK: - One child

    private mutating func child(_ index: Int) -> [(SSDA903Table, [SSDA903Column: String])] {
        let end = ruleSet.collectionEnd
        let id = String(100_000 + index)
        let dob = end.adding(days: -random.int(200...(17 * 365)))
        let female = random.chance(0.48)
        let age = dob.age(on: end)
        let sex = ruleSet >= .lac2024_25 ? (female ? "F" : (random.chance(0.01) ? "U" : "M")) : (female ? "2" : "1")
        var rows: [(SSDA903Table, [SSDA903Column: String])] = []
        var header: [SSDA903Column: String] = [
            .child: id, .sex: sex, .dob: text(dob), .ethnic: pick(Array(HeaderCodes.ethnicities).sorted()),
            .upn: age >= 5 ? upn() : pick(["UN1", "UN2", "UN4"]),
        ]
        if female, age >= 14 {
            let mother = random.chance(0.1)
            header[.mother] = mother ? "1" : "0"
            if mother { header[.mcDOB] = text(dob.adding(days: 14 * 365 + random.int(0...(max(1, age - 14) * 365)))) }
        }
        rows.append((.header, header))
        if random.chance(0.05) { return rows + [careLeaver(id)] }
        let episodes = episodeChain(for: id, born: dob)
        rows += episodes.map { (.episodes, $0) }
        let firstDay = episodes.first.flatMap { $0[.decom] } ?? text(end)
        for review in 0..<random.int(0...3) {
            rows.append((.reviews, [.child: id, .dob: text(dob), .review: text(end.adding(days: -30 - 120 * review)),
                                    .reviewCode: age < 4 ? "PN0" : pick(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])]))
        }
        if age >= 12, random.chance(0.06) {
            rows.append((.uasc, [.child: id, .sex: sex, .dob: text(dob)]))
        }
        if random.chance(0.5) {
            let sdq = (4...16).contains(age)
            rows.append((.oc2, [.child: id, .dob: text(dob), .sdqScore: sdq ? String(random.int(0...40)) : "",
                                .sdqReason: sdq ? "" : "SDQ1", .convicted: age >= 10 ? "0" : "",
                                .healthCheck: age < 5 ? "1" : "", .immunisations: "1", .teethCheck: "1",
                                .healthAssessment: "1", .substanceMisuse: "0"]))
        }
        if age < 10, random.chance(0.05) {
            rows.append((.placedAdoption, [.child: id, .dob: text(dob), .datePlaced: firstDay]))
            rows.append((.ad1, [.child: id, .dob: text(dob), .dateInt: firstDay, .dateMatch: firstDay,
                                .fosterCare: pick(["0", "1"]), .nbAdoptr: "2", .sexAdoptr: "MF", .lsAdoptr: "L11"]))
        }
        if random.chance(0.3) {
            rows.append((.prevPerm, [.child: id, .dob: text(dob), .prevPerm: pick(["Z1", "P1", "P2", "P4"]),
                                     .datePerm: pick(["", "zz/05/2019", "01/02/2018"])]))
        }
        if age >= 11, random.chance(0.1) {
            let start = end.adding(days: -random.int(10...300))
            rows.append((.missing, [.child: id, .dob: text(dob), .missing: pick(["M", "A"]), .misStart: text(start),
                                    .misEnd: text(start.adding(days: random.int(0...3)))]))
        }
        if ruleSet >= .lac2023_24 {
            rows.append((.swEpisodes, [.child: id, .dob: text(dob), .swID: "SW" + String(random.int(1000...9999)),
                                       .swDECOM: firstDay, .swReason: "FCONTA"]))
        }
        if ruleSet >= .lac2026_27, age >= 10, random.chance(0.01) {
            rows.append((.doLo, [.child: id, .dob: text(dob), .doloStart: text(end.adding(days: -100))]))
        }
        return rows
    }

    /// A care leaver around a birthday from the 17th to the 21st: an OC3 row and no episode this year.
    private mutating func careLeaver(_ id: String) -> (SSDA903Table, [SSDA903Column: String]) {
        let dob = ruleSet.collectionEnd.adding(days: -random.int((17 * 365)...(21 * 365)))
        return (.oc3, [.child: id, .dob: text(dob), .inTouch: pick(["YES", "YES", "YES", "NO", "REFU"]),
                       .activ: pick(["F2", "P2", "F5", "G5", "0"]), .accom: pick(["B1", "D1", "E1", "U1", "Z1", "0"])])
    }

    /// One to four consecutive episodes: the first starts care (RNE S), each later one changes
    /// placement or legal status on the day the one before ended (REC X1); the last is open or
    /// ends with a reason for leaving care.
    private mutating func episodeChain(for id: String, born: CivilDate) -> [[SSDA903Column: String]] {
        let end = ruleSet.collectionEnd
        let home = postcode()
        var start = max(born.adding(days: 1), end.adding(days: -random.int(30...1500)))
        var status = pick(["C1", "C2", "V2", "E1", "C2"])
        let need = pick(["N1", "N1", "N2", "N4", "N5", "N8"])
        var place = ordinaryPlacement()
        let count = random.int(1...4)
        var episodes: [[SSDA903Column: String]] = []
        for number in 0..<count {
            var episode: [SSDA903Column: String] = [
                .child: id, .decom: text(start), .rne: number == 0 ? "S" : pick(["P", "L", "T", "B", "U"]),
                .ls: status, .cin: need, .place: place, .homePost: home,
            ]
            if !placementsWithoutProviderNow.contains(place) {
                episode[.placeProvider] = place == "P1" ? "PR0" : pick(["PR1", "PR2", "PR4", "PR5"])
                episode[.plPost] = postcode()
            }
            if ["K2", "U1", "U4", "U6"].contains(place) { episode[.urn] = "SC" + String(random.int(100_000...999_999)) }
            let last = number == count - 1
            let length = random.int(2...400)
            let ends = start.adding(days: length)
            if !last || (ends < end && random.chance(0.4)) {
                guard ends < end else { episodes.append(episode); break }
                episode[.dec] = text(ends)
                episode[.rec] = last ? pick(["E11", "E4A", "E13", "E41", "E45", "E46", "E8", "E7", "E2", "E15"]) : "X1"
                if !last { episode[.reasonPlaceChange] = pick(["CARPL", "CLOSE", "CHILD", "LAREQ", "OTHER"]) }
                start = ends
                place = ordinaryPlacement()
                if random.chance(0.3) { status = pick(["C2", "E1"]) }
            }
            episodes.append(episode)
            if episode[.dec] == nil { break }
        }
        return episodes
    }

    private var placementsWithoutProviderNow: Set<String> { SSDA903Rules.placementsWithoutProvider(in: ruleSet) }

    private mutating func ordinaryPlacement() -> String {
        let common = ["U4", "U6", "U6", "U6", "U3", "K2", "P1", "R1", "S1", "T2", "A4"]
        return random.chance(0.97) ? pick(common) : pick(EpisodeCodes.placements(in: ruleSet).sorted())
    }

    // MARK: - Spoiling

    /// With probability `errorRate` per cell, makes the cell wrong in one of the ways real files are.
    private mutating func spoil(_ row: [SSDA903Column: String], in table: SSDA903Table) -> [SSDA903Column: String] {
        var row = row
        for column in table.columns where column != .child && random.chance(errorRate) {
            let value = row[column] ?? ""
            row[column] = column.isDate
                ? pick(["31/02/\(ruleSet.collectionYear)", "2020-01-05", "", "01/01/1990", "15/06/\(ruleSet.collectionYear + 1)", value.isEmpty ? "01/04/2000" : ""])
                : pick(["XX", "", value.lowercased(), "Z9", value.isEmpty ? "PR4" : ""])
        }
        return row
    }

    // MARK: - Values

    private func text(_ date: CivilDate) -> String { date.ssda903 }

    private mutating func pick(_ choices: [String]) -> String { choices[random.int(0...(choices.count - 1))] }

    private mutating func upn() -> String {
        let body = (0..<12).map { _ in String(random.int(0...9)) }.joined()
        return UPN.checkLetter(for: Array(body)).description + body
    }

    private mutating func postcode() -> String {
        pick(["LS1 4AP", "LS6 2RA", "BD1 1HY", "M1 1AE", "SW1A 1AA", "B1 1BB", "NE1 4ST", "S1 2HE", "CF10 1EP", "EH1 1YZ"])
    }
}
