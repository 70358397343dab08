import Fluent
import SQLKit
import Vapor

extension Request {
    func childScope() throws -> ChildScope {
        ChildScope.of(try requirePrincipal(), today: today)
    }

    /// The child named in the path, if this person may open it. An unknown child and one outside
    /// their access look the same (404), so the existence of a record is not disclosed; the refusal is audited.
    func visibleChild() async throws -> Child {
        try await visibleChild(reading: .nothing).child
    }

    /// The same, with what `alongside` reads beside the record in the same statement.
    func visibleChild<Value>(reading alongside: ChildAlongside<Value>) async throws -> (child: Child, alongside: Value) {
        guard let id = parameters.get("childID", as: UUID.self) else { throw Abort(.notFound) }
        // One query finds the child and checks access; only a refusal costs a second, to tell an
        // unknown child (not audited) from one outside this person's access (audited).
        if let found = try await ChildDirectory.visibleChild(id, scope: childScope(), alongside: alongside, on: sql) { return found }
        if try await Child.find(id, on: db) != nil {
            try await audit(.refused, entity: "child", entityID: id, childID: id, detail: "Opening \(url.path) refused: outside the user's access")
        }
        throw Abort(.notFound)
    }
}
