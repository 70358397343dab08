import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// Records, corrects and withdraws a child's events. Each change is one transaction: the child's
/// journey lock, the event, the re-derivation of the child's obligations and state, and the audit
/// row (before and after). Forms and the API both come through here.
struct JourneyWriter {
    let req: Request
    let child: Child
    /// A transaction already open, when several children's records are saved as one (a panel's
    /// decisions): each change still takes its child's lock, re-checks and audits, but they all
    /// stand or fall together. Nil: each change is its own transaction on the request's database.
    var db: (any Database)? = nil

    private var derivation: ChildDerivation { ChildDerivation(setup: req.application.standards, today: req.today) }

    /// What a record for this child is checked against: today, their date of birth and their
    /// journey (without `excluding`, the event being corrected).
    func context(excluding eventID: UUID? = nil) async throws -> RecordContext {
        RecordContext(today: req.today, dateOfBirth: child.dateOfBirth,
                      journey: try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, excluding: eventID, on: req.db))
    }

    func record(_ record: any JourneyRecord) async throws -> StoredEvent {
        let childID = try child.requireID()
        let event = StoredEvent(childID: childID, record: record, recordedBy: try req.requirePrincipal().userID, at: req.now)
        try await change(event, detail: "Recorded \(type(of: record).list.form.withArticle)", action: .create, before: nil, after: record, isNew: true) { db in
            try await event.create(on: db)
        }
        return event
    }

    /// Replaces the record of `event` to correct a mistake, refused with `StaleRecord` if it changed
    /// since `openedAt`.
    func correct(_ event: StoredEvent, to record: any JourneyRecord, openedAt: Int, reason: String) async throws {
        try await update(event, to: record, openedAt: openedAt, detail: "Corrected \(event.list.form.withArticle): \(reason)")
    }

    /// Replaces the record of `event` (a correction, or a later step such as an authorisation),
    /// refused with `StaleRecord` if it changed since `openedAt`; `effect` is what else the step
    /// changes, in the same transaction.
    func update(_ event: StoredEvent, to record: any JourneyRecord, openedAt: Int, detail: String, effect: StepEffect? = nil) async throws {
        let before = try event.decodedRecord()
        let (req, childID) = (req, try child.requireID())
        try await change(event, detail: detail, action: .update, before: before, after: record) { db in
            try await event.claimVersion(from: openedAt, on: db)
            event.replace(with: record, by: try req.requirePrincipal().userID, at: req.now)
            try await event.save(on: db)
            try await effect?(req, childID, record, db)
        }
    }

    /// Takes the event out of the journey, keeping it and the reason; refused with `StaleRecord`
    /// if it changed since `openedAt`, and with `WithdrawalBlocked` while other events belong to it.
    func withdraw(_ event: StoredEvent, openedAt: Int, reason: String) async throws {
        let before = try event.decodedRecord()
        try await change(event, detail: "Withdrew \(event.list.form.withArticle): \(reason)", action: .update, before: before, after: nil) { db in
            try await event.claimVersion(from: openedAt, on: db)
            if let blocked = try await dependents(of: event, on: db) { throw blocked }
            event.withdrawnReason = reason
            event.$changedBy.id = try req.requirePrincipal().userID
            event.changedAt = req.now
            try await event.save(on: db)
        }
    }

    /// What withdrawing `event` would leave without a place, if anything.
    private func dependents(of event: StoredEvent, on db: any Database) async throws -> WithdrawalBlocked? {
        guard JourneyList.allCases.contains(where: { $0.parent == event.list }) else { return nil }
        let childID = try child.requireID()
        let events = try await JourneyRows.events(of: [childID], on: db.sql)
        let journey = try ChildDerivation.journey(of: childID, dateOfBirth: child.dateOfBirth, events: events, allocations: [])
        return try WithdrawalBlocked(parent: event.list, id: event.requireID().text, events: events, journey: journey)
    }

    /// The change, its re-derivation and its audit row in one transaction under the child's lock.
    /// The record's checks against the rest of the journey (overlapping periods of care, a second
    /// open time missing) were made when the form was read, before the lock: they are made again
    /// here, so two people saving at once cannot both pass them.
    private func change(_ event: StoredEvent, detail: String, action: AuditAction, before: (any JourneyRecord)?, after: (any JourneyRecord)?,
                        isNew: Bool = false, _ write: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let childID = try child.requireID()
        let (dateOfBirth, derivation, req) = (child.dateOfBirth, derivation, req)
        let excluding = isNew ? nil : event.id
        // A form saved alone leads to the event's page; one of several saved at once leads where its caller says.
        let leadsTo: SiteURL? = self.db == nil ? .event(child: child.parameter, event: event.parameter) : nil
        let body: @Sendable (any Database) async throws -> Void = { db in
            if let leadsTo { try await req.claimForm(leadingTo: leadsTo, on: db) }
            try await ChildDerivation.lock(childID: childID, on: db)
            if let after {
                let journey = try await ChildDerivation.journey(of: childID, dateOfBirth: dateOfBirth, excluding: excluding, on: db)
                let problems = after.problems(in: RecordContext(today: req.today, dateOfBirth: dateOfBirth, journey: journey))
                guard problems.isEmpty else { throw RecordRefused(problems: problems) }
            }
            try await write(db)
            try await derivation.rederive(childID: childID, dateOfBirth: dateOfBirth, on: db)
            try await req.audit(action, entity: "event", entityID: event.id, childID: childID, detail: detail,
                                before: before, after: after, on: db)
        }
        // Inside a transaction already open (several children saved at once), that one is used.
        if let db { try await db.transaction(body) } else { try await req.writeTransaction(body) }
    }
}

/// A record that the rest of the journey, as it stood once the child's lock was taken, makes
/// impossible: someone saved a contradicting record between the form's check and this save.
struct RecordRefused: Error {
    let problems: [RecordProblem]
}

/// Events still belong to the one being withdrawn (moves recorded in a period of care): they
/// must be withdrawn first, so none is left without its place in the journey.
struct WithdrawalBlocked: Error {
    let parent: JourneyList
    let dependents: [JourneyList]

    /// Nil when nothing among `events` belongs to the event `id` of the `parent` list.
    init?(parent: JourneyList, id: String, events: [JourneyRows.Event], journey: Journey) throws {
        let recorded = try events.map { try $0.recorded() }
        let dependents = RecordedEvent.dependents(of: id, among: recorded, in: journey)
        guard !dependents.isEmpty else { return nil }
        self.parent = parent
        self.dependents = dependents.map { type(of: $0.record).list }
    }

    var message: String {
        let kinds = Set(dependents).sorted { $0.rawValue < $1.rawValue }.map { $0.form.name }
        let what = dependents.count == 1 ? "1 record (\(kinds[0])) belongs" : "\(dependents.count) records (\(kinds.joined(separator: ", "))) belong"
        let container = parent == .periodsOfCare ? "period of care" : parent.form.name
        return "\(what) to this \(container). Withdraw \(dependents.count == 1 ? "it" : "them") first."
    }
}
