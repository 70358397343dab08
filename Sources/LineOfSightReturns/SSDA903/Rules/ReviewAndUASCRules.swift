import LineOfSightCore

extension SSDA903Rules {
    /// Reviews and UASC: each value valid on its own.
    static let reviewsAndUASC: [SSDA903Rule] = [
        .validDate("166", "Date of review is invalid or blank.", table: .reviews, column: .review, blank: .flagged),
        // A review needs a valid participation code; a row with neither date nor code is let be.
        .eachRow("167", "Data entry for participation is invalid or blank.",
                 table: .reviews, columns: [.reviewCode]) { reviews, _ in
            let review = reviews[.review], code = reviews[.reviewCode]
            let valid = code.matching(OtherTableCodes.reviewParticipation)
            return { row in review.isBlank(row) ? !code.isBlank(row) : !valid[row] }
        },
        .eachRow("104", "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
                 table: .uasc, columns: [.duc]) { uasc, context in
            let ceased = uasc.dates(.duc)
            let start = context.collectionStart
            return { row in
                switch ceased[row] {
                case .malformed: true
                case .valid(let date): date < start
                case .missing: false
                }
            }
        },
        .eachRow("304", "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
                 table: .uasc, columns: [.duc]) { uasc, _ in
            let born = uasc.dates(.dob), ceased = uasc.dates(.duc)
            return { row in
                guard let birth = born[row].date, let end = ceased[row].date else { return false }
                return end > birth.adding(years: 18)
            }
        },
    ]
}
