import Fluent
import Foundation
import LineOfSightCore
import LineOfSightReturns
import SQLKit

/// Writes a collection year's SSDA903 return from the recorded journeys (`SSDA903JourneyExport`
/// decides what goes in). Reading every child's record is itself audited: one row naming each
/// child whose rows were written.
struct SSDA903Exporter {
    let now: Date

    /// The lists the return is made from; nothing else is read.
    static let lists: [JourneyList] = [.periodsOfCare, .placements, .legalStatuses, .lacReviews, .healthAssessments, .missingEpisodes,
                                       .careLeaverContacts]

    /// Each table's CSV text, and how many children the return holds.
    func run(ruleSet: SSDA903RuleSet, destination: String, on db: any Database) async throws -> (tables: [SSDA903Table: String], children: Int) {
        let rows = try await db.sql.select().columns("id", "la_child_id", "sex", "date_of_birth", "ethnicity", "upn").from(Child.schema)
            .orderBy("la_child_id").all(decoding: ChildRow.self)
        var children: [SSDA903JourneyExport.Child] = []
        for batch in rows.chunked(Rederivation.batchSize) {
            let events = Dictionary(grouping: try await JourneyRows.events(of: batch.map(\.id), lists: Self.lists, on: db.sql), by: \.child_id)
            let decoder = JSONDecoder()
            for child in batch {
                guard let own = events[child.id] else { continue }
                let recorded = try own.map { RecordedEvent(id: $0.id.uuidString, record: try $0.record(decoder)) }
                children.append(SSDA903JourneyExport.Child(laChildID: child.la_child_id, details: child.details, events: recorded))
            }
        }
        let (tables, ids) = SSDA903JourneyExport.csv(children, ruleSet: ruleSet)
        let written = Set(ids)
        let shown = rows.filter { written.contains($0.la_child_id) }.map(\.id)
        try await Audit.record(.list, entity: "child", entityID: nil, childID: nil, shown: shown,
                               detail: "Exported the SSDA903 return for \(ruleSet.years) to \(destination)",
                               by: Audit.Actor(command: "export.command"), at: now, on: db)
        return (tables, shown.count)
    }

    private struct ChildRow: Decodable {
        let id: UUID
        let la_child_id: String
        let sex: String
        let date_of_birth: String?
        let ethnicity: String
        let upn: String?

        var details: SSDA903JourneyImport.Details {
            SSDA903JourneyImport.Details(sex: sex, dateOfBirth: date_of_birth.flatMap(CivilDate.init(iso:)), ethnicity: ethnicity, upn: upn)
        }
    }
}
