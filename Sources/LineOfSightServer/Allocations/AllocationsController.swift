import Fluent
import LineOfSightCore
import SQLKit
import Vapor

/// Allocating a child to a team and worker. The open allocation is closed as the core defines
/// allocation periods (inclusive, gap-free), so the history records who was responsible on each day.
struct AllocationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.allocateChild(.key), use: form).allow(Role.allocators)
        routes.post(SiteURL.allocateChild(.key), use: allocate).allow(Role.allocators)
    }

    func form(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Opened the child’s allocation for changing")
        let current = try await currentAllocation(of: child, on: req.db)
        var form = AllocationForm(current: current, start: req.today)
        if let restored = try await SavedForms.take(req) { form = AllocationForm(restored) }
        return try await AllocationPages.form(req, child: child, current: current, form: form, errors: FieldErrors())
    }

    func allocate(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let childID = try child.requireID()
        let current = try await currentAllocation(of: child, on: req.db)
        var form = AllocationForm(req.form)
        let teams = try await Team.query(on: req.db).all()
        let staff = try await StaffMember.query(on: req.db).filter(\.$active == true).all()
        func stale() async throws -> Response {
            // Keep what they chose, against the allocation as it is now.
            let now = try await currentAllocation(of: child, on: req.db)
            form.values[.current] = now?.id?.text ?? ""
            var errors = FieldErrors()
            errors.add(AllocationForm.Field.team, "Someone else changed this child’s allocation after you opened this page. Check the current allocation, then save again.")
            return try await AllocationPages.form(req, child: child, current: now, form: form, errors: errors)
        }
        guard form.values[.current] == (current?.id?.text ?? "") else { return try await stale() }
        switch form.validate(teams: teams, staff: staff, current: current, today: req.today) {
        case let .failure(errors):
            return try await AllocationPages.form(req, child: child, current: current, form: form, errors: errors)
        case let .success(valid):
            do {
                let (derivation, dateOfBirth) = (ChildDerivation(setup: req.application.standards, today: req.today), child.dateOfBirth)
                try await req.writeTransaction { db in
                    try await req.claimForm(leadingTo: .child(.value(childID)), on: db)
                    try await ChildDerivation.lock(childID: childID, on: db)
                    try await Allocating.move(req, childID: childID, from: current, teamID: valid.teamID, workerID: valid.workerID,
                                              start: valid.start, detail: "Changed the child’s allocation", on: db)
                    // Who is responsible for each obligation follows the allocation.
                    try await derivation.rederive(childID: childID, dateOfBirth: dateOfBirth, on: db)
                }
            } catch let error where error is StaleRecord || error.isUniqueViolation {
                return try await stale()
            }
            req.flash("Allocation saved")
            return req.redirect(to: .child(.value(childID)))
        }
    }

    private func currentAllocation(of child: Child, on db: any Database) async throws -> StoredAllocation? {
        try await Allocating.current(of: child.requireID(), on: db)
    }
}

/// Allocating a child to a team and, usually, a worker.
struct AllocationForm: EntryForm {
    enum Field: String, FieldID {
        case team, worker, start = "start-date"
        /// The allocation that was current when the form was opened ("" for none): a save against
        /// any other is refused as stale.
        case current = "current-allocation"
    }

    var values: FormValues<Field>

    init(values: FormValues<Field>) {
        self.values = values
    }

    init(current: StoredAllocation?, start: CivilDate) {
        values = FormValues()
        values[.team] = current?.$team.id.text ?? ""
        values[.worker] = current?.$worker.id?.text ?? ""
        values[date: .start] = DateParts(start)
        values[.current] = current?.id?.text ?? ""
    }

    struct Valid {
        let teamID: UUID
        let workerID: UUID?
        let start: CivilDate
    }

    func validate(teams: [Team], staff: [StaffMember], current: StoredAllocation?, today: CivilDate) -> Result<Valid, FieldErrors> {
        var check = FormValidation(values)
        let team = check.record(.team, from: teams, id: \.id, required: "Select the team the child is allocated to", message: "Select the team the child is allocated to")
        let worker = check.record(.worker, from: staff, id: \.id, required: nil, message: "Select a worker from the list, or no worker")
        if let team, let worker, worker.$team.id != team.id { check.fail(.worker, "Select a worker who is a member of the chosen team") }
        let start = check.date(.start, name: "Start date", required: "Enter the date the allocation starts")
        if let start, start > today { check.fail(.start, "Start date must be today or in the past") }
        if let start, let current, start <= current.startDate {
            check.fail(.start, "Start date must be after the current allocation started, on \(DateText.long(current.startDate))")
        }
        if let current, current.$team.id == team?.id, current.$worker.id == worker?.id {
            check.fail(.worker, "The child is already allocated to this team and worker")
        }
        return check.result {
            guard let teamID = team?.id, let start else { return nil }
            return Valid(teamID: teamID, workerID: worker?.id, start: start)
        }
    }
}
