import ConsoleKit
import Foundation

/// The commands that ask the domain core or the returns library directly (`calendar`,
/// `obligations`, `bench`, `validate`). They need no database, so they run without starting the web
/// application and print nothing but their answer.
public enum DomainCommands {
    static let names: Set<String> = ["calendar", "obligations", "bench", "validate"]

    /// Exit status: 0 done, 2 bad input (a message on standard error says what and where), or the
    /// status a command ends with (`CommandExit`: validate's 1 for findings).
    public static func runIfDomainCommand(_ arguments: [String]) async -> Int32? {
        guard arguments.count > 1, names.contains(arguments[1]) else { return nil }
        // `obligations rederive` works on the database: the application's command.
        if arguments[1] == "obligations", arguments.dropFirst(2).first == "rederive" { return nil }
        var commands = AsyncCommands(enableAutocomplete: false)
        commands.use(CalendarCommand(), as: "calendar")
        commands.use(ObligationsCommand(), as: "obligations")
        commands.use(BenchCommand(), as: "bench")
        commands.use(ValidateCommand(), as: "validate")
        do {
            try await Terminal().run(commands.group(help: "Ask the LineOfSight domain core directly"), input: CommandInput(arguments: arguments))
            return 0
        } catch let exit as CommandExit {
            return exit.status
        } catch {
            FileHandle.standardError.write(Data("lineofsight: \(error)\n".utf8))
            return 2
        }
    }
}


/// Ends a command with an exit status of its own, having said what it had to say already.
struct CommandExit: Error {
    let status: Int32
}
