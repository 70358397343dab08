import Foundation
import SQLKit

extension SQLDatabase {
    /// Deletes these children's rows from each of `tables` (keyed by `child_id`), 500 children a
    /// statement: a batch's derived rows are replaced this way, and PostgreSQL refuses an empty IN
    /// list (no children, no statement).
    func deleteRows(of children: [UUID], from tables: [String]) async throws {
        for chunk in children.chunked(500) {
            for table in tables {
                try await delete(from: table).where("child_id", .in, SQLBind.group(Array(chunk))).run()
            }
        }
    }
}
