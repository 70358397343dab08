import Crypto
import Foundation

extension UUID {
    /// A version 8 UUID (RFC 9562, name-based with a hash of its own): the first 128 bits of the
    /// SHA-256 of `bytes`, so the same bytes always give the same id and different ones, in
    /// practice, never do. For rows whose key is what they hold (an imported event, a set of
    /// children a read showed), so the primary key itself refuses a second copy.
    static func hashing(_ bytes: some DataProtocol) -> UUID {
        var id = Array(SHA256.hash(data: bytes).prefix(16))
        id[6] = (id[6] & 0x0F) | 0x80
        id[8] = (id[8] & 0x3F) | 0x80
        return UUID(uuid: (id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7], id[8], id[9], id[10], id[11], id[12], id[13], id[14], id[15]))
    }
}
