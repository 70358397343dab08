import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

enum DatabaseSetup {
    static func configure(_ app: Application, _ location: Settings.DatabaseLocation) throws {
        switch location {
        case let .sqlite(path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw DatabaseUnavailable(location: location, cause: "cannot create the folder \(directory.path): \(error.localizedDescription)")
            }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteInMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case let .postgres(url):
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = nil
                app.databases.use(.postgres(configuration: configuration, sqlLogLevel: .debug), as: .psql)
            } catch {
                throw DatabaseUnavailable(location: location, cause: "the URL is not valid (\(error))")
            }
        }
        for migration in AppMigrations.all { app.migrations.add(migration) }
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
            throw SettingsError("the database at \(app.settings.database.description) is not set up for this version of LineOfSight "
                + "(\(pending.map { "\($0.count) migrations" } ?? "it has never been migrated") to apply): run `lineofsight migrate` first")
        }
    }
}

struct DatabaseUnavailable: Error, CustomStringConvertible {
    let location: Settings.DatabaseLocation
    let cause: String

    var description: String {
        "cannot open the database at \(location.description): \(cause.replacingOccurrences(of: "\n", with: " "))"
    }
}
