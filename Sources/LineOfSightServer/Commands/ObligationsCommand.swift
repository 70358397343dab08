import ConsoleKit
import Foundation
import LineOfSightCore

/// `lineofsight obligations --journey FILE.json [--as-of DATE] [--standards FILE.yaml] [--format json|table]`
/// derives one child's obligations from a journey document (docs/journey-format.md).
struct ObligationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "journey", help: "The child's journey as JSON (docs/journey-format.md)")
        var journey: String?
        @Option(name: "as-of", help: "The date statuses are judged on, YYYY-MM-DD (default: today in Europe/London)")
        var asOf: String?
        @Option(name: "standards", help: "The council's local standards file (YAML)")
        var standards: String?
        @Option(name: "format", help: "json (default) or table")
        var format: String?
    }

    var help: String { "Derives a child's obligations from a journey file" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.journey else { throw UsageError("--journey FILE.json is required") }
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read \(path)") }
        let asOf: CivilDate
        if let text = signature.asOf {
            guard let date = CivilDate(iso: text) else { throw UsageError("--as-of “\(text)” is not a real date in the form YYYY-MM-DD") }
            asOf = date
        } else {
            asOf = CivilDate.today()
        }
        let format = signature.format ?? "json"
        guard format == "json" || format == "table" else { throw UsageError("--format must be json or table") }
        let setup = try signature.standards.map { try StandardsFile.load(path: $0) } ?? .defaults
        let journey: Journey
        do { journey = try JourneyDocument.decode(data) } catch { throw UsageError("\(path): \(error)") }
        let derivation = derive(journey, standards: setup.standards, calendar: setup.calendar)
        let report = ObligationsReport(childID: journey.childID, derivation: derivation, asOf: asOf, dueSoonDays: setup.standards.dueSoonDays)
        print(format == "table" ? report.table() : report.json())
    }
}
