import Foundation

/// A cell's value as the rules see it: surrounding spaces and tabs removed, letters upper-cased
/// (the DfE tool upper-cases every value on load); empty when nothing is left.
enum CellText {
    /// Calls `body` with the normalised bytes of `field`: a view of `field` itself when it is
    /// already upper-case ASCII (nearly every cell), otherwise of `scratch`.
    static func normalise<Result>(_ field: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: field[start..<end])
        var plain = true
        for byte in trimmed where byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) {
            plain = false
            break
        }
        if plain { return body(trimmed) }
        scratch.removeAll(keepingCapacity: true)
        if trimmed.allSatisfy({ $0 < 0x80 }) {
            for byte in trimmed {
                scratch.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
            }
        } else {
            scratch.append(contentsOf: String(decoding: trimmed, as: UTF8.self).uppercased().utf8)
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// A header row's column name: `field` without surrounding white space (as Foundation's
    /// `.whitespaces`), case kept. Names are ASCII, so bytes are trimmed unless a non-ASCII
    /// character is left at either end (a no-break space, say), which Foundation then trims.
    static func name(_ field: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: field[start..<end]), as: UTF8.self)
        guard start < end, field[start] >= 0x80 || field[end - 1] >= 0x80 else { return name }
        return name.trimmingCharacters(in: .whitespaces)
    }
}
