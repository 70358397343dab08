import Fluent
import Foundation
import Vapor

/// `serve --demo`: migrate, load the demo authority into an empty database, and say how to sign in,
/// every time it starts.
enum DemoStartup {
    static func prepare(_ app: Application, children: Int = DemoAuthority.defaultChildCount) async throws {
        try await app.autoMigrate()
        // The demo authority is St Helens: placements outside its districts are out of area.
        if app.standards.homeDistricts.isEmpty { app.standards.homeDistricts = DemoAuthority.homeDistricts }
        if app.standards.districtCentres.isEmpty { app.standards.districtCentres = DemoAuthority.districtCentres }
        if try await Child.query(on: app.db).count() == 0 {
            let today = app.clock.today
            app.logger.notice("Loading the demo authority (as of \(today.iso)) into \(app.settings.database.description)…")
            try await DemoSeeder.seed(DemoAuthority.generate(today: today, childCount: children), today: today, now: app.clock.now, on: app.db, standards: app.standards)
        }
        let (host, port) = serveAddress(app.environment.arguments)
        let accounts = try await User.query(on: app.db).filter(\.$username ~~ Array(DemoAuthority.usernames.values)).filter(\.$active == true).sort(\.$username).all()
        var banner = "\nLineOfSight demo: open http://\(host):\(port)/ in your browser.\n"
        banner += "Sign in with any of these demo accounts (password: \(DemoAuthority.password)); the password exists only in demo data:\n"
        for account in accounts { banner += "  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.role.title)\n" }
        print(banner)
    }

    /// The address `serve` will bind, from its --hostname/-H and --port/-p options.
    static func serveAddress(_ arguments: [String]) -> (String, Int) {
        var host = "127.0.0.1", port = 8080
        for (index, argument) in arguments.enumerated() where index + 1 < arguments.count {
            if argument == "--hostname" || argument == "-H" { host = arguments[index + 1] }
            if argument == "--port" || argument == "-p", let value = Int(arguments[index + 1]) { port = value }
        }
        return (host, port)
    }
}
