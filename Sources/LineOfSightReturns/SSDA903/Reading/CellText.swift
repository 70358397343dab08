/// A cell's value as the rules see it: surrounding spaces and tabs removed, letters upper-cased
/// (the DfE tool upper-cases every value on load), nil when nothing is left.
enum CellText {
    static func normalise(_ field: ArraySlice<UInt8>) -> String? {
        var start = field.startIndex, end = field.endIndex
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }
        let trimmed = field[start..<end]
        var ascii = true
        var hasLower = false
        for byte in trimmed {
            if byte >= 0x80 { ascii = false; break }
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { hasLower = true }
        }
        guard ascii else { return String(decoding: trimmed, as: UTF8.self).uppercased() }
        guard hasLower else { return String(decoding: trimmed, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: trimmed.count) { buffer in
            for (offset, byte) in trimmed.enumerated() {
                buffer[offset] = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            }
            return trimmed.count
        }
    }
}
