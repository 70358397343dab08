import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// One recorded event of a child's journey (see `JourneyRecord`): its kind's list, its main date
/// for ordering, and the record as its own JSON. Corrections update it (the audit trail keeps
/// before and after); a withdrawn event keeps its row and its reason and leaves the journey.
final class StoredEvent: Model, Versioned, @unchecked Sendable {
    static let schema = "journey_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "child_id") var child: Child
    @Enum(key: "list") var list: JourneyList
    @Field(key: "date") var date: CivilDate
    /// The record's JSON (`JourneyRecord.encoded()`).
    @Field(key: "record") var recordJSON: String
    /// Marked by a worker as a significant event for the chronology.
    @Field(key: "significant") var significant: Bool
    @Field(key: "version") var version: Int
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalParent(key: "changed_by") var changedBy: User?
    @OptionalField(key: "changed_at") var changedAt: Date?
    /// Set when the event is withdrawn: it then leaves the journey, but is never deleted.
    @OptionalField(key: "withdrawn_reason") var withdrawnReason: String?
    /// The id of the manager's step it awaits (`EventForm.awaiting`), and since when.
    @OptionalField(key: "awaiting") var awaiting: String?
    @OptionalField(key: "awaiting_since") var awaitingSince: CivilDate?

    init() {}

    init(childID: UUID, record: any JourneyRecord, recordedBy: UUID, at: Date) {
        id = UUID()
        $child.id = childID
        list = type(of: record).list
        date = record.date
        recordJSON = String(decoding: record.encoded(), as: UTF8.self)
        setAwaiting(record)
        // The chronology's own entries are significant by being there.
        significant = type(of: record).list == .significantEvents
        version = 1
        $recordedBy.id = recordedBy
        recordedAt = at
    }

    /// The record, read back with the type its list names. Stored records were validated when
    /// saved, so a failure here means the stored JSON was changed outside the application.
    func decodedRecord() throws -> any JourneyRecord {
        try list.decode(stored: recordJSON)
    }

    func replace(with record: any JourneyRecord, by user: UUID, at time: Date) {
        date = record.date
        recordJSON = String(decoding: record.encoded(), as: UTF8.self)
        setAwaiting(record)
        $changedBy.id = user
        changedAt = time
    }

    var isWithdrawn: Bool { withdrawnReason != nil }

    private func setAwaiting(_ record: any JourneyRecord) {
        let awaiting = list.form.awaiting(record)
        self.awaiting = awaiting?.step.id
        awaitingSince = awaiting?.since
    }
}

extension StoredEvent {
    /// Inserts many new events at once, with plain SQL rather than models: loading a demo
    /// authority or a council's return writes tens of thousands.
    static func insert(_ events: [(id: UUID, childID: UUID, record: any JourneyRecord, recordedAt: Date)], recordedBy: UUID,
                       on db: any Database) async throws {
        let rows = events.map { event -> [any Encodable & Sendable] in
            let list = type(of: event.record).list
            let awaiting = list.form.awaiting(event.record)
            return [event.id, event.childID, list.rawValue, event.record.date.iso, String(decoding: event.record.encoded(), as: UTF8.self),
                    false, 1, recordedBy, event.recordedAt, awaiting?.step.id, awaiting?.since.iso]
        }
        try await db.sql.insert(rows, into: schema, columns: ["id", "child_id", "list", "date", "record", "significant", "version",
                                                            "recorded_by", "recorded_at", "awaiting", "awaiting_since"])
    }
}
