extension SSDA903Rules {
    /// AD1 and PlacedAdoption: each value valid on its own, and ceased decisions complete.
    static let adoption: [SSDA903Rule] = [
        .validDate("112", "Date should be placed for adoption is not a valid date.", table: .ad1, column: .dateInt, blank: .allowed),
        .validDate("113", "Date matching child and adopter(s) is not a valid date.", table: .ad1, column: .dateMatch, blank: .allowed),
        .codeList("114", "Data entry to record the status of former carer(s) of an adopted child is invalid.",
                  table: .ad1, column: .fosterCare, blank: .allowed) { _ in OtherTableCodes.flags },
        .codeList("175", "The number of adopter(s) code is not a valid code.",
                  table: .ad1, column: .nbAdoptr, blank: .allowed) { _ in OtherTableCodes.numbersOfAdopters },
        .codeList("176", "The gender of adopter(s) at the date of adoption code is not a valid code.",
                  table: .ad1, column: .sexAdoptr, blank: .allowed) { _ in OtherTableCodes.adoptersSexes },
        .codeList("177", "The legal status of adopter(s) code is not a valid code.",
                  table: .ad1, column: .lsAdoptr, blank: .allowed) { _ in OtherTableCodes.adoptersLegalStatuses },
        .validDate("115", "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
                   table: .placedAdoption, column: .datePlaced, blank: .allowed),
        .validDate("116", "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.",
                   table: .placedAdoption, column: .datePlacedCeased, blank: .allowed),
        .eachRow("119", "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
                 table: .placedAdoption, columns: [.reasonPlacedCeased, .datePlacedCeased]) { placed, _ in
            let ceased = placed[.datePlacedCeased], reason = placed[.reasonPlacedCeased]
            return { row in ceased.isBlank(row) != reason.isBlank(row) }
        },
        .codeList("120", "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
                  table: .placedAdoption, column: .reasonPlacedCeased, blank: .allowed) { _ in OtherTableCodes.reasonsPlacedCeased },
    ]
}
