import Fluent
import FluentPostgresDriver
import NIOCore
import SQLKit
import Vapor

/// Both drivers (SQLite, PostgreSQL) are SQL databases; reporting queries use SQLKit through this.
extension Database {
    var sql: any SQLDatabase { QuotedSQL(self as! any SQLDatabase) }
}

extension Request {
    /// The request's database, made at its first use and kept for the request: Fluent makes a new
    /// one (its driver's wrapper, logger and pool handle) at every `db`, and a page's statements
    /// each asked for one (a few per cent of My work's CPU on PostgreSQL).
    var sql: any SQLDatabase {
        if let made = storage[RequestSQLKey.self] { return made }
        let made = db.sql
        storage[RequestSQLKey.self] = made
        return made
    }

    private struct RequestSQLKey: StorageKey { typealias Value = any SQLDatabase }
}

extension SQLDatabase {
    /// The drivers' record of a statement they run, for one run here past them.
    func logExecuting(_ sql: String, _ binds: [any Encodable & Sendable]) {
        if let level = queryLogLevel {
            logger.log(level: level, "Executing query", metadata: ["sql": .string(sql), "binds": .array(binds.map { .string("\($0)") })])
        }
    }
}

/// The driver's database, with statements written out here before they are handed to it.
///
/// SQLKit escapes every identifier it writes (`"child_id"`) by searching it for quote marks with
/// the standard library's generic string replacement, and a page's statements name a few hundred
/// columns: a profile of the child's page put an eighth of its CPU time in writing statement text,
/// most of it there. Every identifier this server writes is a name in its own code (tables and
/// columns, never text from a request), so they are written between quote marks as they are.
/// Everything else — binds, placeholders, string literals (still escaped) — is the driver's own
/// dialect, unchanged.
struct QuotedSQL: SQLDatabase {
    let base: any SQLDatabase

    /// Made once: SQLKit asks for the dialect at every bind it writes, and the SQLite driver's
    /// `dialect` makes a new one each time (a few per cent of a large import's CPU).
    let dialect: any SQLDialect

    init(_ base: any SQLDatabase) {
        self.base = (base as? QuotedSQL)?.base ?? base
        dialect = PlainIdentifiers(self.base.dialect)
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        base.execute(sql: WrittenStatement(query, by: self), onRow)
    }

    /// On PostgreSQL, straight through PostgresNIO, by name when it is one to name (`PostgresNamedStatement`).
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let written = WrittenStatement(query, by: self)
        if let postgres = base as? any PostgresDatabase, let statement = PostgresNamedStatement(sql: written.sql, binds: written.binds) {
            logExecuting(written.sql, written.binds)
            for row in try await statement.rows(on: postgres, logger: logger) { onRow(row.sql()) }
            return
        }
        try await base.execute(sql: written, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { try await closure(QuotedSQL($0)) }
    }
}

/// The driver's dialect, but with an identifier quote that SQLKit writes on either side of the
/// name rather than searching the name for it (see `QuotedSQL`).
private struct PlainIdentifiers: SQLDialect {
    let base: any SQLDialect

    init(_ base: any SQLDialect) { self.base = base }

    private struct Quote: SQLExpression {
        func serialize(to serializer: inout SQLSerializer) { serializer.write("\"") }
    }

    var identifierQuote: any SQLExpression { Quote() }
    var name: String { base.name }
    var literalStringQuote: any SQLExpression { base.literalStringQuote }
    var supportsAutoIncrement: Bool { base.supportsAutoIncrement }
    var autoIncrementClause: any SQLExpression { base.autoIncrementClause }
    var autoIncrementFunction: (any SQLExpression)? { base.autoIncrementFunction }
    func bindPlaceholder(at position: Int) -> any SQLExpression { base.bindPlaceholder(at: position) }
    func literalBoolean(_ value: Bool) -> any SQLExpression { base.literalBoolean(value) }
    var literalDefault: any SQLExpression { base.literalDefault }
    var supportsIfExists: Bool { base.supportsIfExists }
    var enumSyntax: SQLEnumSyntax { base.enumSyntax }
    var supportsDropBehavior: Bool { base.supportsDropBehavior }
    var supportsReturning: Bool { base.supportsReturning }
    var triggerSyntax: SQLTriggerSyntax { base.triggerSyntax }
    var alterTableSyntax: SQLAlterTableSyntax { base.alterTableSyntax }
    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? { base.customDataType(for: dataType) }
    func normalizeSQLConstraint(identifier: any SQLExpression) -> any SQLExpression { base.normalizeSQLConstraint(identifier: identifier) }
    var upsertSyntax: SQLUpsertSyntax { base.upsertSyntax }
    var unionFeatures: SQLUnionFeatures { base.unionFeatures }
    var sharedSelectLockExpression: (any SQLExpression)? { base.sharedSelectLockExpression }
    var exclusiveSelectLockExpression: (any SQLExpression)? { base.exclusiveSelectLockExpression }
    func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        base.nestedSubpathExpression(in: column, for: path)
    }
}
