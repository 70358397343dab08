import ConsoleKit
import Foundation
import LineOfSightReturns

/// `lineofsight validate ssda903 DIR --year 2026 [--prev DIR] [--la E08000035] [--postcodes FILE]
/// [--providers FILE] [--format csv|json|table]`: validates a council's SSDA903 return (CSV files or its XML file)
/// against every DfE rule of the collection year, with no database. The work is
/// `SSDA903ValidateCommand`'s, shared with `lineofsight-returns validate`.
struct ValidateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "return", help: "ssda903")
        var kind: String
        @Argument(name: "directory", help: "The return's CSV files (one a table) or its one XML file")
        var directory: String
        @Option(name: "year", help: "The year the collection ends, 2023 to 2027 (2026: April 2025 to March 2026)")
        var year: String?
        @Option(name: "prev", help: "Last year's return, for the rules that compare with it")
        var previous: String?
        @Option(name: "la", help: "The council's ONS code, e.g. E08000035, for the placement-location rules")
        var localAuthority: String?
        @Option(name: "postcodes", help: "The postcode lookup (postcode,laua,utla,easting,northing) for the placement-location rules")
        var postcodes: String?
        @Option(name: "providers", help: "The Ofsted provider lookup (urn,place_codes,provider_codes,reg_end,postcode,la_code) for the URN rules")
        var providers: String?
        @Option(name: "format", help: "csv (default): rule_code,child_id,table,row_index; json; or table")
        var format: String?
    }

    var help: String { "Validates a return against the DfE's rules: exit 0 without findings, 1 with, 2 when it cannot be read" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.kind == "ssda903" else { throw UsageError("unknown return “\(signature.kind)”: use ssda903") }
        let validation: SSDA903ValidateCommand
        do {
            validation = try SSDA903ValidateCommand(directory: signature.directory, year: signature.year,
                                                    previous: signature.previous, localAuthority: signature.localAuthority,
                                                    postcodes: signature.postcodes, providers: signature.providers,
                                                    format: signature.format)
        } catch {
            throw UsageError(error.description)
        }
        let status = validation.run(output: { FileHandle.standardOutput.write(Data($0.utf8)) },
                                    errors: { FileHandle.standardError.write(Data($0.utf8)) })
        if status != 0 { throw CommandExit(status: status) }
    }
}
