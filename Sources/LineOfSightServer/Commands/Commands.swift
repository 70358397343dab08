import Vapor

/// Our commands beside Vapor's `serve`, `routes` and Fluent's `migrate`.
enum Commands {
    static func register(_ app: Application) {
        app.asyncCommands.use(UsersCommand(), as: "users")
        app.asyncCommands.use(RederiveCommand(), as: "obligations")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(ExportCommand(), as: "export")
    }
}

/// Vapor's runner logs whatever error a command ends with; a command that ends with its own exit
/// status has said why already, so the log gets it only at trace level.
extension CommandExit: DebuggableError {
    var identifier: String { "exit" }
    var reason: String { "exit status \(status)" }
    var logLevel: Logger.Level { .trace }
}
