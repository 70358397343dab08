import Fluent
import Foundation
import LineOfSightCore
import LineOfSightReturns
import SQLKit

/// Brings a council's SSDA903 return into its children's journeys, through the same event store
/// and re-derivation as the forms, in one transaction: any problem leaves the database as it was.
/// Each imported event's id is made from the child, its kind and its date, so importing the same
/// return again finds every event already there and changes nothing, and a later year's return
/// updates what it continues (a period of care it ends) and adds the rest.
struct SSDA903Importer {
    let setup: StandardsFile
    let now: Date
    /// Decides the collection year whose return errors are stored for the children imported
    /// (`ReturnFindingRows`); without it, each child's page works them out when shown.
    var today: CivilDate? = nil
    /// Whom the events and the audit trail name: the person who imported the return in the
    /// browser, or else the import command's own account (`CommandAccount`).
    var account: User? = nil
    /// Told once the return is planned and after each batch of children, for a large return: the
    /// command line prints it, the browser's import shows it on its status page.
    var progress: @Sendable (Progress) -> Void

    /// How far an import has gone: children written of those the return holds.
    struct Progress: Sendable, Equatable, CustomStringConvertible {
        let done: Int
        let total: Int

        var description: String { "Imported \(done.formatted()) of \(total.formatted()) children" }
    }

    struct Summary: Sendable {
        var childrenAdded = 0, childrenChanged = 0, childrenUnchanged = 0
        var eventsRecorded = 0, eventsUpdated = 0, eventsKept = 0
        var allocationsRecorded = 0, workersUnknown = 0, allocationsOverlapping = 0
        var leftOut: [String] = []

        /// What the command prints.
        var lines: [String] {
            var lines = [
                "Children: \(childrenAdded.formatted()) added, \(childrenChanged.formatted()) already recorded and changed, \(childrenUnchanged.formatted()) unchanged.",
                "Events: \(eventsRecorded.formatted()) recorded, \(eventsUpdated.formatted()) updated, \(eventsKept.formatted()) kept as people recorded or withdrew them.",
            ]
            if allocationsRecorded + workersUnknown + allocationsOverlapping > 0 {
                lines.append("Allocations: \(allocationsRecorded.formatted()) recorded from SWEpisodes.")
            }
            if workersUnknown > 0 {
                lines.append("SWEpisodes: \(workersUnknown.formatted()) \(workersUnknown == 1 ? "row" : "rows") skipped: no member of staff in a team has that social worker ID (SW_ID).")
            }
            if allocationsOverlapping > 0 {
                lines.append("SWEpisodes: \(allocationsOverlapping.formatted()) \(allocationsOverlapping == 1 ? "row" : "rows") skipped: the child was allocated to someone else at the time.")
            }
            lines += leftOut.map { "Left out: \($0)." }
            return lines
        }
    }

    func run(_ current: SSDA903Return, ruleSet: SSDA903RuleSet, previous: SSDA903Return?, source: String, on db: any Database) async throws -> Summary {
        let summary = try await db.transaction { db in
            let account: User
            if let given = self.account { account = given } else { account = try await CommandAccount.importer(on: db) }
            let actor = try Audit.Actor(user: account)
            let known = try await knownChildren(SSDA903JourneyImport.childIDs([previous, current].compactMap { $0 }), on: db)
            let stored = try await storedEvents(of: known.values.map(\.id), on: db)
            let recorded = try known.mapValues { child in
                let events = try (stored.byChild[child.id] ?? []).filter { $0.withdrawn_reason == nil }
                    .map { try $0.recorded() }
                return SSDA903JourneyImport.Recorded(dateOfBirth: child.dateOfBirth, events: events)
            }
            let plan = try SSDA903JourneyImport(current: current, ruleSet: ruleSet, previous: previous, recorded: recorded)
            let workers = try await socialWorkers(Set(plan.children.flatMap { $0.socialWorkers.map(\.socialWorkerID) }), on: db)
            let allocations = known.isEmpty ? [:]
                : Dictionary(grouping: try await JourneyRows.allocations(of: known.values.map(\.id), on: db.sql), by: \.child_id)
                    .mapValues { $0.map(\.core) }
            var summary = Summary(leftOut: plan.leftOut)
            var done = 0
            progress(Progress(done: 0, total: plan.children.count))
            for batch in plan.children.chunked(Rederivation.batchSize) {
                try await write(Array(batch), known: known, stored: stored, workers: workers, allocations: allocations, ruleSet: ruleSet,
                                account: account, actor: actor, summary: &summary, on: db)
                done += batch.count
                progress(Progress(done: done, total: plan.children.count))
            }
            try await Audit.record(.create, entity: "import", entityID: nil, childID: nil,
                                   detail: "Imported the SSDA903 return for \(ruleSet.years) from \(source). " + summary.lines.joined(separator: " "),
                                   by: actor, at: now, on: db)
            return summary
        }
        // A whole authority may just have been written: a council's first import.
        await TableStatistics.refreshAfterBulkLoad(on: db)
        return summary
    }

    /// One batch of children: new children, their new and updated events, the re-derivation of
    /// every child that changed, and an audit row for each.
    private func write(_ children: [SSDA903JourneyImport.Child], known: [String: KnownChild], stored: StoredEvents, workers: [String: Worker],
                       allocations: [UUID: [Allocation]], ruleSet: SSDA903RuleSet,
                       account: User, actor: Audit.Actor, summary: inout Summary, on db: any Database) async throws {
        var added: [Child] = [], changed: [(id: UUID, dateOfBirth: CivilDate?)] = []
        var inserts: [(id: UUID, childID: UUID, record: any JourneyRecord, recordedAt: Date)] = []
        var updates: [(id: UUID, record: any JourneyRecord, before: any JourneyRecord)] = []
        var audit: [Audit.Entry] = []
        var allocated: [UUID: [Allocation]] = [:]
        for child in children {
            let existing = known[child.laChildID]
            let childID = existing?.id ?? UUID()
            let alreadyThere = Set((stored.byChild[childID] ?? []).filter { $0.withdrawn_reason == nil }.map { Self.key($0.list, $0.date ?? "") })
            var recorded = 0, updated = 0
            for record in child.records {
                let id = ImportedEventID.make(child: childID, record: record)
                if let old = stored.byID[id] {
                    guard old.withdrawn_reason == nil else { summary.eventsKept += 1; continue }
                    // Most events of a return imported before are as it left them: no need to merge.
                    guard String(decoding: record.encoded(), as: UTF8.self) != old.record else { continue }
                    let before = try old.decodedRecord()
                    let merged = SSDA903JourneyImport.merged(record, onto: before)
                    guard String(decoding: merged.encoded(), as: UTF8.self) != old.record else { continue }
                    updates.append((id, merged, before))
                    updated += 1
                } else if alreadyThere.contains(Self.key(type(of: record).list.rawValue, record.date.iso)) {
                    summary.eventsKept += 1
                } else {
                    inserts.append((id, childID, record, now))
                    recorded += 1
                }
            }
            for span in child.socialWorkers {
                guard let worker = workers[span.socialWorkerID] else { summary.workersUnknown += 1; continue }
                let allocation = Allocation(teamID: worker.team_id.text, workerID: worker.id.text, start: span.start, end: span.end)
                let held = (allocations[childID] ?? []) + (allocated[childID] ?? [])
                if held.contains(where: { $0.workerID == allocation.workerID && $0.start == allocation.start }) { continue }
                if held.contains(where: { $0.start <= (allocation.end ?? $0.start) && allocation.start <= ($0.end ?? allocation.start) }) {
                    summary.allocationsOverlapping += 1
                    continue
                }
                allocated[childID, default: []].append(allocation)
            }
            let allocationsAdded = allocated[childID]?.count ?? 0
            summary.allocationsRecorded += allocationsAdded
            summary.eventsRecorded += recorded
            summary.eventsUpdated += updated
            if let existing {
                guard recorded + updated + allocationsAdded > 0 else { summary.childrenUnchanged += 1; continue }
                summary.childrenChanged += 1
                changed.append((childID, existing.dateOfBirth))
            } else {
                let details = child.details!
                added.append(Child(id: childID, laChildID: child.laChildID, firstName: "Child", lastName: child.laChildID,
                                   dateOfBirth: details.dateOfBirth, expectedDateOfBirth: nil, sex: Sex(rawValue: details.sex) ?? .unknown,
                                   ethnicity: details.ethnicity, upn: details.upn, nhsNumber: nil))
                summary.childrenAdded += 1
            }
            let what = "\(recorded) \(recorded == 1 ? "event" : "events") recorded" + (updated > 0 ? ", \(updated) updated" : "")
                + (allocationsAdded > 0 ? ", \(allocationsAdded) \(allocationsAdded == 1 ? "allocation" : "allocations") recorded" : "")
            audit.append(Audit.Entry(existing == nil ? .create : .update, entity: "child", entityID: childID, childID: childID,
                                     detail: "Imported from the SSDA903 return for \(ruleSet.years): \(what)"))
        }
        // The children added are derived from the events about to be written, as
        // `JourneyRows.events` would read them back (by date, then id: they share one recording
        // time); the others, after, from everything they have. Their derivation, then their
        // return check, run on every core while the rows are written: most of the batch's time
        // is the writing, one statement after another.
        let derivation = ChildDerivation(setup: setup)
        let written = Dictionary(grouping: inserts, by: \.childID)
        let toDerive = try added.map { child in
            let childID = try child.requireID()
            let events = (written[childID] ?? []).map { RecordedEvent(id: $0.id.text, record: $0.record) }
                .sorted { ($0.record.date, $0.id) < ($1.record.date, $1.id) }
            return (childID, child.dateOfBirth, events, (allocated[childID] ?? []).sorted { $0.start < $1.start })
        }
        let deriving = Task {
            try await toDerive.mapOnEveryCore { childID, dateOfBirth, events, allocations in
                (childID, derivation.derived(childID: childID, dateOfBirth: dateOfBirth, recorded: events, allocations: allocations))
            }
        }
        try await Child.insert(added, at: now, on: db)
        _ = try await ChildDerivation.lock(changed.map(\.id), on: db)
        let rows = allocated.flatMap { childID, spans in
            spans.map { StoredAllocation(childID: childID, teamID: UUID(text: $0.teamID)!, workerID: $0.workerID.flatMap(UUID.init(text:)),
                                         startDate: $0.start, endDate: $0.end) }
        }
        try await StoredAllocation.insert(rows, on: db)
        try await AllocationHistory.markChangesOfWorker(children: Array(allocated.keys), on: db.sql)
        // The check reads the children's details and allocations, written now.
        let checking = try await ReturnFindingRows.begin(toDerive.map { .init(childID: $0.0, events: $0.2, recordDigest: nil) }, today: today, on: db.sql)
        try await StoredEvent.insert(inserts, recordedBy: try account.requireID(), on: db)
        for update in updates {
            try await db.sql.update(StoredEvent.schema)
                .set("record", to: SQLBind(String(decoding: update.record.encoded(), as: UTF8.self)))
                .set("date", to: SQLBind(update.record.date.iso))
                .set(SQLColumn("version"), to: SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1")))
                .set("changed_by", to: SQLBind(try account.requireID()))
                .set("changed_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(update.id))
                .run()
            audit.append(Audit.Entry(.update, entity: "event", entityID: update.id, childID: nil,
                                     detail: "Updated \(type(of: update.record).list.form.withArticle) from the SSDA903 return for \(ruleSet.years)",
                                     before: update.before, after: update.record))
        }
        try await DerivedRows.replace(try await deriving.value, on: db.sql)
        try await Rederivation.rederive(changed, setup: setup, today: today, on: db)
        try await Audit.record(audit, by: actor, at: now, on: db)
        try await checking.store(on: db.sql)
    }

    // MARK: - What is recorded already

    struct KnownChild: Decodable {
        let id: UUID
        let la_child_id: String
        let date_of_birth: String?

        var dateOfBirth: CivilDate? { date_of_birth.flatMap(CivilDate.init(iso:)) }
    }

    /// The recorded children among `ids` (LA child IDs), locked until the import ends, so no form
    /// changes their journeys meanwhile.
    private func knownChildren(_ ids: [String], on db: any Database) async throws -> [String: KnownChild] {
        var known: [String: KnownChild] = [:]
        for chunk in ids.chunked(500) {
            let rows = try await db.sql.select().columns("id", "la_child_id", "date_of_birth").from(Child.schema)
                .where("la_child_id", .in, SQLBind.group(Array(chunk)))
                .for(.update)
                .all(decoding: KnownChild.self)
            for row in rows { known[row.la_child_id] = row }
        }
        return known
    }

    /// The key an import matches an event on: its kind and its date.
    static func key(_ list: String, _ date: String) -> String { list + " " + date }

    struct Worker: Decodable {
        let id: UUID
        let team_id: UUID
        let sw_id: String
    }

    /// The members of staff in a team whose social worker IDs are among `ids`, by ID.
    private func socialWorkers(_ ids: Set<String>, on db: any Database) async throws -> [String: Worker] {
        var workers: [String: Worker] = [:]
        for chunk in Array(ids).chunked(500) {
            let rows = try await db.sql.select().columns("id", "team_id", "sw_id").from(StaffMember.schema)
                .where("sw_id", .in, SQLBind.group(Array(chunk))).where("team_id", .isNot, SQLLiteral.null)
                .all(decoding: Worker.self)
            for row in rows { workers[row.sw_id] = row }
        }
        return workers
    }

    struct StoredEvents {
        var byID: [UUID: JourneyRows.Event] = [:]
        var byChild: [UUID: [JourneyRows.Event]] = [:]
    }

    /// Every event of the children, withdrawn ones too (an import never brings one back), in date order.
    private func storedEvents(of children: [UUID], on db: any Database) async throws -> StoredEvents {
        var stored = StoredEvents()
        for chunk in children.chunked(500) {
            let rows = try await db.sql.select().columns("id", "child_id", "list", "date", "record", "withdrawn_reason").from(StoredEvent.schema)
                .where("child_id", .in, SQLBind.group(Array(chunk)))
                .orderBy("date").orderBy("recorded_at").orderBy("id")
                .all(reading: JourneyRows.Event.init)
            for row in rows {
                stored.byID[row.id] = row
                stored.byChild[row.child_id, default: []].append(row)
            }
        }
        return stored
    }
}

extension SSDA903RuleSet {
    /// "2025 to 2026": the collection year as people say it.
    var years: String { "\(collectionYear - 1) to \(collectionYear)" }
}
