import ConsoleKit
import Foundation
import LineOfSightReturns
import Vapor

/// `lineofsight import ssda903 DIR --year 2026 [--prev DIR]`: brings a council's SSDA903 return
/// (CSV files or its XML file), and optionally last year's, into its children's journeys in one
/// transaction. Importing the same return again changes nothing. See docs/ssda903-import.md.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        // Options before arguments: ConsoleKit reads them in this order, so `--year 2026` may
        // come before or after the directory.
        @Option(name: "year", help: ReturnFiles.yearHelp)
        var year: String?
        @Option(name: "prev", help: "Last year's return, imported first: the episodes before this year's")
        var previous: String?
        @Argument(name: "return", help: "ssda903")
        var kind: String
        @Argument(name: "directory", help: "The return's CSV files (one a table) or its one XML file")
        var directory: String
    }

    var help: String { "Imports a return into the children's journeys: import ssda903 DIR --year 2026 [--prev DIR]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let ruleSet = try ReturnFiles.ruleSet(kind: signature.kind, year: signature.year)
        let current = try ReturnFiles.read(signature.directory)
        let previous = try signature.previous.map(ReturnFiles.read)
        let app = context.application
        try await DatabaseSetup.checkMigrated(app)
        let started = Date()
        let importer = SSDA903Importer(setup: app.standards, now: app.clock.now, today: app.clock.today) { progress in
            FileHandle.standardError.write(Data((progress.description + "\n").utf8))
        }
        let summary: SSDA903Importer.Summary
        do {
            summary = try await importer.run(current, ruleSet: ruleSet, previous: previous, source: signature.directory, on: app.db)
        } catch let problems as SSDA903ImportProblems {
            throw ReturnFiles.refuse("\(problems)\nNothing was imported: the database is as it was.")
        }
        context.console.print("Imported the SSDA903 return for \(ruleSet.years) from \(signature.directory).")
        summary.lines.forEach { context.console.print($0) }
        context.console.print(String(format: "Done in %.1f s.", Date().timeIntervalSince(started)))
    }
}

/// Reading a return named on the command line, with its problems in the command's words.
enum ReturnFiles {
    static let yearHelp = "The year the collection ends, 2023 to 2027 (2026: April 2025 to March 2026)"

    /// The collection year of `import ssda903` or `export ssda903` (the only return so far).
    static func ruleSet(kind: String, year: String?) throws -> SSDA903RuleSet {
        guard kind == "ssda903" else { throw refuse("unknown return “\(kind)”: use ssda903") }
        do { return try SSDA903ValidateCommand.ruleSet(year: year) } catch { throw refuse(error.description) }
    }

    static func read(_ directory: String) throws -> SSDA903Return {
        do { return try SSDA903Reader.read(directory: URL(fileURLWithPath: directory)) } catch { throw refuse(error.description) }
    }

    /// Says on standard error why the command stops, and ends it with status 2 (bad input), as
    /// `validate` does.
    static func refuse(_ message: String) -> CommandExit {
        FileHandle.standardError.write(Data("lineofsight: \(message)\n".utf8))
        return CommandExit(status: 2)
    }
}
