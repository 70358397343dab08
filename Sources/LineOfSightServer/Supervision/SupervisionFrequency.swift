import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Each worker's supervision against the council's standard, derived by the core
/// (`deriveSupervision`: every N weeks; newly qualified weekly, then fortnightly, then monthly)
/// from their start date and the individual sessions recorded for them. Nothing here computes a
/// date: the core's obligations say when the next session is due and whether it is late.
struct SupervisionFrequency: Sendable {
    let staffID: UUID
    let name: String
    let newlyQualified: Bool
    /// Nil when their start date is not recorded: the standard cannot be followed from an unknown start.
    let obligations: [Obligation]?
    let lastSession: CivilDate?

    /// The session due next: the first the core has not seen met.
    var next: Obligation? { obligations?.first { $0.metBy == nil && $0.notApplicable == nil } }

    func status(asOf today: CivilDate, dueSoonDays: Int) -> ObligationStatus? {
        next?.status(asOf: today, dueSoonDays: dueSoonDays)
    }

    /// The workers given, each with their supervision: their individual sessions read in one query.
    static func of(_ staff: [StaffMember], setup: StandardsFile, on db: any SQLDatabase) async throws -> [SupervisionFrequency] {
        let ids = staff.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns("id", "supervisee_id", "date").from(SupervisionSession.schema)
            .where("supervisee_id", .in, SQLBind.group(ids))
            .where("kind", .in, SQLBind.group(SupervisionKind.allCases.filter(\.meetsStandard).map(\.rawValue)))
            .orderBy("date")
            .all { (supervisee: try $0.uuid("supervisee_id"), session: try $0.uuid("id"), date: try $0.date(ifAny: "date")) }
        let sessions = Dictionary(grouping: rows, by: \.supervisee)
        return staff.compactMap { member in
            guard let id = member.id else { return nil }
            let dated = (sessions[id] ?? []).compactMap { row in row.date.map { DatedRecord(id: row.session.text, date: $0) } }
            let obligations = member.startDate.map { start in
                deriveSupervision(StaffSupervision(staffID: id.text, teamID: member.$team.id?.text,
                                                   managerID: member.$manager.id?.text, start: start, end: member.leavingDate,
                                                   newlyQualified: member.newlyQualified, sessions: dated),
                                  standards: setup.standards, calendar: setup.calendar)
            }
            return SupervisionFrequency(staffID: id, name: member.fullName, newlyQualified: member.newlyQualified,
                                        obligations: obligations, lastSession: dated.last?.date)
        }
    }

    /// The standard that applies to them, in words, from the council's values.
    func standard(_ standards: LocalStandards) -> String {
        func value(_ key: String) -> String { standards.values[key]?.description ?? "" }
        if newlyQualified {
            return "Weekly for their first \(value("supervision.asye_weekly_weeks")) weeks, then fortnightly until "
                + "\(value("supervision.asye_fortnightly_months")) months in post, then monthly"
        }
        return "At least every \(value("supervision.interval_weeks")) weeks"
    }
}
