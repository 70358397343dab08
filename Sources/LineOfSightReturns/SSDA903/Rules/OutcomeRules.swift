extension SSDA903Rules {
    /// OC2 (outcomes for children looked after a year) and OC3 (care leavers): each value valid on its own.
    static let outcomes: [SSDA903Rule] = [
        .eachRow("180", "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
                 table: .oc2, columns: [.sdqScore]) { oc2, _ in
            // A number from 0 to 40, read as the DfE tool reads it (pandas to_numeric: "7.0" is 7).
            let score = oc2[.sdqScore]
            let invalid = score.values.map { text in
                guard let number = Double(text), number.rounded() == number else { return true }
                return !(0...40).contains(number)
            }
            return { row in !score.isBlank(row) && invalid[Int(score.ids[row])] }
        },
        .eachRow("181", "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
                 table: .oc2, columns: outcomeFlags) { oc2, _ in
            let flags = outcomeFlags.map { column in (cells: oc2[column], valid: oc2[column].matching(OtherTableCodes.flags)) }
            return { row in flags.contains { !$0.cells.isBlank(row) && !$0.valid[row] } }
        },
        .eachRow("188", "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ",
                 table: .oc2, columns: [.sdqScore, .sdqReason]) { oc2, context in
            let born = oc2.dates(.dob), score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let end = context.collectionEnd
            return { row in
                (born[row].date.map { $0.adding(years: 4) > end } ?? false) && (!score.isBlank(row) || !reason.isBlank(row))
            }
        },
        .eachRow("189", "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
                 table: .oc2, columns: [.dob, .sdqScore, .sdqReason]) { oc2, context in
            let born = oc2.dates(.dob), score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let start = context.collectionStart
            return { row in
                (born[row].date.map { $0.adding(years: 17) < start } ?? false) && (!score.isBlank(row) || !reason.isBlank(row))
            }
        },
        .eachRow("542", "A child aged under 10 at 31 March should not have conviction information completed.",
                 table: .oc2, columns: [.convicted]) { oc2, context in
            let born = oc2.dates(.dob), convicted = oc2[.convicted]
            let end = context.collectionEnd
            return { row in (born[row].date.map { $0.adding(years: 10) > end } ?? false) && !convicted.isBlank(row) }
        },
        .codeList("196", "Strengths and Difficulties (SDQ) reason is not a valid code.",
                  table: .oc2, column: .sdqReason, blank: .allowed) { _ in OtherTableCodes.sdqReasons },
        .eachRow("197a", "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
                 table: .oc2, columns: [.sdqScore, .sdqReason]) { oc2, _ in
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            return { row in !score.isBlank(row) && !reason.isBlank(row) }
        },
        .eachRow("158", "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
                 table: .oc2, columns: [.interventionReceived, .interventionOffered]) { oc2, _ in
            let received = oc2[.interventionReceived].matching("1"), offered = oc2[.interventionOffered]
            return { row in received[row] && !offered.isBlank(row) }
        },
        .eachRow("159", "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
                 table: .oc2, columns: [.substanceMisuse, .interventionReceived, .interventionOffered]) { oc2, _ in
            let misuse = oc2[.substanceMisuse].matching("1"), notReceived = oc2[.interventionReceived].matching("0")
            let offered = oc2[.interventionOffered]
            return { row in misuse[row] && notReceived[row] && offered.isBlank(row) }
        },
        .eachRow("192", "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
                 table: .oc2, columns: [.substanceMisuse, .interventionReceived]) { oc2, _ in
            let misuse = oc2[.substanceMisuse].matching("1"), received = oc2[.interventionReceived]
            return { row in misuse[row] && received.isBlank(row) }
        },
        .eachRow("193", "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
                 table: .oc2, columns: [.substanceMisuse, .interventionReceived, .interventionOffered]) { oc2, _ in
            let misuse = oc2[.substanceMisuse], none = misuse.matching("0")
            let received = oc2[.interventionReceived], offered = oc2[.interventionOffered]
            return { row in (misuse.isBlank(row) || none[row]) && (!received.isBlank(row) || !offered.isBlank(row)) }
        },
        .codeList("131", "Data entry for being in touch after leaving care is invalid.",
                  table: .oc3, column: .inTouch, blank: .flagged) { _ in OtherTableCodes.inTouch },
        .codeList("132", "Data entry for activity after leaving care is invalid.",
                  table: .oc3, column: .activ, blank: .flagged) { _ in OtherTableCodes.activities },
        .eachRow("153", "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
                 table: .oc3, columns: [.inTouch, .activ, .accom]) { oc3, _ in
            let items = [oc3[.inTouch], oc3[.activ], oc3[.accom]]
            return { row in
                let given = items.filter { !$0.isBlank(row) }.count
                return given != 0 && given != items.count
            }
        },
        .eachRow("344", "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
                 table: .oc3, columns: [.inTouch, .activ, .accom]) { oc3, _ in
            let gone = oc3[.inTouch].matching(["DIED", "RHOM"])
            let noActivity = oc3[.activ].matching("0"), noAccommodation = oc3[.accom].matching("0")
            return { row in gone[row] && (!noActivity[row] || !noAccommodation[row]) }
        },
        .eachRow("345", "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
                 table: .oc3, columns: [.inTouch, .activ, .accom]) { oc3, _ in
            let inTouch = oc3[.inTouch].matching("YES")
            let noActivity = oc3[.activ].matching("0"), noAccommodation = oc3[.accom].matching("0")
            return { row in inTouch[row] && (noActivity[row] || noAccommodation[row]) }
        },
        .codeList("133", "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
                  table: .oc3, column: .accom, blank: .flagged) { _ in OtherTableCodes.accommodation },
    ]

    /// The OC2 items answered 0 or 1 (rule 181).
    static let outcomeFlags: [SSDA903Column] = [
        .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment, .substanceMisuse,
        .interventionReceived, .interventionOffered,
    ]
}
