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
}
