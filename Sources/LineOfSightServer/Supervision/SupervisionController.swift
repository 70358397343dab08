import Fluent
import Foundation
import LineOfSightCore
import SQLKit
import Vapor

/// Supervision as a record (M9). A manager records a session with a worker they supervise, then a
/// case discussion for each child discussed: the discussion is an event of the child's journey
/// (management oversight on their record and chronology) and its action joins the one action
/// model. The worker and the manager see the session; so do heads of service and directors.
struct SupervisionController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.supervision, use: index).allow(Role.supervisionUsers)
        routes.get(SiteURL.newSupervision, use: newForm).allow(Role.supervisors)
        routes.post(SiteURL.newSupervision, use: create).allow(Role.supervisors)
        routes.get(SiteURL.supervisionSession(.key), use: show).allow(Role.supervisionUsers)
        routes.get(SiteURL.caseDiscussion(.key), use: discussionForm).allow(Role.supervisors)
        routes.post(SiteURL.caseDiscussion(.key), use: recordDiscussion).allow(Role.supervisors)
    }

    // MARK: - Sessions

    func index(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let setup = req.application.standards
        var own: SupervisionFrequency?
        var sessions: [SupervisionSession] = []
        if let staffID = principal.staffID, let me = try await StaffMember.find(staffID, on: req.db) {
            own = try await SupervisionFrequency.of([me], setup: setup, on: req.sql).first
            sessions = try await SupervisionSession.query(on: req.db)
                .group(.or) { $0.filter(\.$supervisor.$id == staffID).filter(\.$supervisee.$id == staffID) }
                .with(\.$supervisor).with(\.$supervisee).sort(\.$date, .descending).limit(50).all()
        }
        let supervisees = try await superviseesFrequency(req)
        var teams: [(team: TeamName, count: SupervisionRecords.TeamCount)] = []
        if [.headOfService, .director].contains(principal.role) {
            let counts = try await SupervisionRecords.teamCounts(since: TrendMonth.yearBefore(req.today), on: req.sql)
            teams = try await Workforce.teamNames(on: req.sql).map { ($0, counts[$0.id] ?? SupervisionRecords.TeamCount(teamID: $0.id)) }
        }
        return SupervisionPages.index(context: PageContext(req), own: own, sessions: sessions, supervisees: supervisees, teams: teams,
                                      canRecord: Role.supervisors.contains(principal.role) && principal.staffID != nil,
                                      today: req.today, standards: setup.standards)
    }

    /// The supervision of the people the signed-in manager supervises (their manager is them).
    private func superviseesFrequency(_ req: Request) async throws -> [SupervisionFrequency] {
        let principal = try req.requirePrincipal()
        guard Role.supervisors.contains(principal.role), let staffID = principal.staffID else { return [] }
        return try await SupervisionFrequency.of(supervisees(of: staffID, on: req.db), setup: req.application.standards, on: req.sql)
    }

    func newForm(req: Request) async throws -> Response {
        let restored = try await SavedForms.take(req)
        return try await sessionPage(req, form: restored.map(SupervisionForm.init) ?? SupervisionForm(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let supervisorID = principal.staffID else { throw Abort(.forbidden) }
        let form = SupervisionForm(req.form)
        let supervisees = try await supervisees(of: supervisorID, on: req.db)
        switch form.validate(supervisees: supervisees, today: req.today) {
        case let .failure(errors):
            return try await sessionPage(req, form: form, errors: errors, supervisees: supervisees)
        case let .success(valid):
            let session = SupervisionSession(supervisorID: supervisorID, superviseeID: valid.superviseeID, date: valid.date, kind: valid.kind,
                                             recordedBy: principal.userID, at: req.now)
            session.id = UUID()
            let name = supervisees.first { $0.id == valid.superviseeID }?.fullName ?? "a worker"
            try await req.writeTransaction { db in
                try await req.claimForm(leadingTo: .supervisionSession(session.parameter), on: db)
                try await session.create(on: db)
                try await req.audit(.create, entity: "supervision", entityID: session.id, childID: nil,
                                    detail: "Recorded \(valid.kind.title.lowercased()) with \(name) on \(valid.date.long)", after: SessionSnapshot(session), on: db)
            }
            req.flash("Session recorded. Record a case discussion for each child you discussed.")
            return req.redirect(to: .supervisionSession(session.parameter))
        }
    }

    /// The active staff whose manager is `supervisorID`.
    private func supervisees(of supervisorID: UUID, on db: any Database) async throws -> [StaffMember] {
        try await StaffMember.active(inTeams: [], orManagedBy: supervisorID, on: db.sql)
    }

    private func sessionPage(_ req: Request, form: SupervisionForm, errors: FieldErrors, supervisees: [StaffMember]? = nil) async throws -> Response {
        guard let staffID = try req.requirePrincipal().staffID else {
            return SupervisionPages.noStaffRecord(context: PageContext(req))
        }
        let supervisees = if let supervisees { supervisees } else { try await self.supervisees(of: staffID, on: req.db) }
        return SupervisionPages.sessionForm(context: PageContext(req), form: form, supervisees: supervisees, errors: errors)
    }

    func show(req: Request) async throws -> Response {
        let session = try await req.visibleSession()
        let links = try await SupervisionRecords.links(of: [session.requireID()], on: req.sql)[session.requireID()] ?? []
        let discussions = try await SupervisionRecords.discussions(links, on: req.sql)
        let children = try await ChildDirectory.visibleChildren(discussions.map(\.childID), scope: req.childScope(), on: req.sql)
        try await req.auditShown(children.compactMap(\.id), .read, detail: "Read the case discussions of a supervision session")
        let owners = Set(discussions.flatMap { $0.actions.map(\.record.ownerID) })
        let people = try await People.load(staff: Set(owners.compactMap(UUID.init(text:)) + [session.$supervisor.id]), teams: [], on: req.db)
        return SupervisionPages.session(context: PageContext(req), session: session, discussions: discussions, children: children, people: people,
                                        canDiscuss: try req.requirePrincipal().staffID == session.$supervisor.id, today: req.today,
                                        flash: req.takeFlash())
    }

    // MARK: - Case discussions

    func discussionForm(req: Request) async throws -> Response {
        let session = try await req.supervisorsSession()
        let children = try await discussable(session, req)
        return SupervisionPages.discussionForm(context: PageContext(req), session: session, children: children, input: FormInput(),
                                               staff: try await EventChoices.activeStaff(on: req.db), errors: FieldErrors())
    }

    func recordDiscussion(req: Request) async throws -> Response {
        let session = try await req.supervisorsSession()
        let children = try await discussable(session, req)
        let staff = try await EventChoices.activeStaff(on: req.db)
        let input = req.form
        func page(_ errors: FieldErrors) -> Response {
            SupervisionPages.discussionForm(context: PageContext(req), session: session, children: children, input: input, staff: staff, errors: errors)
        }
        let read = try await CaseDiscussionEntry.read(input, session: session, children: children, staff: staff) { child in
            try await JourneyWriter(req: req, child: child).context()
        }
        let entry: CaseDiscussionEntry
        switch read {
        case let .failure(errors): return page(errors)
        case let .success(read): entry = read
        }
        let sessionID = try session.requireID()
        do {
            // The discussion, its action and its link to the session stand or fall together.
            try await req.writeTransaction { db in
                try await req.claimForm(leadingTo: .supervisionSession(session.parameter), on: db)
                let writer = JourneyWriter(req: req, child: entry.child, db: db)
                let discussion = try await writer.record(entry.discussion)
                try await SupervisionDiscussion(sessionID: sessionID, eventID: discussion.requireID()).create(on: db)
                guard var action = entry.action else { return }
                action.sourceID = try discussion.requireID().text
                _ = try await writer.record(action)
            }
        } catch let refused as RecordRefused {
            var errors = FieldErrors()
            CaseDiscussionEntry.place(CaseDiscussionEntry.discussionForm.errors(refused.problems), into: &errors)
            return page(errors)
        }
        req.flash("Case discussion recorded for \(entry.child.firstName) \(entry.child.lastName)")
        return req.redirect(to: .supervisionSession(session.parameter))
    }

    /// The children a session can discuss: those allocated to the worker supervised now, that the
    /// manager may open.
    private func discussable(_ session: SupervisionSession, _ req: Request) async throws -> [Child] {
        let allocated = try await StoredAllocation.query(on: req.db).filter(\.$worker.$id == session.$supervisee.id)
            .filter(\.$endDate == nil).all().map { $0.$child.id }
        let children = try await ChildDirectory.visibleChildren(allocated, scope: req.childScope(), on: req.sql)
            .sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }
        try await req.auditShown(children.compactMap(\.id), detail: "Listed the children of \(session.supervisee.fullName) to discuss in supervision")
        return children
    }
}

extension Request {
    /// The session in the address, if the signed-in person may see it: its supervisor and the
    /// worker supervised, heads of service and directors. Anyone else is told it does not exist.
    func visibleSession() async throws -> SupervisionSession {
        guard let id = parameters.get("sessionID", as: UUID.self),
              let session = try await SupervisionSession.query(on: db).filter(\.$id == id).with(\.$supervisor).with(\.$supervisee).first()
        else { throw Abort(.notFound) }
        let principal = try requirePrincipal()
        let own = principal.staffID != nil && [session.$supervisor.id, session.$supervisee.id].contains(principal.staffID!)
        guard own || [.headOfService, .director].contains(principal.role) else { throw Abort(.notFound) }
        return session
    }

    /// The session in the address, if the signed-in person led it: only its supervisor records its discussions.
    func supervisorsSession() async throws -> SupervisionSession {
        let session = try await visibleSession()
        guard try requirePrincipal().staffID == session.$supervisor.id else { throw Abort(.forbidden) }
        return session
    }
}

/// What the audit trail keeps of a session.
struct SessionSnapshot: Codable, Sendable {
    let supervisorID: UUID
    let superviseeID: UUID
    let date: CivilDate
    let kind: String

    init(_ session: SupervisionSession) {
        supervisorID = session.$supervisor.id
        superviseeID = session.$supervisee.id
        date = session.date
        kind = session.kind.rawValue
    }
}
