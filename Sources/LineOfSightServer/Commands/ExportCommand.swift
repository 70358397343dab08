import ConsoleKit
import Foundation
import LineOfSightReturns
import Vapor

/// `lineofsight export ssda903 --year 2026 OUTDIR`: writes the collection year's SSDA903 return
/// (Header, Episodes, Reviews, OC2, OC3 and Missing as CSV files) from the recorded journeys.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        // Options before arguments: ConsoleKit reads them in this order, so `--year 2026` may
        // come before or after the directory.
        @Option(name: "year", help: ReturnFiles.yearHelp)
        var year: String?
        @Argument(name: "return", help: "ssda903")
        var kind: String
        @Argument(name: "directory", help: "Where to write the CSV files (made if missing; files of the same names are replaced)")
        var directory: String
    }

    var help: String { "Writes a return from the children's journeys: export ssda903 --year 2026 DIR" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let ruleSet = try ReturnFiles.ruleSet(kind: signature.kind, year: signature.year)
        let app = context.application
        try await DatabaseSetup.checkMigrated(app)
        let (tables, children) = try await SSDA903Exporter(now: app.clock.now).run(ruleSet: ruleSet, destination: signature.directory, on: app.db)
        do {
            try SSDA903CSVFiles.write(tables, to: URL(fileURLWithPath: signature.directory))
        } catch {
            throw ReturnFiles.refuse("cannot write to \(signature.directory): \(error.localizedDescription)")
        }
        context.console.print("Wrote the SSDA903 return for \(ruleSet.years) to \(signature.directory): \(children) children.")
        for table in SSDA903JourneyExport.tables {
            guard let csv = tables[table] else { continue }
            let rows = csv.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } - 1
            context.console.print("  \(SSDA903CSVFiles.name(of: table)): \(rows) \(rows == 1 ? "row" : "rows")")
        }
    }
}
