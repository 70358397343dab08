import Fluent
import SQLKit

/// On PostgreSQL, children by date of birth: the children in care list filtered by age band then
/// reads the children born in the band from this index instead of every child's row. At 15,000
/// children, filtered by a legal status and an age band, its count went from 4.8 to 1.9 ms and its
/// page from 6.3 to 4.5 ms.
///
/// Not on SQLite: without statistics its planner walks this index for any range of dates of birth,
/// and the care leavers list (born since 25 years ago, almost every child) then cost 28 ms of the
/// server's time a request instead of 16.
struct IndexChildrenByDateOfBirth: AsyncMigration {
    private static let name = "children_date_of_birth"

    func prepare(on database: any Database) async throws {
        guard database.sql.dialect.name == "postgresql" else { return }
        try await Indexes.create(on: database, [(Self.name, Child.schema, ["date_of_birth", "id"])])
    }

    func revert(on database: any Database) async throws {
        guard database.sql.dialect.name == "postgresql" else { return }
        try await database.sql.drop(index: Self.name).run()
    }
}
