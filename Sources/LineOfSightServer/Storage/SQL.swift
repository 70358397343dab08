import Fluent
import SQLKit
import Vapor

/// Both drivers (SQLite, PostgreSQL) are SQL databases; reporting queries use SQLKit through this.
extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
}

extension Request {
    var sql: any SQLDatabase { db.sql }
}
