import Fluent
import LineOfSightCore
import Vapor

/// The child register (M1): list and search, the child's summary, and creating and editing a child.
struct ChildrenController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("children", use: list).allow(Role.childReaders)
        routes.get("children", "new", use: newForm).allow(Role.childEditors)
        routes.post("children", "new", use: create).allow(Role.childEditors)
        routes.get("children", ":childID", use: show).allow(Role.childReaders)
        routes.get("children", ":childID", "edit", use: editForm).allow(Role.childEditors)
        routes.post("children", ":childID", "edit", use: update).allow(Role.childEditors)
    }

    func list(req: Request) async throws -> Response {
        let query = try req.query.decode(ChildListQuery.self)
        let filter = query.filter
        let page = max(1, query.page ?? 1)
        let (rows, total) = try await ChildDirectory.page(filter, scope: req.childScope(), page: page, on: req.sql)
        if !filter.text.isEmpty {
            try await req.audit(.search, entity: "child", entityID: nil, childID: nil, detail: "Searched children for “\(filter.text)”: \(total) found")
        }
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        return ChildPages.list(context: PageContext(req), query: query, rows: rows, total: total, page: page, teams: teams, today: req.today)
    }

    func show(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let childID = try child.requireID()
        let allocations = try await StoredAllocation.query(on: req.db)
            .filter(\.$child.$id == childID)
            .with(\.$team).with(\.$worker)
            .sort(\.$startDate, .descending)
            .all()
        try await req.audit(.read, entity: "child", entityID: childID, childID: childID, detail: "Viewed the child’s summary")
        let principal = try req.requirePrincipal()
        return ChildPages.summary(context: PageContext(req), child: child, allocations: allocations, today: req.today,
                                  canEdit: Role.childEditors.contains(principal.role), canAllocate: Role.allocators.contains(principal.role),
                                  flash: req.takeFlash())
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return ChildPages.form(context: PageContext(req), child: nil, form: restored.map(ChildForm.init(fields:)) ?? ChildForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = ChildForm(fields: req.formFields())
        switch form.validate(today: req.today, requireChildID: true) {
        case let .failure(errors):
            return ChildPages.form(context: PageContext(req), child: nil, form: form, errors: errors)
        case let .success(valid):
            if try await Child.query(on: req.db).filter(\.$laChildID == valid.laChildID).first() != nil {
                var errors = FieldErrors()
                errors.add("la-child-id", "A child with LA child ID \(valid.laChildID) already exists")
                return ChildPages.form(context: PageContext(req), child: nil, form: form, errors: errors)
            }
            let child = Child(laChildID: valid.laChildID, firstName: valid.firstName, lastName: valid.lastName,
                              dateOfBirth: valid.dateOfBirth?.iso, expectedDateOfBirth: valid.expectedDateOfBirth?.iso,
                              sex: valid.sex, ethnicity: valid.ethnicity, upn: valid.upn, nhsNumber: valid.nhsNumber)
            try await req.db.transaction { db in
                try await child.create(on: db)
                try await req.audit(.create, entity: "child", entityID: child.id, childID: child.id, detail: "Added the child",
                                    after: try ChildDetails(child), on: db)
            }
            req.flash("Child added. Allocate them to a team next.")
            return req.redirect(to: "/children/\(try child.requireID())")
        }
    }

    func editForm(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Opened the child’s details for editing")
        let restored = try await SavedForms.take(req)
        return ChildPages.form(context: PageContext(req), child: child, form: restored.map(ChildForm.init(fields:)) ?? ChildForm(child), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        var form = ChildForm(fields: req.formFields())
        form.laChildID = child.laChildID
        switch form.validate(today: req.today, requireChildID: false) {
        case let .failure(errors):
            return ChildPages.form(context: PageContext(req), child: child, form: form, errors: errors)
        case let .success(valid):
            let before = try ChildDetails(child)
            child.firstName = valid.firstName
            child.lastName = valid.lastName
            child.dateOfBirth = valid.dateOfBirth?.iso
            child.expectedDateOfBirth = valid.expectedDateOfBirth?.iso
            child.sex = valid.sex
            child.ethnicity = valid.ethnicity
            child.upn = valid.upn
            child.nhsNumber = valid.nhsNumber
            let after = try ChildDetails(child)
            if before != after {
                try await req.db.transaction { db in
                    try await child.save(on: db)
                    try await req.audit(.update, entity: "child", entityID: child.id, childID: child.id, detail: "Changed the child’s details",
                                        before: before, after: after, on: db)
                }
            }
            req.flash("Child’s details saved")
            return req.redirect(to: "/children/\(try child.requireID())")
        }
    }
}

/// The query string of the children list.
struct ChildListQuery: Content {
    var q: String?
    var team: String?
    var service: String?
    var unallocated: String?
    var page: Int?

    var filter: ChildFilter {
        ChildFilter(text: q?.trimmed ?? "", teamID: team.flatMap(UUID.init(uuidString:)), workerID: nil,
                    service: service.flatMap(Service.init(rawValue:)), unallocatedOnly: unallocated == "yes")
    }

    func href(page: Int) -> String {
        var items: [URLQueryItem] = []
        if let q, !q.isEmpty { items.append(.init(name: "q", value: q)) }
        if let team, !team.isEmpty { items.append(.init(name: "team", value: team)) }
        if let service, !service.isEmpty { items.append(.init(name: "service", value: service)) }
        if unallocated == "yes" { items.append(.init(name: "unallocated", value: "yes")) }
        items.append(.init(name: "page", value: String(page)))
        var components = URLComponents()
        components.path = "/children"
        components.queryItems = items
        return components.string ?? "/children"
    }
}
