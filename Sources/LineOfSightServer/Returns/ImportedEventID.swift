import Crypto
import Foundation
import LineOfSightCore

/// The id of an imported event, the same every time the same row is imported: made from the
/// child, the kind of event and its date (the key of every row the return holds), so that the
/// primary key itself refuses a second copy and a re-import finds what it imported before.
enum ImportedEventID {
    static func make(child: UUID, record: any JourneyRecord) -> UUID {
        let key = "ssda903|\(child.text)|\(type(of: record).list.rawValue)|\(record.date.iso)"
        var bytes = Array(SHA256.hash(data: Data(key.utf8)).prefix(16))
        // An RFC 9562 version 8 (name-based, own hash) UUID.
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
