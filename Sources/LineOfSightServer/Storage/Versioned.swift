import Fluent
import FluentPostgresDriver
import SQLKit
import Vapor

/// Optimistic concurrency for records people edit in forms. A form carries the version it was
/// opened at; saving first claims the next version in the database, conditionally, so of two saves
/// from the same version exactly one succeeds and the other is told the record changed.
protocol Versioned: Model where IDValue == UUID {
    var version: Int { get set }
}

/// Someone else saved the record after this form was opened.
struct StaleRecord: Error {}

extension Versioned {
    /// Claims the next version if the stored one is still `expected`; call it first inside the
    /// transaction that saves the change, so the row stays locked until the change is saved. Throws
    /// `StaleRecord` (rolling the transaction back) when another save came first.
    func claimVersion(from expected: Int, on db: any Database) async throws {
        let claimed = try await db.sql.update(Self.schema)
            .set(SQLColumn("version"), to: SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(requireID()))
            .where("version", .equal, SQLBind(expected))
            .returning("id")
            .first()
        guard claimed != nil else { throw StaleRecord() }
        version = expected + 1
    }
}

extension Error {
    /// A unique index refused the write: two requests raced to create the same thing.
    var isUniqueViolation: Bool {
        (self as? any DatabaseError)?.isConstraintFailure ?? false
    }

    /// PostgreSQL ended this transaction to break a deadlock (SQLSTATE 40P01): it was rolled back,
    /// and the same transaction run again finds the other one finished.
    var isDeadlock: Bool {
        (self as? PSQLError)?.serverInfo?[.sqlState] == "40P01"
    }
}
