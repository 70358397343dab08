import LineOfSightCore
import Vapor

/// The one source of "now" for the server: the time (for sessions, throttling, tokens and the audit
/// trail) and "today" as a civil date in Europe/London, or the date fixed by `LINEOFSIGHT_TODAY`
/// (tests, demos). Nothing else reads the system clock.
struct AppClock: Sendable {
    var fixedToday: CivilDate? = nil
    var currentTime: @Sendable () -> Date = { Date() }

    var now: Date { currentTime() }
    var today: CivilDate { fixedToday ?? CivilDate.today(now: now) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    private struct StandardsKey: StorageKey { typealias Value = StandardsFile }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock() }
        set { storage[ClockKey.self] = newValue }
    }

    /// The council's local standards and working-day calendar every derivation uses.
    var standards: StandardsFile {
        get { storage[StandardsKey.self] ?? .defaults }
        set { storage[StandardsKey.self] = newValue }
    }

    var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:settings:) has not run") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Request {
    var today: CivilDate { application.clock.today }
    var now: Date { application.clock.now }
}
