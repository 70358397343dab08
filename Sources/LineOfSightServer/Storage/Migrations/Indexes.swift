import Fluent
import SQLKit

/// Fluent's schema builder has no portable index API; SQLKit's does, for SQLite and PostgreSQL alike.
enum Indexes {
    static func create(on database: any Database, _ indexes: [(name: String, table: String, columns: [String])]) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }
}
