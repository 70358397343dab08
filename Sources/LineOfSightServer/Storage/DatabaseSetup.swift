import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

enum DatabaseSetup {
    static let postgresConnectionsPerEventLoop = 2

    static func configure(_ app: Application, _ location: Settings.DatabaseLocation) throws {
        if location.isSQLite {
            // SQLite runs each query on a blocking thread. Vapor's default is one pool shared by the
            // whole process with a thread per core, so a connection waiting for another's write lock
            // could hold the thread that the writer needs to finish; this application's own pool has
            // a thread for each of its connections (one per event loop), one for the checkpointer's
            // while serving (`WALCheckpointer`) and one more.
            let connections = app.eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 }
            app.threadPool = NIOThreadPool(numberOfThreads: connections + 2)
            app.writeQueue = WriteQueue()
        }
        switch location {
        case let .sqlite(path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw DatabaseUnavailable(location: location, cause: "cannot create the folder \(directory.path): \(error.localizedDescription)")
            }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
            app.lifecycle.use(SQLiteTuning())
        case .sqliteInMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case let .postgres(url):
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = nil
                // A council's records fit in memory, so reading a row by index costs about what
                // reading the next row of a table does. PostgreSQL's default (`random_page_cost` 4)
                // assumes a spinning disk: it would read every child to find a team's 150 rather than
                // look them up. Set for this application's connections only.
                configuration.coreConfiguration.options.additionalStartupParameters.append(("random_page_cost", "1.1"))
                // Two connections an event loop (an event loop a core, so twice the cores): a slow query
                // or a long import's transaction then holds up none of the requests behind it, and
                // several app instances share the database's connection limit. More cost more than
                // they give: with four, twenty requests at once kept up to eight of PostgreSQL's
                // processes busy on the same cores; with two, PostgreSQL's CPU a request fell by a
                // tenth to a quarter (My work at 15,000: 2.75–3.0 against 3.05–3.95 ms).
                app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop, sqlLogLevel: .debug), as: .psql)
            } catch {
                throw DatabaseUnavailable(location: location, cause: "the URL is not valid (\(error))")
            }
        }
        if location.isSQLite { app.lifecycle.use(SQLitePreparedStatements.Finalizer()) }
        // The application outlives every request whose read it writes.
        app.readAuditWriter = ReadAuditWriter(database: { [unowned app] in app.db }, wrote: { [unowned app] in app.walCheckpointer?.wrote() })
        for migration in AppMigrations.all { app.migrations.add(migration) }
    }

    /// What only `serve` runs besides the requests: the transfer counts kept by month folded
    /// (`TransferStepFolding`) and, on an SQLite file, the log copied back off the requests' path
    /// (`WALCheckpointer`), from when the server starts; and, when it stops, the requests still
    /// being answered waited for (`RequestsInFlight`).
    static func prepareForServing(_ app: Application) {
        app.lifecycle.use(TransferStepFolding())
        // Last, so that it stops first: the other handlers stop once no request is left (the log's
        // copier after the last audit row a request commits).
        defer { app.lifecycle.use(app.requestsInFlight) }
        guard case let .sqlite(path) = app.settings.database else { return }
        let checkpointer = WALCheckpointer(path: path)
        app.walCheckpointer = checkpointer
        app.lifecycle.use(checkpointer)
    }

    /// Opens a connection now rather than on the first request, so a wrong path or URL is reported at
    /// start with its cause.
    static func checkReachable(_ app: Application, _ location: Settings.DatabaseLocation) async throws {
        do {
            try await app.db.sql.raw("SELECT 1").run()
        } catch {
            // PostgresNIO's plain description hides everything; the detailed one names the connection
            // failure (never the password, which is only in the URL we redact).
            throw DatabaseUnavailable(location: location, cause: String(reflecting: error))
        }
    }

    /// `serve` on a database that was never migrated (or is behind this version) would start and then
    /// fail every request; it refuses to start instead, saying what to run.
    static func checkMigrated(_ app: Application) async throws {
        // A database that was never migrated has no migration log to read at all.
        let pending = try? await app.migrator.previewPrepareBatch().get()
        guard let pending, pending.isEmpty else {
            throw UsageError("the database at \(app.settings.database.description) is not set up for this version of LineOfSight "
                + "(\(pending.map { "\($0.count) migrations" } ?? "it has never been migrated") to apply): run `lineofsight migrate` first")
        }
    }
}

extension Application {
    /// The database on a connection other than `db`'s, for reads made while `db` is in a
    /// transaction: each event loop keeps its own connections (SQLite one, which a transaction
    /// holds), so that of another loop. Nil with one event loop, and for SQLite in memory, whose
    /// connections share one cache and lock each other's tables while one writes.
    func databaseBeside(_ db: any Database) -> (any Database)? {
        if case .sqliteInMemory = settings.database { return nil }
        guard let loop = eventLoopGroup.makeIterator().first(where: { $0 !== db.eventLoop }) else { return nil }
        return databases.database(logger: logger, on: loop)
    }

    /// Runs `body` with `db` and the database beside it for re-deriving everyone (`Rederivation.all`),
    /// SQLite's page cache of both made small meanwhile: re-deriving reads each child's pages once,
    /// and filling two caches of 64 MB with pages not read again cost more than they saved (a
    /// tenth of re-deriving 15,000 on the machines measured, where memory touched the first time is dear).
    func rederivingEveryone(_ body: (_ db: any Database, _ reader: (any Database)?) async throws -> Void) async throws {
        let db = self.db
        let reader = databaseBeside(db)
        guard case .sqlite = settings.database else { return try await body(db, reader) }
        let connections = [db] + (reader.map { [$0] } ?? [])
        func pageCache(_ kibibytes: Int) async throws { try await SQLiteTuning.setPageCache(kibibytes: kibibytes, on: connections) }
        try await pageCache(SQLiteTuning.onePassPageCacheKibibytes)
        do {
            try await body(db, reader)
        } catch {
            try? await pageCache(SQLiteTuning.pageCacheKibibytes)
            throw error
        }
        try await pageCache(SQLiteTuning.pageCacheKibibytes)
    }
}

struct DatabaseUnavailable: Error, CustomStringConvertible {
    let location: Settings.DatabaseLocation
    let cause: String

    var description: String {
        "cannot open the database at \(location.description): \(cause.replacingOccurrences(of: "\n", with: " "))"
    }
}

/// SQLite tuned for a web server: write-ahead logging, so readers never wait for a writer and a commit
/// is one append (copied back into the file, while serving, by `WALCheckpointer`);
/// `synchronous=NORMAL`, which in WAL mode stays consistent after a crash (a power cut can lose
/// only the last commits, never corrupt the file) without waiting for the disk on every
/// commit; `temp_store=MEMORY`, so the statement journal of a multi-row insert inside a transaction
/// (a list's audit rows) is kept in memory rather than written to a temporary file; a page cache of
/// 64 MB per connection, so the pages every request reads stay in memory instead of being copied
/// from the file again (not `mmap_size`: every page view writes its audit row, the file grows, and
/// SQLite would map it afresh each time); a busy timeout, because SQLiteNIO's own handler retries a
/// locked database at once and for ever, spinning a thread while the other connection finishes its
/// write (and never giving up if that write cannot finish): SQLite's handler sleeps between tries and
/// answers "busy" after the timeout. Fluent's SQLite driver keeps one connection per event loop, so
/// the per-connection settings are made once on each.
struct SQLiteTuning: LifecycleHandler {
    static let busyTimeoutMilliseconds = 5_000
    static let pageCacheKibibytes = 65_536
    /// While re-deriving everyone (`Application.rederivingEveryone`).
    static let onePassPageCacheKibibytes = 2_048

    func didBootAsync(_ app: Application) async throws {
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
        try await Self.set(["synchronous=NORMAL", "temp_store=MEMORY", "cache_size=-\(Self.pageCacheKibibytes)",
                            "busy_timeout=\(Self.busyTimeoutMilliseconds)"], onEveryConnectionOf: app)
    }

    /// Sets the page cache of these connections (a smaller one lets go of the pages beyond it).
    static func setPageCache(kibibytes: Int, on connections: [any Database]) async throws {
        for db in connections { try await db.sql.raw(SQLQueryString("PRAGMA cache_size=-\(unsafeRaw: String(kibibytes))")).run() }
    }

    /// Sets these per-connection pragmas (`name=value`, this server's own) on each of the pool's
    /// connections, one per event loop.
    static func set(_ pragmas: [String], onEveryConnectionOf app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(logger: app.logger, on: eventLoop) else { continue }
            for pragma in pragmas { try await db.sql.raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run() }
        }
    }
}
