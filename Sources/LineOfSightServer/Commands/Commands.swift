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
