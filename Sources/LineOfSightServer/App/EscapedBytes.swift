import Vapor

extension String {
    /// A piece of text being escaped: a run of its UTF-8 bytes with nothing to escape, or the
    /// replacement of a byte that is escaped.
    enum EscapedPiece {
        case run(UnsafeBufferPointer<UInt8>)
        case replacement(StaticString)
    }

    /// Hands over the text's UTF-8 bytes in order, each byte `escape` names as its replacement and
    /// the bytes between in runs: most text has nothing to escape (a page's thousands of strings,
    /// a large import's values), so it is copied whole.
    func forEachEscapedPiece(_ escape: (UInt8) -> StaticString?, _ body: (EscapedPiece) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                guard let replacement = escape(bytes[index]) else { continue }
                body(.run(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                body(.replacement(replacement))
                start = index + 1
            }
            body(.run(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
    }
}

extension ByteBuffer {
    /// Writes `text`'s UTF-8 bytes, each byte `escape` names written as its replacement instead.
    mutating func writeEscaping(_ text: String, _ escape: (UInt8) -> StaticString?) {
        text.forEachEscapedPiece(escape) { piece in
            switch piece {
            case let .run(bytes): writeBytes(UnsafeRawBufferPointer(bytes))
            case let .replacement(replacement): writeStaticString(replacement)
            }
        }
    }
}
