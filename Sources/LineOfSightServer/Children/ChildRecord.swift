import Fluent
import SQLKit
import Vapor

extension Request {
    func childScope() async throws -> ChildScope {
        try await ChildScope.of(requirePrincipal(), on: db, today: today)
    }

    /// The child named in the path, if this person may open it. An unknown child and one outside
    /// their access look the same (404), so the existence of a record is not disclosed; the refusal is audited.
    func visibleChild() async throws -> Child {
        guard let id = parameters.get("childID", as: UUID.self), let child = try await Child.find(id, on: db) else {
            throw Abort(.notFound)
        }
        guard try await ChildDirectory.isVisible(id, scope: childScope(), on: sql) else {
            try await audit(.refused, entity: "child", entityID: id, childID: id, detail: "Opening \(url.path) refused: outside the user's access")
            throw Abort(.notFound)
        }
        return child
    }
}
