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
        reviewAge("440", "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
                  codes: ["PN0"]) { review, fourthBirthday in review > fourthBirthday },
        reviewAge("441", "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
                  codes: ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]) { review, fourthBirthday in review < fourthBirthday },
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

    /// A participation code that says the child was under 4 (PN0) or not, against the child's
    /// age on the review date; `atFault` compares the review date with the 4th birthday.
    private static func reviewAge(_ code: String, _ message: String, codes: Set<String>,
                                  atFault: @escaping @Sendable (CivilDate, CivilDate) -> Bool) -> SSDA903Rule {
        .eachRow(code, message, table: .reviews, columns: [.dob, .review, .reviewCode]) { reviews, _ in
            let participation = reviews[.reviewCode].matching(codes)
            let born = reviews.dates(.dob), reviewed = reviews.dates(.review)
            return { row in
                guard participation[row], let birth = born[row].date, let review = reviewed[row].date else { return false }
                return atFault(review, birth.adding(years: 4))
            }
        }
    }
}
