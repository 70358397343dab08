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
                                       .careLeaverContacts, .adoptions, .parenthood, .convictions, .previousPermanence, .uasc,
                                       .deprivationsOfLiberty]

    /// Each table's CSV text, and how many children the return holds.
    func run(ruleSet: SSDA903RuleSet, destination: String, on db: any Database) async throws -> (tables: [SSDA903Table: String], children: Int) {
        let rows = try await db.sql.select().columns(ChildRow.columns).from(Child.schema)
            .orderBy("la_child_id").all(decoding: ChildRow.self)
        let socialWorkers = try await Self.allocationsToSocialWorkers(on: db.sql)
        var children: [SSDA903JourneyExport.Child] = []
        for batch in rows.chunked(Rederivation.batchSize) {
            let events = try await JourneyRows.eventsByChild(of: batch.map(\.id), lists: Self.lists, on: db.sql)
            for child in batch {
                let recorded = try (events[child.id] ?? []).map { try $0.recorded() }
                let allocated = socialWorkers[child.id] ?? []
                guard !recorded.isEmpty || !allocated.isEmpty else { continue }
                children.append(SSDA903JourneyExport.Child(laChildID: child.la_child_id, details: child.details, events: recorded,
                                                           socialWorkers: allocated))
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

    /// Each child's allocations to members of staff with a social worker ID, in date order: of
    /// every child, or of those given.
    static func allocationsToSocialWorkers(of children: [UUID]? = nil, on sql: any SQLDatabase) async throws -> [UUID: [SSDA903SocialWorkerEpisode]] {
        // PostgreSQL refuses an empty IN list.
        if children?.isEmpty == true { return [:] }
        let query = sql.select()
            .column(SQLColumn("child_id", table: "a")).column(SQLColumn("start_date", table: "a")).column(SQLColumn("end_date", table: "a"))
            .column(SQLColumn("sw_id", table: "s"))
            .from(SQLAlias(SQLIdentifier(StoredAllocation.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(StaffMember.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("worker_id", table: "a"))
            .where(SQLColumn("sw_id", table: "s"), .isNot, SQLLiteral.null)
        if let children { query.where(SQLColumn("child_id", table: "a"), .in, SQLBind.group(children)) }
        let rows = try await query.orderBy(SQLColumn("start_date", table: "a")).all(decoding: AllocationRow.self)
        return Dictionary(grouping: rows, by: \.child_id).mapValues { rows in
            rows.compactMap { row in
                CivilDate(iso: row.start_date).map { SSDA903SocialWorkerEpisode(socialWorkerID: row.sw_id, start: $0, end: row.end_date.flatMap(CivilDate.init(iso:))) }
            }
        }
    }

    private struct AllocationRow: Decodable {
        let child_id: UUID
        let start_date: String
        let end_date: String?
        let sw_id: String
    }

    /// A child's details as the return's Header reads them.
    struct ChildRow: Decodable {
        static let columns = ["id", "la_child_id", "sex", "date_of_birth", "ethnicity", "upn"]
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
