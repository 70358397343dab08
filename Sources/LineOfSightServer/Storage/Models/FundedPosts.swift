import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// A team's funded posts (its establishment, full-time equivalent) from a day on: one row each time
/// the team's details change them, so the vacancies of a past month are counted against the posts
/// funded then. `Team.fundedFTE` stays the value in force now.
final class FundedPostsChange: Model, @unchecked Sendable {
    static let schema = "team_funded_posts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: Team
    /// The first day the value applies; nil for the value a team had before its history was kept
    /// (from its creation, which was not recorded).
    @OptionalField(key: "from_date") var from: CivilDate?
    @Field(key: "funded_fte") var fundedFTE: Double

    init() {}

    init(id: UUID? = UUID(), teamID: UUID, from: CivilDate?, fundedFTE: Double) {
        self.id = id
        $team.id = teamID
        self.from = from
        self.fundedFTE = fundedFTE
    }

    /// Records `team`'s funded posts from `day`: a second change on the same day replaces the first.
    static func record(_ team: Team, from day: CivilDate, on db: any Database) async throws {
        let teamID = try team.requireID()
        try await query(on: db).filter(\.$team.$id == teamID).filter(\.$from == day).delete()
        try await FundedPostsChange(teamID: teamID, from: day, fundedFTE: team.fundedFTE).create(on: db)
    }
}

/// Every team's funded posts over time, to read the value in force on a day.
struct FundedPostsHistory: Sendable {
    struct Entry: Decodable, Sendable {
        let team_id: UUID
        let from_date: String?
        let funded_fte: Double
    }

    private let byTeam: [UUID: [(from: CivilDate?, fte: Double)]]

    init(_ entries: [Entry]) {
        // Oldest first: the undated value (before the history was kept), then by day.
        byTeam = Dictionary(grouping: entries, by: \.team_id).mapValues { rows in
            rows.map { (from: $0.from_date.flatMap(CivilDate.init(iso:)), fte: $0.funded_fte) }
                .sorted { ($0.from?.iso ?? "") < ($1.from?.iso ?? "") }
        }
    }

    static func load(on db: any SQLDatabase) async throws -> FundedPostsHistory {
        FundedPostsHistory(try await db.select().columns("team_id", "from_date", "funded_fte").from(FundedPostsChange.schema)
            .all(decoding: Entry.self))
    }

    /// The team's funded posts in force on `day`: the latest change on or before it; 0 before the
    /// first (the team did not exist yet, or had no posts recorded).
    func fundedFTE(of team: UUID, on day: CivilDate) -> Double {
        byTeam[team]?.last { $0.from.map { $0 <= day } ?? true }?.fte ?? 0
    }
}
