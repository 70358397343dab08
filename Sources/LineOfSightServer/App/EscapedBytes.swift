import Vapor

extension ByteBuffer {
    /// Writes `text`'s UTF-8 bytes, each byte `escape` names written as its replacement instead.
    /// The bytes between are written in runs: most text has nothing to escape (a page's thousands
    /// of strings, a large import's values).
    mutating func writeEscaping(_ text: String, _ escape: (UInt8) -> StaticString?) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var start = 0
            for index in bytes.indices {
                guard let replacement = escape(bytes[index]) else { continue }
                writeBytes(UnsafeRawBufferPointer(rebasing: raw[start..<index]))
                writeStaticString(replacement)
                start = index + 1
            }
            writeBytes(UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }
}
