import Fluent
import SQLKit

/// A team manager's My work reads their team's staff (for its counts by worker) and the people
/// they supervise: without these, each read the whole staff table (1,300 at 15,000 children), a
/// quarter of a millisecond of PostgreSQL's CPU each on every request.
struct IndexStaffByTeamAndManager: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await Indexes.create(on: database, [
            ("staff_team", StaffMember.schema, ["team_id"]),
            ("staff_manager", StaffMember.schema, ["manager_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        for index in ["staff_team", "staff_manager"] { try await database.sql.drop(index: index).run() }
    }
}
