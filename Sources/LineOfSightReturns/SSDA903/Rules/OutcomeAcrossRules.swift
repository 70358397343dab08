import LineOfSightCore

extension SSDA903Rules {
    /// OC2 against whether the child was looked after continuously for the year (from Episodes),
    /// the child's age, and OC3.
    static let outcomesAcross: [SSDA903Rule] = [
        oc2("157", "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
            columns: [.sdqReason, .dob]) { oc2, context, continuous in
            let born = oc2.dates(.dob), score = oc2[.sdqScore], sdq1 = oc2[.sdqReason].matching("SDQ1")
            let start = context.collectionStart, end = context.collectionEnd
            return { row in
                guard continuous(row), let birth = born[row].date else { return false }
                return birth.adding(years: 4) <= start && birth.adding(years: 16) >= end && score.isBlank(row) && sdq1[row]
            }
        },
        oc2("185", "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
            columns: [.sdqScore]) { oc2, _, continuous in
            let score = oc2[.sdqScore]
            return { row in !score.isBlank(row) && !continuous(row) }
        },
        oc2("198", "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.",
            columns: [.sdqReason]) { oc2, _, continuous in
            let reason = oc2[.sdqReason]
            return { row in !reason.isBlank(row) && !continuous(row) }
        },
        oc2("186", "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
            columns: [.sdqScore]) { oc2, context, continuous in
            let born = oc2.dates(.dob), score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let start = context.collectionStart, end = context.collectionEnd
            return { row in
                guard continuous(row), let birth = born[row].date else { return false }
                return birth.adding(years: 4) <= start && birth.adding(years: 17) > end && score.isBlank(row) && reason.isBlank(row)
            }
        },
        oc2("197B", "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
            columns: [.sdqReason, .dob]) { oc2, context, continuous in
            let born = oc2.dates(.dob), score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let year = context.collectionStart ... context.collectionEnd
            return { row in
                guard continuous(row), let birth = born[row].date else { return false }
                let turns = year.contains(birth.adding(years: 4)) || year.contains(birth.adding(years: 17))
                return turns && score.isBlank(row) && reason.isBlank(row)
            }
        },
        oc2("190", "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
            columns: outcomeFlags) { oc2, _, continuous in
            let items = outcomeFlags.map { oc2[$0] }
            return { row in !continuous(row) && items.contains { !$0.isBlank(row) } }
        },
        oc2("543", "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
            columns: [.dob, .convicted]) { oc2, context, continuous in
            let born = oc2.dates(.dob), convicted = oc2[.convicted], end = context.collectionEnd
            return { row in
                continuous(row) && convicted.isBlank(row) && (born[row].date.map { end > $0.adding(years: 10) } ?? false)
            }
        },
        oc2("545", "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
            columns: [.dob, .healthCheck]) { oc2, context, continuous in
            let born = oc2.dates(.dob), check = oc2[.healthCheck], end = context.collectionEnd
            return { row in
                continuous(row) && check.isBlank(row) && (born[row].date.map { end < $0.adding(years: 5) } ?? false)
            }
        },
        oc2("546", "Children aged 5 or over at 31 March should not have health promotion information completed.",
            columns: [.dob, .healthCheck]) { oc2, context, continuous in
            let born = oc2.dates(.dob), check = oc2[.healthCheck], end = context.collectionEnd
            return { row in
                continuous(row) && !check.isBlank(row) && (born[row].date.map { end >= $0.adding(years: 5) } ?? false)
            }
        },
        // The OC2 rows of children looked after for the year with a health item blank, and the
        // first episode of such a child with no OC2 row.
        SSDA903Rule("191", "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
                    flags: [.oc2: healthItems + [.child], .episodes: [.child]], needs: [.oc2, .episodes]) { context, flags in
            let oc2 = context[.oc2], episodes = context[.episodes], continuous = context.continuouslyLookedAfter()
            let items = healthItems.map { oc2[$0] }, children = oc2.children
            for row in oc2.rows where children[row].map(continuous.contains) ?? false && items.contains(where: { $0.isBlank(row) }) {
                flags.flag(row, in: .oc2)
            }
            let began = episodes.dates(.decom), oc2Rows = ChildJoin(from: episodes, to: oc2)
            for rows in context.episodeHistory.children {
                guard let first = rows.first, began[first].date != nil,
                      episodes.children[first].map(continuous.contains) ?? false, oc2Rows[first].isEmpty else { continue }
                flags.flag(first, in: .episodes)
            }
        },
        .eachRow("182", "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
                 table: .oc2, columns: healthItems + [.convicted, .healthCheck, .interventionReceived, .interventionOffered]) { oc2, _ in
            let items = healthItems.map { oc2[$0] }
            let others = [oc2[.convicted], oc2[.healthCheck], oc2[.interventionReceived], oc2[.interventionOffered]]
            return { row in items.contains { $0.isBlank(row) } && others.contains { !$0.isBlank(row) } }
        },
        .eachRow("544", "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
                 table: .oc2, columns: [.convicted] + healthItems) { oc2, _ in
            let convicted = oc2[.convicted].matching("1"), items = healthItems.map { oc2[$0] }
            return { row in convicted[row] && items.contains { $0.isBlank(row) } }
        },
        .eachRow("547", "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
                 table: .oc2, columns: [.healthCheck] + healthItems) { oc2, _ in
            let checked = oc2[.healthCheck].matching("1"), items = healthItems.map { oc2[$0] }
            return { row in checked[row] && items.contains { $0.isBlank(row) } }
        },
        SSDA903Rule("215", "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
                    flags: [.oc3: [.inTouch, .activ, .accom], .oc2: outcomeFlags], needs: [.oc3, .oc2]) { context, flags in
            let oc3 = context[.oc3], oc2 = context[.oc2]
            let leaver = [oc3[.inTouch], oc3[.activ], oc3[.accom]], items = outcomeFlags.map { oc2[$0] }
            let oc2Rows = ChildJoin(from: oc3, to: oc2)
            for row in oc3.rows where leaver.contains(where: { !$0.isBlank(row) }) {
                for oc2Row in oc2Rows[row] where items.contains(where: { !$0.isBlank(oc2Row) }) {
                    flags.flag(row, in: .oc3)
                    flags.flag(oc2Row, in: .oc2)
                }
            }
        },
    ]

    /// Immunisations, teeth check, health assessment and substance misuse.
    static let healthItems: [SSDA903Column] = [.immunisations, .teethCheck, .healthAssessment, .substanceMisuse]

    /// An OC2 rule that needs Episodes to know whether the row's child was looked after
    /// continuously for the year; `prepare` gets that as a test of a row.
    private static func oc2(
        _ code: String, _ message: String, columns: [SSDA903Column],
        prepare: @escaping @Sendable (SSDA903TableData, SSDA903Context, @escaping (Int) -> Bool) -> (Int) -> Bool
    ) -> SSDA903Rule {
        SSDA903Rule(code, message, flags: [.oc2: columns], needs: [.oc2, .episodes]) { context, flags in
            let oc2 = context[.oc2], continuous = context.continuouslyLookedAfter(), children = oc2.children
            let byValue = children.values.map { continuous.contains($0) }
            let atFault = prepare(oc2, context) { row in !children.isBlank(row) && byValue[Int(children.ids[row])] }
            for row in oc2.rows where atFault(row) { flags.flag(row, in: .oc2) }
        }
    }
}
