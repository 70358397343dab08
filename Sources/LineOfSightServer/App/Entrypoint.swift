import Fluent
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

/// The `lineofsight` executable: Vapor's command line (`serve`, `migrate`, `routes`) plus ours.
public enum LineOfSightMain {
    public static func run() async {
        // Tasks run on the event loops themselves, so a request no longer hops between NIO's threads
        // and Swift's for every query it awaits. Done first, before anything else awaits; nothing here
        // blocks an event loop with `.wait()`.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        if let status = await DomainCommands.runIfDomainCommand(CommandLine.arguments) { exit(status) }
        do {
            var env = try Environment.detect()
            // `serve --demo`: our flag on Vapor's serve command, taken out before Vapor parses the rest.
            let demo = env.arguments.contains("--demo")
            env.arguments.removeAll { $0 == "--demo" }
            // `serve --demo --children N`: a larger (or smaller) authority, for measuring.
            var demoChildren = DemoAuthority.defaultChildCount
            if let flag = env.arguments.firstIndex(of: "--children"), flag + 1 < env.arguments.count {
                guard let count = Int(env.arguments[flag + 1]), (1...100_000).contains(count) else {
                    throw UsageError("--children must be a number of children from 1 to 100000")
                }
                demoChildren = count
                env.arguments.removeSubrange(flag...(flag + 1))
            }
            try LoggingSystem.bootstrap(from: &env)
            let settings = try Settings.fromEnvironment()
            let app = try await Application.make(env)
            do {
                try await configure(app, settings: settings)
                Commands.register(app)
                try await DatabaseSetup.checkReachable(app, settings.database)
                let serving = env.arguments.dropFirst().first == "serve"
                if demo {
                    try await DemoStartup.prepare(app, children: demoChildren)
                } else if serving {
                    try await DatabaseSetup.checkMigrated(app)
                }
                if serving {
                    try await app.rederivingEveryone { db, reader in
                        try await Rederivation.ifBasisChanged(setup: app.standards, today: app.clock.today, on: db, reading: reader, logger: app.logger)
                    }
                    DatabaseSetup.prepareForServing(app)
                }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            do {
                try await app.execute()
                try await app.asyncShutdown()
            } catch let ended as CommandExit {
                try? await app.asyncShutdown()
                exit(ended.status)
            } catch {
                // Vapor's command runner has already reported it.
                try? await app.asyncShutdown()
                exit(1)
            }
        } catch {
            FileHandle.standardError.write(Data("lineofsight: \(error)\n".utf8))
            exit(1)
        }
    }
}
