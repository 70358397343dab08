import Foundation

extension UUID {
    /// The same text as `uuidString` (upper-case hex, `8-4-4-4-12`), written out by hand: Foundation
    /// formats each UUID through `snprintf`, and a large import writes hundreds of thousands of
    /// them (every row's ids are stored as text).
    var text: String {
        let digits: StaticString = "0123456789ABCDEF"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    out[at] = digits.utf8Start[Int(byte >> 4)]
                    out[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    at += 2
                }
                return at
            }
        }
    }

    /// The id written as `text` (in either case), as SQLite stores ids. Foundation's
    /// `UUID(uuidString:)` parses with `sscanf`, which was a few percent of every list's time
    /// (fifty ids a page, thousands in an export); this reads the bytes once.
    init?(text: String) {
        var text = text
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = text.withUTF8 { bytes in
            withUnsafeMutableBytes(of: &uuid) { Self.parse(bytes, into: $0) }
        }
        guard parsed else { return nil }
        self.init(uuid: uuid)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawBufferPointer) -> Bool {
        guard bytes.count == 36 else { return false }
        var index = 0, byte = 0
        while index < 36 {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard bytes[index] == UInt8(ascii: "-") else { return false }
                index += 1
                continue
            }
            guard let high = bytes[index].hexDigitValue, let low = bytes[index + 1].hexDigitValue else { return false }
            out[byte] = high << 4 | low
            byte += 1
            index += 2
        }
        return true
    }
}
