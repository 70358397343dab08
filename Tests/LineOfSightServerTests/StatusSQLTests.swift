import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing

/// The status filter lists will use, run in the real database (SQLite, and PostgreSQL in the second
/// pass), agrees with the core's status for every status, and for open, on generated obligations.
@Suite struct StatusSQLTests {
    @Test func theSQLFilterAndTheCoresStatusAgreeForEveryStatus() async throws {
        try await withTestApp(seedDemo: false) { app, _ in
            let sql = app.db.sql
            try await sql.raw("DROP TABLE IF EXISTS status_probe").run()
            try await sql.raw("CREATE TABLE status_probe (n INTEGER PRIMARY KEY, due TEXT NOT NULL, met TEXT, na_since TEXT)").run()
            let asOf = testToday
            let bounds = StatusBounds(asOf: asOf, dueSoonDays: 14)
            var rows: [(due: CivilDate, met: CivilDate?, na: CivilDate?)] = []
            for journey in SyntheticJourneys.generate(count: 40, seed: 11, today: asOf) {
                for obligation in derive(journey, standards: .defaults, calendar: .englandAndWales).obligations {
                    rows.append((obligation.due, obligation.metBy?.date, obligation.notApplicable?.since))
                }
            }
            // And every edge around the bounds: on, either side of, as-of and the end of due soon.
            let edges = [-1, 0, 1].flatMap { [asOf.adding(days: $0), bounds.dueSoonEnd.adding(days: $0)] }
            for due in edges { for met in [nil] + edges { for na in [nil, asOf, asOf.adding(days: 1)] { rows.append((due, met, na)) } } }
            for (index, row) in rows.enumerated() {
                try await sql.insert(into: "status_probe").columns("n", "due", "met", "na_since")
                    .values(SQLBind(index), SQLBind(row.due.iso), SQLBind(row.met?.iso), SQLBind(row.na?.iso)).run()
            }
            let columns = StatusSQL.Columns(due: SQLColumn("due"), met: SQLColumn("met"), notApplicableSince: SQLColumn("na_since"))
            var seen = 0
            for status in ObligationStatus.allCases {
                let found = try await sql.select().column("n").from("status_probe")
                    .where(StatusSQL.condition(status, bounds: bounds, columns: columns))
                    .all(decodingColumn: "n", as: Int.self)
                let expected = rows.indices.filter { bounds.status(due: rows[$0].due, met: rows[$0].met, notApplicableSince: rows[$0].na) == status }
                #expect(Set(found) == Set(expected), "\(status): SQL found \(found.count), the core says \(expected.count)")
                #expect(!expected.isEmpty, "the probe has obligations of status \(status)")
                seen += found.count
            }
            #expect(seen == rows.count, "every obligation has exactly one status in SQL")
            let open = try await sql.select().column("n").from("status_probe").where(StatusSQL.open(bounds: bounds, columns: columns))
                .all(decodingColumn: "n", as: Int.self)
            #expect(Set(open) == Set(rows.indices.filter { bounds.status(due: rows[$0].due, met: rows[$0].met, notApplicableSince: rows[$0].na).isOpen }),
                    "open in SQL is overdue, due soon or upcoming by the core")
            try await sql.raw("DROP TABLE status_probe").run()
        }
    }

    /// The index-friendly form lists use today finds exactly what the core's rule finds, on the
    /// demo authority's every obligation: nothing recorded is met after today.
    @Test func whatIsOpenTodayIsUnmet() async throws {
        try await withTestApp { app, _ in
            let bounds = StatusBounds(asOf: testToday, dueSoonDays: 7)
            let columns = StatusSQL.Columns.obligations()
            struct Key: Decodable, Hashable { let child_id: UUID; let id: String }
            func keys(_ condition: any SQLExpression) async throws -> Set<Key> {
                Set(try await app.db.sql.select().column("child_id").column("id").from(DerivedRows.obligations).where(condition).all(decoding: Key.self))
            }
            let exact = try await keys(StatusSQL.open(bounds: bounds, columns: columns))
            #expect(exact.count > 100)
            #expect(try await keys(StatusSQL.openToday(bounds: bounds, columns: columns)) == exact)
        }
    }
}
