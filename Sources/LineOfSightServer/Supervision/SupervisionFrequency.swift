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

    /// The sessions that meet the standard, by supervisee: each session's id and date, earliest first.
    typealias Sessions = [UUID: [DatedRecord]]

    /// The kinds of session that meet the standard.
    private static let standardKinds = SupervisionKind.allCases.filter(\.meetsStandard).map(\.rawValue)

    /// The workers given, each with their supervision: their individual sessions read in one query.
    static func of(_ members: [StaffMember], setup: StandardsFile, on db: any SQLDatabase) async throws -> [SupervisionFrequency] {
        let staff = members.compactMap(StaffMember.Record.init)
        let ids = staff.map(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns("id", "supervisee_id", "date").from(SupervisionSession.schema)
            .where("supervisee_id", .in, SQLBind.group(ids))
            .where("kind", .in, SQLBind.group(standardKinds))
            .orderBy("date")
            .all { (supervisee: try $0.uuid("supervisee_id"), session: try $0.uuid(ifAny: "id"), date: try $0.date(ifAny: "date")) }
        return of(staff, sessions: grouped(rows), setup: setup)
    }

    /// Sessions read a row each, by supervisee; a row without a session (or its date) adds none.
    private static func grouped(_ rows: [(supervisee: UUID, session: UUID?, date: CivilDate?)]) -> Sessions {
        var sessions: Sessions = [:]
        for row in rows {
            if let session = row.session, let date = row.date { sessions[row.supervisee, default: []].append(DatedRecord(id: session.text, date: date)) }
        }
        return sessions
    }

    /// The workers given, each with their supervision derived from `sessions`.
    static func of(_ staff: [StaffMember.Record], sessions: Sessions, setup: StandardsFile) -> [SupervisionFrequency] {
        staff.map { member in
            let dated = sessions[member.id] ?? []
            let obligations = member.startDate.map { start in
                deriveSupervision(StaffSupervision(staffID: member.id.text, teamID: member.teamID?.text,
                                                   managerID: member.managerID?.text, start: start, end: member.leavingDate,
                                                   newlyQualified: member.newlyQualified, sessions: dated),
                                  standards: setup.standards, calendar: setup.calendar)
            }
            return SupervisionFrequency(staffID: member.id, name: member.fullName, newlyQualified: member.newlyQualified,
                                        obligations: obligations, lastSession: dated.last?.date)
        }
    }

    /// The active staff of these teams and those `supervisor` manages, with the sessions of those
    /// they manage, in one statement: a manager's My work reads both on every view, and a
    /// statement costs a page several times what the database spends running it
    /// (docs/performance.md). A supervisee's row comes once for each of their sessions, in date
    /// order (or once, without one); anyone else's once.
    static func staff(inTeams teams: Set<UUID>, supervisedBy supervisor: UUID?,
                      on db: any SQLDatabase) async throws -> (staff: [StaffMember.Record], sessions: Sessions) {
        guard let supervisor else { return (try await StaffMember.active(inTeams: teams, orManagedBy: nil, on: db, reading: StaffMember.Record.init), [:]) }
        let supervisee = SQLBinaryExpression(SQLColumn("manager_id", table: "st"), .equal, SQLBind(supervisor))
        let theirSessions = SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("supervisee_id", table: "ss"), .equal, SQLColumn("id", table: "st")), .and,
            SQLBinaryExpression(SQLBinaryExpression(SQLColumn("kind", table: "ss"), .in, SQLBind.group(standardKinds)), .and, supervisee))
        let rows = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("st")))
            .column(SQLColumn("id", table: "ss"), as: "session_id").column(SQLColumn("date", table: "ss"), as: "session_date")
            .from(SQLAlias(SQLIdentifier(StaffMember.schema), as: SQLIdentifier("st")))
            .join(SQLAlias(SQLIdentifier(SupervisionSession.schema), as: SQLIdentifier("ss")), method: SQLJoinMethod.left, on: theirSessions)
            .where(SQLColumn("active", table: "st"), .equal, SQLBind(true))
            .where { either in
                if !teams.isEmpty { either.orWhere(SQLColumn("team_id", table: "st"), .in, SQLBind.group(teams.sorted())) }
                return either.orWhere(supervisee)
            }
            .orderBy(SQLColumn("last_name", table: "st")).orderBy(SQLColumn("first_name", table: "st")).orderBy(SQLColumn("id", table: "st"))
            .orderBy(SQLColumn("date", table: "ss"))
            .all { columns in (id: try columns.uuid("id"), columns: columns, session: try columns.uuid(ifAny: "session_id"), date: try columns.date(ifAny: "session_date")) }
        var staff: [StaffMember.Record] = []
        for row in rows where staff.last?.id != row.id { staff.append(try StaffMember.Record(row.columns)) }
        return (staff, grouped(rows.map { ($0.id, $0.session, $0.date) }))
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
