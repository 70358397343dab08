import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLiteNIO
import Synchronization
import Vapor
// SQLiteNIO's own copy of SQLite, which its connections run: its functions are named `sqlite_nio_…`.
import VaporCSQLite

/// SQLite's statements prepared once on each connection and kept, as PostgreSQL's are named
/// (`PostgresNamedStatement`), their rows read straight from SQLite into one array of values.
///
/// SQLiteNIO prepares every statement afresh and finalizes it when its rows are read: preparing
/// (parsing the text and planning it) was a ninth of the CPU of a team manager's My work at 15,000
/// children (its statement of five parts alone 0.35 ms a request in SQLite's shell), and each of
/// its rows was handed over as an array of values of its own. Here each connection keeps the
/// statements it prepared, by text, up to `maximumStatements` (the least recently used let go
/// first), and a statement with more than `maximumValues` values (a batch's list of ids, of another
/// length every time) is prepared for its one run, as before.
///
/// SQLiteNIO keeps its connection's SQLite handle and thread pool to itself, so they are read by
/// reflection (`Mirror`) once a connection; should a later SQLiteNIO name them otherwise, every
/// statement goes through SQLiteNIO as before, and a test says so. A connection's statements run
/// one at a time, each reset after its run, so that none holds a read transaction open: a kept
/// read whose last run was quick where the request is, any other on the connection's thread pool.
/// SQLite refuses to close a connection with statements left, so each application's are finalized
/// when it shuts down (`Finalizer`), its requests done.
enum SQLitePreparedStatements {
    static let maximumStatements = 200
    static let maximumValues = 64

    /// The rows of `sql` run with `values` on `connection`; nil, having run nothing, when the
    /// connection's handle cannot be reached (above) or the connection is closed.
    static func rows(_ sql: String, _ values: [SQLiteData], on connection: SQLiteConnection) async throws -> SQLiteRows? {
        guard !connection.isClosed, let statements = registry.statements(of: connection) else { return nil }
        // Handing a statement to the thread pool and its rows back costs two thread switches and
        // their wake-ups: for My work's three statements, a tenth of the request's CPU and more of
        // its time waiting (docs/performance.md). A read kept here whose last run was quick runs
        // where the request is, on its event loop; any other on the thread pool, so that a long
        // one does not hold up the requests the event loop serves meanwhile, nor a write the loop
        // while it waits for another connection's (SQLite's busy handler sleeps; a read in
        // write-ahead-log mode waits for no writer).
        if let rows = try statements.runIfQuick(sql, values) { return rows }
        return try await statements.threadPool.runIfActive {
            try statements.run(sql, values)
        }
    }

    /// A run short enough to make on an event loop: about what rendering a long page takes there.
    /// Judged by a statement's last run: one run with other values may take longer (a large
    /// team's work after a small one's), and the run after it then goes to the thread pool.
    static let quickRun = Duration.milliseconds(5)

    private static let registry = Registry()

    /// Each connection's statements, by the connection, and the thread pools (applications) whose
    /// statements are finalized.
    private final class Registry: Sendable {
        private let state = NIOLockedValueBox(State())

        private struct State {
            var entries: [ObjectIdentifier: Entry] = [:]
            var finalizedPools: [FinalizedPool] = []
        }

        private struct Entry {
            weak var connection: SQLiteConnection?
            let statements: ConnectionStatements?
        }

        private struct FinalizedPool {
            weak var pool: NIOThreadPool?
        }

        func statements(of connection: SQLiteConnection) -> ConnectionStatements? {
            let (statements, gone) = state.withLockedValue { state -> (ConnectionStatements?, ConnectionStatements?) in
                let key = ObjectIdentifier(connection)
                if let entry = state.entries[key], entry.connection === connection { return (entry.statements, nil) }
                let statements = ConnectionStatements(connection)
                // A connection first reached after its application's statements were finalized keeps
                // none either.
                if let statements, state.finalizedPools.contains(where: { $0.pool === statements.threadPool }) { statements.finalizeAll() }
                // Another connection was once at this address, and is gone.
                let gone = state.entries[key]?.statements
                state.entries[key] = Entry(connection: connection, statements: statements)
                return (statements, gone)
            }
            gone?.closeGone()
            return statements
        }

        /// Finalizes the statements of every connection whose thread pool is `threadPool` (one
        /// application's: each makes its own, `DatabaseSetup`), each kept as finalized until the
        /// connection is gone, and lets go of those of connections gone (so that a process
        /// running application after application, as the tests do, keeps none of theirs). Each
        /// waits for a statement it is running, outside the registry's lock.
        func finalizeAll(of threadPool: NIOThreadPool) {
            let (theirs, gone) = state.withLockedValue { state -> ([ConnectionStatements], [ConnectionStatements]) in
                state.finalizedPools.removeAll { $0.pool == nil }
                state.finalizedPools.append(FinalizedPool(pool: threadPool))
                var theirs: [ConnectionStatements] = [], gone: [ConnectionStatements] = []
                for (key, entry) in state.entries {
                    guard let statements = entry.statements else { continue }
                    if entry.connection == nil {
                        gone.append(statements)
                        state.entries[key] = nil
                    } else if statements.threadPool === threadPool {
                        theirs.append(statements)
                    }
                }
                return (theirs, gone)
            }
            for statements in theirs { statements.finalizeAll() }
            for statements in gone { statements.closeGone() }
        }
    }

    /// One connection's statements, run one at a time (a lock: a transaction's connection is not
    /// leased to each of its statements, and the application's shutdown finalizes them once the
    /// one running, if any, is done).
    private final class ConnectionStatements: @unchecked Sendable {
        let handle: OpaquePointer
        let threadPool: NIOThreadPool
        private let lock = Mutex(())
        private var kept: [String: Kept] = [:]
        private var uses = 0
        /// Set once the statements are finalized: each is then prepared for its one run, so that
        /// the connection can close.
        private var finalized = false

        private struct Kept {
            let statement: OpaquePointer
            var lastUse: Int
            /// Whether it only reads (`sqlite3_stmt_readonly`).
            let reads: Bool
            /// How long its last run took, whether it failed or not; nil before its first.
            var lastRun: Duration?
        }

        /// Nil when SQLiteNIO's connection does not hold its handle and thread pool as read here.
        init?(_ connection: SQLiteConnection) {
            let mirror = Mirror(reflecting: connection)
            guard let handle = mirror.descendant("handle", "raw") as? OpaquePointer,
                  let threadPool = mirror.descendant("threadPool") as? NIOThreadPool else { return nil }
            self.handle = handle
            self.threadPool = threadPool
        }

        func run(_ sql: String, _ values: [SQLiteData]) throws -> SQLiteRows {
            try lock.withLock { _ in try unlockedRun(sql, values) }
        }

        /// `run`, if the statement is a read kept here whose last run took less than `quickRun`
        /// and no other statement of the connection is running; else nil, having run nothing.
        func runIfQuick(_ sql: String, _ values: [SQLiteData]) throws -> SQLiteRows? {
            let ran = try lock.withLockIfAvailable { _ -> SQLiteRows? in
                guard values.count <= maximumValues, let found = kept[sql], found.reads, let lastRun = found.lastRun, lastRun < quickRun else {
                    return nil
                }
                return try unlockedRun(sql, values)
            }
            return ran ?? nil
        }

        private func unlockedRun(_ sql: String, _ values: [SQLiteData]) throws -> SQLiteRows {
            let keep = values.count <= maximumValues && !finalized
            let statement = try keep ? keptStatement(sql) : prepare(sql)
            let started = ContinuousClock.now
            // Its values are left bound (clearing them would make SQLite prepare again a
            // statement whose plan depends on a value, as My work's does), and every one is
            // bound again at the next run (`bind`).
            defer {
                if keep {
                    sqlite_nio_sqlite3_reset(statement)
                    kept[sql]?.lastRun = started.duration(to: .now)
                } else {
                    sqlite_nio_sqlite3_finalize(statement)
                }
            }
            try bind(values, to: statement)
            return try SQLiteRows(reading: statement, connection: handle)
        }

        private func keptStatement(_ sql: String) throws -> OpaquePointer {
            uses += 1
            if let found = kept[sql] {
                kept[sql]?.lastUse = uses
                return found.statement
            }
            let statement = try prepare(sql, persistent: true)
            if kept.count >= maximumStatements, let oldest = kept.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                sqlite_nio_sqlite3_finalize(oldest.value.statement)
                kept[oldest.key] = nil
            }
            kept[sql] = Kept(statement: statement, lastUse: uses, reads: sqlite_nio_sqlite3_stmt_readonly(statement) != 0)
            return statement
        }

        private func prepare(_ sql: String, persistent: Bool = false) throws -> OpaquePointer {
            var statement: OpaquePointer?
            let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
            let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil)
            guard status == SQLITE_OK, let statement else { throw SQLiteStatementError(status, handle) }
            return statement
        }

        private func bind(_ values: [SQLiteData], to statement: OpaquePointer) throws {
            guard sqlite_nio_sqlite3_bind_parameter_count(statement) == values.count else {
                throw SQLiteStatementError(SQLITE_RANGE, message: "the statement takes \(sqlite_nio_sqlite3_bind_parameter_count(statement)) values, not \(values.count)")
            }
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let status: Int32 = switch value {
                case let .integer(number): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
                case let .float(number): sqlite_nio_sqlite3_bind_double(statement, index, number)
                case let .text(text): sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
                case let .blob(bytes):
                    bytes.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient) }
                case .null: sqlite_nio_sqlite3_bind_null(statement, index)
                }
                guard status == SQLITE_OK else { throw SQLiteStatementError(status, handle) }
            }
        }

        /// Finalizes every statement kept, once any run in progress ends; none is kept after.
        /// Returns whether there were any.
        @discardableResult
        func finalizeAll() -> Bool {
            lock.withLock { _ in
                finalized = true
                defer { kept = [:] }
                for (_, found) in kept { sqlite_nio_sqlite3_finalize(found.statement) }
                return !kept.isEmpty
            }
        }

        /// For a connection gone (its object freed) with statements still kept: SQLiteNIO's close,
        /// if it ran, failed (SQLite's `sqlite3_close` refuses while a statement is left, and
        /// SQLiteNIO lets go of the handle all the same), so the handle is closed here once they
        /// are finalized. Without statements, SQLiteNIO's close closed it (or it was never asked
        /// to, and the handle is lost as it would have been without this cache).
        func closeGone() {
            if finalizeAll() { sqlite_nio_sqlite3_close(handle) }
        }
    }

    /// Finalizes the application's statements when it shuts down: after its requests and before its
    /// databases (lifecycle handlers shut down in the reverse of their order: this one is used
    /// after the databases, and `RequestsInFlight` after every other). Whatever runs on after it
    /// (an import still reading, say) prepares each statement for its one run.
    struct Finalizer: LifecycleHandler {
        func shutdownAsync(_ app: Application) async {
            registry.finalizeAll(of: app.threadPool)
        }
    }
}

/// SQLite's destructor for a value it copies (`SQLITE_TRANSIENT`, a macro Swift does not import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A statement's rows, read from SQLite into one array of values, a row's after the row before's.
struct SQLiteRows: Sendable, Equatable {
    /// Each column's place in a row, by name (the first, where two have one name).
    let offsets: [String: Int]
    let width: Int
    private(set) var values: [SQLiteData] = []
    var count: Int { width == 0 ? 0 : values.count / width }

    /// Steps `statement` to its end.
    fileprivate init(reading statement: OpaquePointer, connection: OpaquePointer) throws {
        var status = sqlite_nio_sqlite3_step(statement)
        // Its columns read after the first step: a statement kept across a change of the schema is
        // prepared again by that step, and a `*` may then name other columns.
        width = Int(sqlite_nio_sqlite3_column_count(statement))
        var offsets: [String: Int] = [:]
        for column in 0 ..< width {
            let name = sqlite_nio_sqlite3_column_name(statement, Int32(column)).map { String(cString: $0) } ?? ""
            if offsets[name] == nil { offsets[name] = column }
        }
        self.offsets = offsets
        while status == SQLITE_ROW {
            for column in 0 ..< Int32(width) { values.append(try Self.value(statement, column, connection)) }
            status = sqlite_nio_sqlite3_step(statement)
        }
        guard status == SQLITE_DONE else { throw SQLiteStatementError(status, connection) }
    }

    /// Rows SQLiteNIO read (where `SQLitePreparedStatements` cannot reach the connection).
    init(_ rows: [SQLiteRow]) {
        let columns = rows.first?.columns ?? []
        width = columns.count
        offsets = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        values = rows.flatMap { $0.columns.map(\.data) }
    }

    func value(row: Int, column name: String) -> SQLiteData? {
        offsets[name].map { values[row * width + $0] }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32, _ connection: OpaquePointer) throws -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            // Null only when SQLite could not convert it (out of memory).
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { throw SQLiteStatementError(SQLITE_NOMEM, connection) }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// SQLite's refusal of a statement run by `SQLitePreparedStatements`, with its message.
struct SQLiteStatementError: Error, CustomStringConvertible, DatabaseError {
    let status: Int32
    let message: String

    fileprivate init(_ status: Int32, _ connection: OpaquePointer) {
        self.init(status, message: sqlite_nio_sqlite3_errmsg(connection).map { String(cString: $0) } ?? "SQLite error \(status)")
    }

    fileprivate init(_ status: Int32, message: String) {
        self.status = status
        self.message = message
    }

    var description: String { "SQLite: \(message) (\(status))" }
    /// SQLite's primary result code: the low byte of an extended one.
    private var primary: Int32 { status & 0xFF }
    var isSyntaxError: Bool { primary == SQLITE_ERROR || primary == SQLITE_SCHEMA }
    var isConnectionClosed: Bool { primary == SQLITE_MISUSE || primary == SQLITE_CANTOPEN }
    var isConstraintFailure: Bool { primary == SQLITE_CONSTRAINT }
}
