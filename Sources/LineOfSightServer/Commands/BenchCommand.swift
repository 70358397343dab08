import ConsoleKit
import LineOfSightCore
import LineOfSightReturns

/// `lineofsight bench obligations --children 50000`: derives every obligation for synthetic journeys
/// as rich as real ones and prints the time, the count and the peak memory.
/// `lineofsight bench ssda903 --children 10000 [--year 2026] [--postgres URL] [--python PY]`: times
/// validating and importing a generated return (`SSDA903Benchmark`). Benchmarks, not tests: run
/// them from a release build (`swift run -c release lineofsight bench …`).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "obligations or ssda903")
        var what: String
        @Option(name: "children", help: "How many synthetic children (default 50000)")
        var children: Int?
        @Option(name: "seed", help: "Seed of the synthetic journeys (default 42)")
        var seed: Int?
        @Option(name: "year", help: "ssda903: the collection year (default 2026)")
        var year: Int?
        @Option(name: "runs", help: "ssda903: runs of each validation, the best reported (default 3)")
        var runs: Int?
        @Option(name: "postgres", help: "ssda903: an empty PostgreSQL database (postgres://…) to import into as well")
        var postgres: String?
        @Option(name: "python", help: "ssda903: a Python with the DfE's tool installed, to time it too (run from the repository)")
        var python: String?
    }

    var help: String { "Measures how fast the domain core derives obligations (obligations), or the SSDA903 commands run (ssda903)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        #if DEBUG
        context.console.warning("This is a debug build: figures are not representative. Use swift run -c release lineofsight bench \(signature.what).")
        #endif
        switch signature.what {
        case "obligations": try obligations(signature)
        case "ssda903": try ssda903(signature, console: context.console)
        default: throw UsageError("unknown benchmark “\(signature.what)”: use obligations or ssda903")
        }
    }

    private func obligations(_ signature: Signature) throws {
        let count = signature.children ?? 50_000
        guard count > 0 else { throw UsageError("--children must be above 0") }
        let journeys = SyntheticJourneys.generate(count: count, seed: UInt64(signature.seed ?? 42), today: CivilDate.today())
        let result = ObligationsBenchmark.run(journeys: journeys, standards: .defaults, calendar: .englandAndWales)
        print(result.description)
    }

    private func ssda903(_ signature: Signature, console: any Console) throws {
        let children = signature.children ?? 10_000
        guard children > 0 else { throw UsageError("--children must be above 0") }
        guard let ruleSet = SSDA903RuleSet(collectionYear: signature.year ?? 2026) else { throw UsageError("--year must be 2023 to 2027") }
        do {
            try SSDA903Benchmark(children: children, ruleSet: ruleSet, runs: signature.runs ?? 3, postgres: signature.postgres,
                                 python: signature.python).run { console.print($0) }
        } catch let error as BenchError {
            throw UsageError(error.description)
        }
    }
}
