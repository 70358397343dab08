import Foundation
import LineOfSightCore

extension SSDA903JourneyImport {
    /// The fields of each kind of record that the return holds. The others (carers, plans,
    /// notes, the child's views) are what people add to an imported record, and an import of
    /// the same or a later return keeps them.
    static let heldFields: [JourneyList: [String]] = [
        .periodsOfCare: ["start", "legalStatus", "categoryOfNeed", "placementType", "provider", "urn", "postcode", "homePostcode",
                         "end", "endReason", "firstEpisodeReason"],
        .placements: ["start", "reasonForChange", "placementType", "provider", "urn", "postcode", "homePostcode"],
        .legalStatuses: ["date", "legalStatus"],
        .lacReviews: ["date", "participation"],
        .missingEpisodes: ["kind", "start", "end"],
        .healthAssessments: ["kind", "date", "immunisationsUpToDate", "dentalCheck", "sdqScore", "sdqReason", "developmentChecksUpToDate",
                             "substanceMisuse", "interventionReceived", "interventionOffered"],
        .careLeaverContacts: ["date", "inTouch", "accommodation", "accommodationSuitable", "activity"],
        .adoptions: ["agencyDecision", "decisionReversed", "reversedReason"],
        .parenthood: ["date"],
        .convictions: ["date"],
        .previousPermanence: ["date", "option", "authority", "orderYear", "orderMonth", "orderDay"],
        .uasc: ["date", "ceased"],
        .deprivationsOfLiberty: ["start", "end"],
    ]

    /// The fields of a record that the return holds only when it gives them: AD1's, which only
    /// a child adopted in the year has a row of. A return without one keeps what people recorded.
    static let heldFieldsWhenGiven: [JourneyList: [String]] = [
        // The order's date comes from the period of care's end, which only a return that ends it gives.
        .adoptions: SSDA903Adoption.ad1Fields + ["adoptionOrder"],
    ]

    /// `stored` with what `imported` (of the same kind) says in the fields the return holds.
    public static func merged(_ imported: any JourneyRecord, onto stored: any JourneyRecord) -> any JourneyRecord {
        let list = type(of: imported).list
        guard type(of: stored).list == list, let keys = heldFields[list],
              var fields = (try? JSONSerialization.jsonObject(with: stored.encoded())) as? [String: Any],
              let given = (try? JSONSerialization.jsonObject(with: imported.encoded())) as? [String: Any] else { return imported }
        for key in keys { fields[key] = given[key] }
        for key in heldFieldsWhenGiven[list] ?? [] {
            if let value = given[key] { fields[key] = value }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: fields), let record = try? list.decode(data) else { return imported }
        return record
    }
}
