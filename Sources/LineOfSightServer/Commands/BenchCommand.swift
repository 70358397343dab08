import ConsoleKit
import LineOfSightCore

/// `lineofsight bench obligations --children 50000`: derives every obligation for synthetic journeys
/// as rich as real ones and prints the time, the count and the peak memory. A benchmark, not a test:
/// run it from a release build (`swift run -c release lineofsight bench obligations`).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "obligations")
        var what: String
        @Option(name: "children", help: "How many synthetic children (default 50000)")
        var children: Int?
        @Option(name: "seed", help: "Seed of the synthetic journeys (default 42)")
        var seed: Int?
    }

    var help: String { "Measures how fast the domain core derives obligations" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "obligations" else { throw UsageError("unknown benchmark “\(signature.what)”: use obligations") }
        let count = signature.children ?? 50_000
        guard count > 0 else { throw UsageError("--children must be above 0") }
        #if DEBUG
        context.console.warning("This is a debug build: figures are not representative. Use swift run -c release lineofsight bench obligations.")
        #endif
        let journeys = SyntheticJourneys.generate(count: count, seed: UInt64(signature.seed ?? 42), today: CivilDate.today())
        let result = ObligationsBenchmark.run(journeys: journeys, standards: .defaults, calendar: .englandAndWales)
        print(result.description)
    }
}
