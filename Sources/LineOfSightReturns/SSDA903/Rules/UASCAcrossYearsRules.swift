import LineOfSightCore

extension SSDA903Rules {
    /// UASC status and the date it ceased (DUC), this year's against last year's (`--prev`). A
    /// child's status is Header's UASC (`SSDA903Context.uascStatus`: given in the XML form; for
    /// CSV files 1 when the child is in that year's UASC table); without last year's Header, a
    /// row of last year's UASC table holding a SEX or DUC counts as status 1, as the DfE tool
    /// derives it. Each UASC row of this year is paired with every Header row of its child and
    /// every UASC row of last year (as the DfE tool's joins pair them); a pair at fault flags
    /// the UASC row and the Header row.
    static let uascAcrossYears: [SSDA903Rule] = [
        // Status 1 last year, not this year; DUC given this year, or last year's DUC not a date
        // of last year.
        uascAcrossYears("205A", "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
                        columns: [.child], header: [.uasc]) { context in
            let startLast = context.collectionStart.adding(years: -1), endLast = context.collectionEnd.adding(years: -1)
            return { now, last in
                guard now.status != "1", last?.status == "1" else { return false }
                let ceasedLast = last?.ceased.date
                return now.ceasedGiven || !(ceasedLast.map { startLast <= $0 && $0 <= endLast } ?? false)
            }
        },
        // Status 1 both years; last year's DUC not the 18th birthday, or this year's DUC neither
        // in the year nor last year's.
        uascAcrossYears("205B", "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
                        columns: [.duc], header: [.uasc]) { context in
            let start = context.collectionStart, end = context.collectionEnd
            return { now, last in
                guard now.status == "1", let last, last.status == "1" else { return false }
                let inYear = now.ceased.date.map { start <= $0 && $0 <= end } ?? false
                let sameAsLast = now.ceased.date != nil && now.ceased.date == last.ceased.date
                let atEighteen = last.ceased.date != nil && last.ceased.date == last.born.date?.adding(years: 18)
                return (!inYear && !sameAsLast) || !atEighteen
            }
        },
        // Neither year's status is 1 (0 or none), but a DUC is a date in either year.
        uascAcrossYears("205C", "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
                        columns: [.duc], header: [.uasc]) { _ in
            { now, last in
                let neverNow = now.status == nil || now.status == "0", neverLast = last?.status == nil || last?.status == "0"
                return neverNow && neverLast && (now.ceased.date != nil || last?.ceased.date != nil)
            }
        },
        // Status 1 this year where a row of last year (Header, or UASC without one) says otherwise.
        SSDA903Rule("205D", "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
                    flags: [.header: [.uasc, .child]], needs: [.header, .uasc], previous: [.uasc]) { context, flags in
            let header = context[.header], status = context.uascStatus()
            let last = LastYearsUASCStatus(context)
            for row in header.rows where status[row] == "1" {
                if last.statuses(of: header.children[row]).contains(where: { $0 != "1" }) { flags.flag(row, in: .header) }
            }
        },
    ]

    /// One UASC row of this year and its child's status (nil without a Header row).
    struct UASCThisYear {
        let status: String?
        let ceased: FieldDate
        /// DUC as written is not blank (205A reads it unparsed).
        let ceasedGiven: Bool
    }

    /// One UASC row of last year, with a status of its child then.
    struct UASCLastYear {
        let status: String?
        let ceased: FieldDate
        let born: FieldDate
    }

    private static func uascAcrossYears(
        _ code: String, _ message: String, columns: [SSDA903Column], header: [SSDA903Column],
        prepare: @escaping @Sendable (SSDA903Context) -> (UASCThisYear, UASCLastYear?) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.uasc: columns, .header: header], needs: [.uasc, .header], previous: [.uasc]) {
            context, flags in
            let uasc = context[.uasc], header = context[.header], uascLast = context.previous(.uasc)
            let atFault = prepare(context), status = context.uascStatus()
            let headerRows = ChildJoin(from: uasc, to: header), lastRows = ChildJoin(from: uasc, to: uascLast)
            let ceased = uasc.dates(.duc), ceasedText = uasc[.duc]
            let ceasedLast = uascLast.dates(.duc), bornLast = uascLast.dates(.dob)
            let lastStatus = LastYearsUASCStatus(context)
            for row in uasc.rows {
                let headers: [Int?] = headerRows[row].isEmpty ? [nil] : headerRows[row].map { $0 }
                var lasts: [UASCLastYear?] = []
                for other in lastRows[row] {
                    let given = lastStatus.statuses(of: uasc.children[row])
                    for given in given.isEmpty ? [nil] : given {
                        lasts.append(UASCLastYear(status: given, ceased: ceasedLast[other], born: bornLast[other]))
                    }
                }
                if lasts.isEmpty { lasts = [nil] }
                for headerRow in headers {
                    let now = UASCThisYear(status: headerRow.flatMap { status[$0] }, ceased: ceased[row],
                                           ceasedGiven: !ceasedText.isBlank(row))
                    guard lasts.contains(where: { atFault(now, $0) }) else { continue }
                    flags.flag(row, in: .uasc)
                    if let headerRow { flags.flag(headerRow, in: .header) }
                }
            }
        }
    }
}

/// Last year's UASC status of each child: from last year's Header (given in the XML form; for
/// CSV files 1 when the child is in last year's UASC table), or, without last year's Header,
/// one status per row of last year's UASC table (1 when it holds a SEX or DUC), as the DfE tool
/// gives `Header_last` a UASC column. A child may have several (several rows).
struct LastYearsUASCStatus {
    /// Last year's Header and each row's status, or last year's UASC table and each row's; nil
    /// without either. A child's rows are found when asked for (a few children are), not put
    /// in a dictionary of every child of last year.
    private let rows: (table: SSDA903TableData, status: SSDA903Cells)?

    init(_ context: SSDA903Context) {
        if let header = context.previous?[.header],
           let status = SSDA903Context.uascStatus(header, context.previous?[.uasc]) {
            rows = (header, status)
        } else if let uasc = context.previous?[.uasc] {
            let sex = uasc[.sex], ceased = uasc[.duc]
            rows = (uasc, SSDA903Cells(ids: uasc.rows.map { sex.isBlank($0) && ceased.isBlank($0) ? 1 : 2 }, values: ["", "0", "1"]))
        } else {
            rows = nil
        }
    }

    /// The child's statuses of last year, in file order (none when the child has no row; the
    /// blank CHILD is the child "").
    func statuses(of child: String?) -> [String?] {
        guard let rows, let number = rows.table.childNumber(of: child ?? "") else { return [] }
        return rows.table.childGroups[number].map { rows.status[$0] }
    }
}
