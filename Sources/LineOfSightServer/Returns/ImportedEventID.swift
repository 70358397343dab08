import Foundation
import LineOfSightCore

/// The id of an imported event, the same every time the same row is imported: made from the
/// child, the kind of event and its date (the key of every row the return holds), so that the
/// primary key itself refuses a second copy and a re-import finds what it imported before.
enum ImportedEventID {
    static func make(child: UUID, record: any JourneyRecord) -> UUID {
        let key = "ssda903|\(child.text)|\(type(of: record).list.rawValue)|\(record.date.iso)"
        return UUID.hashing(Data(key.utf8))
    }
}
