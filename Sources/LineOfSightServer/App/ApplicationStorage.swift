import LineOfSightCore
import Vapor

/// "Today" as a civil date in Europe/London, or the date fixed by `LINEOFSIGHT_TODAY` (tests, demos).
struct AppClock: Sendable {
    let fixedToday: CivilDate?

    var today: CivilDate { fixedToday ?? CivilDate.today() }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    private struct StandardsKey: StorageKey { typealias Value = StandardsFile }

    /// The local standards and working-day calendar every obligation is derived with.
    var standardsFile: StandardsFile {
        get { storage[StandardsKey.self] ?? .defaults }
        set { storage[StandardsKey.self] = newValue }
    }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock(fixedToday: nil) }
        set { storage[ClockKey.self] = newValue }
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
}
