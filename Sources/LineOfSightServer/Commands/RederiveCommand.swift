import ConsoleKit
import Foundation
import Vapor

/// `lineofsight obligations rederive`: re-derives every child's obligations from their record, after
/// a change to the council's standards file or to a rule. Start-up does the same by itself when it
/// sees the basis changed; this is for doing it at a time of the council's choosing.
struct RederiveCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rederive")
        var action: String
    }

    var help: String { "Re-derives every child's obligations: obligations rederive" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "rederive" else { throw UsageError("Unknown action \(signature.action): use rederive") }
        let app = context.application
        try await DatabaseSetup.checkMigrated(app)
        let started = Date()
        try await app.rederivingEveryone { db, reader in
            try await Rederivation.all(setup: app.standards, today: app.clock.today, on: db, reading: reader) { done, total in
                context.console.print("Re-derived \(done) of \(total) children")
            }
        }
        context.console.print(String(format: "Done in %.1f s.", Date().timeIntervalSince(started)))
    }
}
