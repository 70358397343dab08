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
        .codeList("196", "Strengths and Difficulties (SDQ) reason is not a valid code.",
                  table: .oc2, column: .sdqReason, blank: .allowed) { _ in OtherTableCodes.sdqReasons },
        .codeList("131", "Data entry for being in touch after leaving care is invalid.",
                  table: .oc3, column: .inTouch, blank: .flagged) { _ in OtherTableCodes.inTouch },
        .codeList("132", "Data entry for activity after leaving care is invalid.",
                  table: .oc3, column: .activ, blank: .flagged) { _ in OtherTableCodes.activities },
        .codeList("133", "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
                  table: .oc3, column: .accom, blank: .flagged) { _ in OtherTableCodes.accommodation },
    ]
}
