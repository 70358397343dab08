/// Where a byte buffer stops being UTF-8 (a description naming the byte's place in its line,
/// and the line), or nil when all of it is.
///
/// The DfE tool fails with one message for every file; we say which file and where, and name
/// UTF-16 (what Excel's "Unicode text" writes) when its byte-order mark is there.
enum UTF8Check {
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> (detail: String, line: Int?)? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return ("it is UTF-16", nil)
        }
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return (String(lead, at: index - lineStart + 1), line)
            }
            guard index + length <= bytes.count else { return (String(lead, at: index - lineStart + 1), line) }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return (String(lead, at: index - lineStart + 1), line) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                return (String(lead, at: index - lineStart + 1), line)
            }
            index += length
        }
        return nil
    }
}

private extension String {
    /// "byte 0xE9 …": a lone 0x80–0xFF byte is the usual sign of a Windows-1252 (ANSI) file.
    init(_ lead: UInt8, at byteInLine: Int) {
        let hex = String(lead, radix: 16, uppercase: true)
        self = "byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte \(byteInLine) of the line is not valid UTF-8"
    }
}
