extension SSDA903Rules {
    /// AD1 and PlacedAdoption: the adopters' number, sexes and legal status agree, and the
    /// decisions come in order.
    static let adopters: [SSDA903Rule] = [
        .eachRow("511", "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
                 table: .ad1, columns: [.nbAdoptr, .sexAdoptr]) { ad1, _ in
            let couple = ad1[.nbAdoptr].matching("2"), single = ad1[.sexAdoptr].matching(["M1", "F1"])
            return { row in couple[row] && single[row] }
        },
        adoptersSexes("514", "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
                      legalStatus: "L0", sexes: ["M1", "F1"]),
        adoptersSexes("517", "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
                      legalStatus: "L3", sexes: ["MF"]),
        adoptersSexes("518", "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
                      legalStatus: "L4", sexes: ["MM", "FF"]),
        adoptersSexes("519", "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
                      legalStatus: "L2", sexes: ["MM", "FF", "MF"]),
        adoptersSexes("520", "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
                      legalStatus: "L11", sexes: ["MF"]),
        adoptersSexes("524", "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females",
                      legalStatus: "L12", sexes: ["MM", "FF"]),
        // A match needs an earlier (or same-day) decision; a missing or malformed decision date counts as none.
        .eachRow("333", "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
                 table: .ad1, columns: [.dateInt]) { ad1, _ in
            let decided = ad1.dates(.dateInt), matched = ad1.dates(.dateMatch)
            return { row in
                guard let match = matched[row].date else { return false }
                return decided[row].date.map { $0 > match } ?? true
            }
        },
        .outOfOrder("522", "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
                    table: .placedAdoption, earlier: .datePlaced, later: .datePlacedCeased, sameDayAtFault: false),
        .eachRow("563", "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
                 table: .placedAdoption, columns: [.datePlaced, .reasonPlacedCeased, .datePlacedCeased]) { placed, _ in
            let decided = placed[.datePlaced], reversed = placed[.datePlacedCeased], reason = placed[.reasonPlacedCeased]
            return { row in !reason.isBlank(row) && !reversed.isBlank(row) && decided.isBlank(row) }
        },
    ]

    /// Adopters of this legal status must be of one of these sexes codes (a blank one is not).
    private static func adoptersSexes(_ code: String, _ message: String, legalStatus: String,
                                      sexes: Set<String>) -> SSDA903Rule {
        .eachRow(code, message, table: .ad1, columns: [.lsAdoptr, .sexAdoptr]) { ad1, _ in
            let status = ad1[.lsAdoptr].matching(legalStatus), allowed = ad1[.sexAdoptr].matching(sexes)
            return { row in status[row] && !allowed[row] }
        }
    }
}
