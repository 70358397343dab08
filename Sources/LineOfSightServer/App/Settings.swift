import Foundation

/// Everything configurable about a running LineOfSight, read once from the environment.
public struct Settings: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteInMemory
        case postgres(url: String)

        var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }

        /// Where the database is, for messages: the path, or the URL without its password.
        var description: String {
            switch self {
            case let .sqlite(path): path
            case .sqliteInMemory: "an in-memory SQLite database"
            case let .postgres(url): Settings.redactingPassword(url)
            }
        }
    }

    /// When cookies are marked Secure (HTTPS only).
    public enum CookieSecurity: Sendable, Equatable {
        case always
        case never
        /// Secure, except for requests that name a loopback host (a developer's machine, no TLS).
        case exceptOnLoopback
    }

    public var database: DatabaseLocation
    public var sessionIdleTimeout: TimeInterval
    public var standardsFile: String?
    public var secureCookies: CookieSecurity
    /// The bearer token Prometheus sends to read `/metrics`; without one, `/metrics` is not served.
    public var metricsToken: String?
    /// Behind a reverse proxy, the client's address is the last one the proxy adds to X-Forwarded-For.
    public var behindProxy: Bool
    /// Injectable "today" for deterministic demo data and tests; nil means the real date in Europe/London.
    public var today: String?
    /// The most a return uploaded to be checked may be, its files together: beyond any authority's
    /// return (England's largest is a few tens of megabytes as CSV).
    public var returnUploadLimit = 200 * 1024 * 1024

    public init(database: DatabaseLocation, sessionIdleTimeout: TimeInterval = 30 * 60, standardsFile: String? = nil,
                secureCookies: CookieSecurity = .exceptOnLoopback, metricsToken: String? = nil, behindProxy: Bool = false, today: String? = nil) {
        self.database = database
        self.sessionIdleTimeout = sessionIdleTimeout
        self.standardsFile = standardsFile
        self.secureCookies = secureCookies
        self.metricsToken = metricsToken
        self.behindProxy = behindProxy
        self.today = today
    }

    /// `DATABASE_URL` (postgres://…, or postgres+uds://… for PostgreSQL's socket on the same host)
    /// selects PostgreSQL; otherwise SQLite at `LINEOFSIGHT_DATABASE_PATH` or `./data/lineofsight.sqlite`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        let database: DatabaseLocation
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard ["postgres://", "postgresql://", "postgres+uds://", "postgresql+uds://"].contains(where: url.hasPrefix) else {
                throw UsageError("DATABASE_URL must start with postgres:// or postgres+uds:// (got \(redactingPassword(url)))")
            }
            database = .postgres(url: url)
        } else {
            database = .sqlite(path: environment["LINEOFSIGHT_DATABASE_PATH"] ?? "data/lineofsight.sqlite")
        }
        var timeout: TimeInterval = 30 * 60
        if let minutes = environment["LINEOFSIGHT_SESSION_IDLE_MINUTES"] {
            guard let value = Int(minutes), value > 0 else {
                throw UsageError("LINEOFSIGHT_SESSION_IDLE_MINUTES must be a whole number of minutes above 0 (got \(minutes))")
            }
            timeout = TimeInterval(value * 60)
        }
        return Settings(
            database: database,
            sessionIdleTimeout: timeout,
            standardsFile: environment["LINEOFSIGHT_STANDARDS_FILE"],
            secureCookies: try flag("LINEOFSIGHT_SECURE_COOKIES", in: environment).map { $0 ? .always : .never } ?? .exceptOnLoopback,
            metricsToken: environment["LINEOFSIGHT_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            behindProxy: try flag("LINEOFSIGHT_BEHIND_PROXY", in: environment) ?? false,
            today: environment["LINEOFSIGHT_TODAY"]
        )
    }

    private static func flag(_ name: String, in environment: [String: String]) throws -> Bool? {
        switch environment[name] {
        case nil, "": nil
        case "true": true
        case "false": false
        case let other?: throw UsageError("\(name) must be true or false (got \(other))")
        }
    }

    static func redactingPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}

/// A mistake in how LineOfSight was started or called (a setting, an argument, a file), in one line
/// for the person at the terminal, without Swift's error decoration.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
