import Fluent
import SQLKit

/// Keeps the history of each team's funded posts (`FundedPostsChange`), so the vacancies of past
/// months use the establishment of the time. Each existing team gets one undated row, its
/// present value, from its creation (which was not recorded).
struct AddFundedPostsHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundedPostsChange.schema)
            .id()
            .field("team_id", .uuid, .required, .references(Team.schema, .id))
            .field("from_date", .string)
            .field("funded_fte", .double, .required)
            .create()
        try await Indexes.create(on: database, [("team_funded_posts_team", FundedPostsChange.schema, ["team_id", "from_date"])])
        for team in try await Team.query(on: database).all() {
            try await FundedPostsChange(teamID: team.requireID(), from: nil, fundedFTE: team.fundedFTE).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundedPostsChange.schema).delete()
    }
}
