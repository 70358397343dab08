import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// The server's half of the data flow: a child's stored events and allocations → the core's
/// `Journey` → `derive` → the stored obligations and state. No date arithmetic here.
struct ChildDerivation: Sendable {
    let setup: StandardsFile
    /// Today, for the return errors a record would raise in the SSDA903 return of the collection
    /// year containing it (`ReturnFindingRows`), stored with the obligations. Without it the stored
    /// ones are removed, and the child's page works them out when it is shown.
    var today: CivilDate? = nil

    /// The child's journey from their stored events (withdrawn ones left out, and `excluding` if
    /// given) and allocation history.
    static func journey(of childID: UUID, dateOfBirth: CivilDate?, excluding: UUID? = nil, on db: any Database) async throws -> Journey {
        let events = try await JourneyRows.events(of: [childID], excluding: excluding, on: db.sql)
        let allocations = try await JourneyRows.allocations(of: [childID], on: db.sql)
        return try journey(of: childID, dateOfBirth: dateOfBirth, events: events, allocations: allocations)
    }

    /// The projection of already-loaded events (in date order, none withdrawn) and allocations.
    static func journey(of childID: UUID, dateOfBirth: CivilDate?, events: [JourneyRows.Event], allocations: [JourneyRows.Allocation]) throws -> Journey {
        Journey(childID: childID.text, dateOfBirth: dateOfBirth, events: try recorded(events), allocations: allocations.map(\.core))
    }

    private static func recorded(_ events: [JourneyRows.Event]) throws -> [RecordedEvent] {
        return try events.map { try $0.recorded() }
    }

    /// Everything stored from one child's record: their obligations, state and, if they are or
    /// were looked after, the summary the care lists read.
    struct Derived {
        let derivation: Derivation
        let state: ChildState
        let care: CareSummary?
        let permanence: PermanenceSummary?
        let legal: LegalSummary?
        let transfers: TransferSummary
        /// The team holding the case (the open allocation's), kept with a wait for a transfer: the
        /// tracker's "waiting in duty" is the waits of children held by front door and duty teams.
        let team: UUID?
        /// Of the child's obligation rows (`DerivedRows.obligationsDigest`), worked out with the derivation,
        /// which re-deriving everyone runs on every core.
        let obligationsDigest: String
        /// Of the child's summary rows (`SummaryTable.digest`), worked out likewise.
        private(set) var summariesDigest = ""
        /// The events it was derived from, for the return errors (`ReturnFindingRows`).
        let recorded: [RecordedEvent]
        /// Of those the return reads, as stored (`ReturnFindingRows.recordDigest`), when they were
        /// read from the database rather than just written.
        let recordDigest: String?

        init(childID: UUID, derivation: Derivation, state: ChildState, care: CareSummary?, permanence: PermanenceSummary?, legal: LegalSummary?,
             transfers: TransferSummary, team: UUID?, recorded: [RecordedEvent], recordDigest: String?) {
            self.derivation = derivation; self.state = state; self.care = care; self.permanence = permanence; self.legal = legal
            self.transfers = transfers; self.team = team; self.recorded = recorded; self.recordDigest = recordDigest
            obligationsDigest = DerivedRows.obligationsDigest(childID, derivation)
            summariesDigest = SummaryTable.digest(childID, self)
        }

        /// The child's record for their return check.
        func subject(_ childID: UUID) -> ReturnFindingRows.Subject {
            ReturnFindingRows.Subject(childID: childID, events: recorded, recordDigest: recordDigest)
        }
    }

    /// What the already-loaded events (in date order, none withdrawn) and allocations derive.
    func derived(childID: UUID, dateOfBirth: CivilDate?, events: [JourneyRows.Event], allocations: [JourneyRows.Allocation]) throws -> Derived {
        derived(childID: childID, dateOfBirth: dateOfBirth, recorded: try Self.recorded(events), allocations: allocations.map(\.core),
                recordDigest: ReturnFindingRows.recordDigest(events))
    }

    /// What events already decoded (in the order `JourneyRows.events` reads them) and
    /// allocations derive: an import derives the children it adds from what it has just written.
    func derived(childID: UUID, dateOfBirth: CivilDate?, recorded events: [RecordedEvent], allocations: [Allocation],
                 recordDigest: String? = nil) -> Derived {
        let journey = Journey(childID: childID.text, dateOfBirth: dateOfBirth, events: events, allocations: allocations)
        let derivation = derive(journey, standards: setup.standards, calendar: setup.calendar)
        return Derived(childID: childID, derivation: derivation, state: ChildState(journey: journey, derivation: derivation),
                       care: CareSummary(journey: journey, derivation: derivation, events: events),
                       permanence: PermanenceSummary(journey: journey, derivation: derivation, events: events),
                       legal: LegalSummary(journey: journey, derivation: derivation, events: events),
                       transfers: TransferSummary(journey: journey, derivation: derivation, events: events, calendar: setup.calendar),
                       team: allocations.last { $0.end == nil }.flatMap { UUID(text: $0.teamID) }, recorded: events,
                       recordDigest: recordDigest)
    }

    /// Re-derives the child's obligations, state and care summary (and, given `today`, the return
    /// errors their record would raise) and replaces the stored rows.
    /// Call it inside the transaction that changed the child's events or allocations.
    @discardableResult
    func rederive(childID: UUID, dateOfBirth: CivilDate?, on db: any Database) async throws -> Derivation {
        let derived = try derived(childID: childID, dateOfBirth: dateOfBirth,
                                  events: try await JourneyRows.events(of: [childID], on: db.sql),
                                  allocations: try await JourneyRows.allocations(of: [childID], on: db.sql))
        try await DerivedRows.replace(childID: childID, derived: derived, on: db.sql)
        try await ReturnFindingRows.replace([derived.subject(childID)], today: today, on: db.sql)
        return derived.derivation
    }

    /// Takes the child's journey lock: the first write of a transaction that changes their events.
    static func lock(childID: UUID, on db: any Database) async throws {
        _ = try await lock([childID], on: db)
    }

    /// Takes these children's journey locks, moving each one's version on; returns the versions
    /// now (a child no longer there is not in them). Whoever read a child's record at the version
    /// before knows from this that nothing changed it since (`Rederivation.all`).
    static func lock(_ children: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var versions: [UUID: Int] = [:]
        for chunk in children.chunked(500) {
            for (id, version) in try await db.sql.update(Child.schema)
                .set(SQLColumn("journey_version"), to: SQLBinaryExpression(SQLColumn("journey_version"), .add, SQLLiteral.numeric("1")))
                .where("id", .in, SQLBind.group(Array(chunk)))
                .returning(SQLColumn("id"), SQLColumn("journey_version"))
                .all(reading: { columns in (try columns.uuid("id"), try columns.int("journey_version")) }) {
                versions[id] = version
            }
        }
        return versions
    }
}
