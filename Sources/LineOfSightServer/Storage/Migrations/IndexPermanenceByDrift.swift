import Fluent
import SQLKit

/// The permanence tracker lists children looked after by risk of drift (`CareQueries`: the most
/// overdue milestone first, those with none last, then the longest without progress). Sorting all
/// of the 15,000-child demo's 4,000 for each page of 50 cost 10–15 ms; read from an index in that
/// order, the database stops after the page (under 1 ms), sorting only children tied on both days
/// by name. The terms are the tracker's `ORDER BY` terms as written: both databases use an index
/// on expressions only for the same expressions. (Written with SQLKit's builder directly: `Indexes`
/// takes column names, not expressions.)
struct IndexPermanenceByDrift: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let due = SQLColumn("next_milestone_due"), progress = SQLColumn("last_progress")
        try await database.sql.create(index: "permanence_summaries_drift").on(DerivedRows.permanence)
            .column(SQLGroupExpression(SQLBinaryExpression(due, .is, SQLLiteral.null))).column(due)
            .column(SQLGroupExpression(SQLBinaryExpression(progress, .isNot, SQLLiteral.null))).column(progress)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "permanence_summaries_drift").run()
    }
}
