import Fluent
import LineOfSightCore
import Vapor

/// The child register: list and search, the child's summary, and creating and editing a child.
struct ChildrenController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.children, use: list).allow(Role.childReaders)
        routes.get(SiteURL.newChild, use: newForm).allow(Role.childEditors)
        routes.post(SiteURL.newChild, use: create).allow(Role.childEditors)
        routes.get(SiteURL.child(.key), use: show).allow(Role.childReaders)
        routes.get(SiteURL.editChild(.key), use: editForm).allow(Role.childEditors)
        routes.post(SiteURL.editChild(.key), use: update).allow(Role.childEditors)
    }

    func list(req: Request) async throws -> Response {
        let query = ChildListQuery(req.queryParameters)
        let page = try await ChildDirectory.page(query.filter, scope: req.childScope(), page: query.page, on: req.sql)
        try await req.auditShown(page.rows.map(\.id), query.filter.text.isEmpty ? .list : .search, detail: query.auditDetail(page))
        let teams = try await Workforce.teamNames(on: req.sql)
        return ChildPages.list(context: PageContext(req), query: query, page: page, teams: teams, today: req.today)
    }

    func show(req: Request) async throws -> Response {
        let (child, stored) = try await req.visibleChild(reading: ChildJourneySummary.storedAlongside)
        let childID = try child.requireID()
        let allocations = try await AllocationHistory.of(child: childID, on: req.sql)
        try await req.audit(.read, entity: "child", entityID: childID, childID: childID, detail: "Viewed the child’s summary")
        let principal = try req.requirePrincipal()
        let journey = try await ChildJourneySummary.load(for: child, stored: stored, allocations: allocations, req: req)
        return ChildPages.summary(context: PageContext(req), child: child, allocations: allocations, journey: journey, today: req.today,
                                  canEdit: Role.childEditors.contains(principal.role), canAllocate: Role.allocators.contains(principal.role),
                                  flash: req.takeFlash())
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return ChildPages.form(context: PageContext(req), child: nil, form: restored.map(ChildForm.init) ?? ChildForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let form = ChildForm(req.form)
        switch form.validate(today: req.today, requireChildID: true) {
        case let .failure(errors):
            return ChildPages.form(context: PageContext(req), child: nil, form: form, errors: errors)
        case let .success(valid):
            let child = Child(id: UUID(), laChildID: valid.laChildID, firstName: valid.firstName, lastName: valid.lastName,
                              dateOfBirth: valid.dateOfBirth, expectedDateOfBirth: valid.expectedDateOfBirth,
                              sex: valid.sex, ethnicity: valid.ethnicity, upn: valid.upn, nhsNumber: valid.nhsNumber)
            do {
                let derivation = ChildDerivation(setup: req.application.standards, today: req.today)
                try await req.writeTransaction { db in
                    try await req.claimForm(leadingTo: .child(child.parameter), on: db)
                    try await child.create(on: db)
                    try await derivation.rederive(childID: child.requireID(), dateOfBirth: child.dateOfBirth, on: db)
                    try await req.audit(.create, entity: "child", entityID: child.id, childID: child.id, detail: "Added the child",
                                        after: try ChildDetails(child), on: db)
                }
            } catch where error.isUniqueViolation {
                // The same message whether or not this person may open the existing record, so it
                // says nothing about a record they cannot see.
                var errors = FieldErrors()
                errors.add(ChildForm.Field.laChildID, "LA child ID \(valid.laChildID) is already in use. Check the ID, or search the register for the child.")
                return ChildPages.form(context: PageContext(req), child: nil, form: form, errors: errors)
            }
            req.flash("Child added. Allocate them to a team next.")
            return req.redirect(to: .child(child.parameter))
        }
    }

    func editForm(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Opened the child’s details for editing")
        let restored = try await SavedForms.take(req)
        return ChildPages.form(context: PageContext(req), child: child, form: restored.map(ChildForm.init) ?? ChildForm(child), errors: FieldErrors())
    }

    func update(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        var form = ChildForm(req.form)
        form.values[.laChildID] = child.laChildID
        switch form.validate(today: req.today, requireChildID: false) {
        case let .failure(errors):
            return ChildPages.form(context: PageContext(req), child: child, form: form, errors: errors)
        case let .success(valid):
            let before = try ChildDetails(child)
            child.firstName = valid.firstName
            child.lastName = valid.lastName
            child.dateOfBirth = valid.dateOfBirth
            child.expectedDateOfBirth = valid.expectedDateOfBirth
            child.sex = valid.sex
            child.ethnicity = valid.ethnicity
            child.upn = valid.upn
            child.nhsNumber = valid.nhsNumber
            let after = try ChildDetails(child)
            guard before != after else {
                req.flash("Child’s details saved")
                return req.redirect(to: .child(child.parameter))
            }
            let openedAt = Int(form.values[.version]) ?? -1
            do {
                let derivation = ChildDerivation(setup: req.application.standards, today: req.today)
                try await req.writeTransaction { db in
                    try await req.claimForm(leadingTo: .child(child.parameter), on: db)
                    try await child.claimVersion(from: openedAt, on: db)
                    try await ChildDerivation.lock(childID: child.requireID(), on: db)
                    try await child.save(on: db)
                    // Timescales that count from the child's birth follow a corrected date of birth.
                    try await derivation.rederive(childID: child.requireID(), dateOfBirth: child.dateOfBirth, on: db)
                    try await req.audit(.update, entity: "child", entityID: child.id, childID: child.id, detail: "Changed the child’s details",
                                        before: before, after: after, on: db)
                }
            } catch is StaleRecord {
                // Keep what they typed; the form now carries the current version, so saving again
                // (after checking) replaces the other person's change knowingly.
                let current = try await req.visibleChild()
                form.values[.version] = String(current.version)
                var errors = FieldErrors()
                errors.add(ChildForm.Field.firstName, "Someone else changed this child’s details after you opened this page. Your changes have not been saved: check them against the child’s record, then save again.")
                return ChildPages.form(context: PageContext(req), child: current, form: form, errors: errors)
            }
            req.flash("Child’s details saved")
            return req.redirect(to: .child(child.parameter))
        }
    }
}

/// The query string of the children list (and of the API's list).
struct ChildListQuery: Sendable {
    var q: String
    var team: String
    var service: String
    var unallocated: Bool
    /// Any number is accepted; the directory brings it within the pages there are.
    var page: Int

    init(_ parameters: FormInput) {
        q = String((parameters["q"] ?? "").prefix(200))
        team = parameters["team"] ?? ""
        service = parameters["service"] ?? ""
        unallocated = parameters["unallocated"] == "yes"
        page = parameters.page
    }

    var filter: ChildFilter {
        ChildFilter(text: q.trimmed, teamID: UUID(text: team), workerID: nil,
                    service: Service(rawValue: service), unallocatedOnly: unallocated)
    }

    /// What the audit trail says was shown.
    func auditDetail(_ page: ChildDirectory.Page) -> String {
        var what = filter.text.isEmpty ? "Listed children" : "Searched children for “\(filter.text)”"
        what += ": \(page.total) found, page \(page.number) of \(page.pageCount) shown"
        return what
    }

    func href(page: Int) -> String {
        let filters = [("q", q), ("team", team), ("service", service), ("unallocated", unallocated ? "yes" : "")].filter { !$0.1.isEmpty }
        return SiteURL.children.path(query: filters + [("page", String(page))])
    }
}
