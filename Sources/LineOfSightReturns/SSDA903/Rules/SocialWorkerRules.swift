import LineOfSightCore

extension SSDA903Rules {
    /// SWEpisodes (from 2023/24): each value valid on its own.
    static let socialWorkers: [SSDA903Rule] = [
        // Until 2024/25 only the first two characters are checked; from 2025/26 the ID must also
        // be at least four characters long.
        .eachRow("SW02STG1", "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
                 table: .swEpisodes, columns: [.swID], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context in
            let id = episodes[.swID]
            let minimum = context.ruleSet >= .lac2025_26 ? 4 : 0
            let wrong = id.values.map { !($0.hasPrefix("SW") || $0.hasPrefix("XX")) || $0.count < minimum }
            return { row in id.isBlank(row) || wrong[Int(id.ids[row])] }
        },
        socialWorkerDate("SW04STG1", "Date social worker episode began is not a valid date..", .swDECOM),
        socialWorkerDate("SW05STG1", "Date social worker episode began is not a valid date.", .swDEC),
        .afterYearEnd("SW06STG2", "Social worker episode data should be within the social worker data reporting year.",
                      table: .swEpisodes, column: .swDECOM, years: SSDA903RuleSet.from(.lac2023_24)),
        // From 2024/25 an end may fall in the year before too: the DfE subtracts numpy's average
        // year (365.2425 days) from 1 April, so the first day allowed is 365 days before it.
        .eachRow("SW07STG2", "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
                 table: .swEpisodes, columns: [.swDEC], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context in
            let ended = episodes.dates(.swDEC)
            let first = context.ruleSet >= .lac2024_25 ? context.collectionStart.adding(days: -365) : context.collectionStart
            let allowed = first ... context.collectionEnd
            return { row in ended[row].date.map { !allowed.contains($0) } ?? false }
        },
        // The second and later episodes of a child with one start date, compared as written (two
        // blank start dates are the same date, as pandas' duplicated() has it).
        SSDA903Rule("SW19STG2", "There are 2 social worker episodes for the child starting on the same date.",
                    table: .swEpisodes, columns: [.swDEC, .swDECOM], years: SSDA903RuleSet.from(.lac2025_26)) {
            episodes, _, flags in
            let child = episodes.children.ids, began = episodes[.swDECOM].ids
            var seen = Set<UInt64>()
            for row in episodes.rows where !seen.insert(UInt64(UInt32(child[row])) << 32 | UInt64(UInt32(began[row]))).inserted {
                flags.flag(row)
            }
        },
        // From 2024/25 a blank reason is flagged only for episodes starting on or after
        // 1 April 2023, when the table began.
        .eachRow("SW13STG1", "The reason for social worker change is not valid.",
                 earlierMessage: (.lac2023_24, "The reason for social worker change is either not valid or has not been entered."),
                 table: .swEpisodes, columns: [.swReason], years: SSDA903RuleSet.from(.lac2023_24)) { episodes, context in
            let reason = episodes[.swReason], began = episodes.dates(.swDECOM)
            let valid = reason.matching(OtherTableCodes.socialWorkerChangeReasons)
            let tableBegan = CivilDate(year: 2023, month: 4, day: 1)!
            let blankAlwaysAtFault = context.ruleSet == .lac2023_24
            return { row in
                guard reason.isBlank(row) else { return !valid[row] }
                return blankAlwaysAtFault || (began[row].date.map { $0 >= tableBegan } ?? false)
            }
        },
    ]

    /// A present SWEpisodes date that is not a date. Until 2024/25 the DfE read these dates
    /// allowing ZZ for unknown parts, as in DATE_PERM.
    private static func socialWorkerDate(_ code: String, _ message: String, _ column: SSDA903Column) -> SSDA903Rule {
        .eachRow(code, message, table: .swEpisodes, columns: [column], years: SSDA903RuleSet.from(.lac2023_24)) {
            episodes, context in
            let cells = episodes[column], dates = episodes.dates(column)
            let unknownPartsAllowed = context.ruleSet <= .lac2024_25
            let datedWithUnknownParts = cells.values.map { FieldDate.isDate(allowingUnknownParts: $0) }
            return { row in
                guard dates[row].isMalformed else { return false }
                return !(unknownPartsAllowed && datedWithUnknownParts[Int(cells.ids[row])])
            }
        }
    }
}
