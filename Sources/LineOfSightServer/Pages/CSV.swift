import Vapor

/// A CSV download (RFC 4180): every value quoted where it must be, and a value a spreadsheet would
/// run as a formula (starting =, +, - or @) prefixed with an apostrophe, so an exported name can
/// never execute in the reader's spreadsheet.
enum CSV {
    static func response(filename: String, header: [String], rows: [[String]]) -> Response {
        // Written straight into the body's buffer: an export of thousands of rows built as one
        // string was copied again into the body.
        var body = ByteBufferAllocator().buffer(capacity: 128 * (rows.count + 1))
        write(header, into: &body)
        for row in rows { write(row, into: &body) }
        let response = Response(status: .ok, body: .init(buffer: body))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }

    private static func write(_ values: [String], into body: inout ByteBuffer) {
        for (index, value) in values.enumerated() {
            if index > 0 { body.writeInteger(UInt8(ascii: ",")) }
            body.writeString(cell(value))
        }
        body.writeStaticString("\r\n")
    }

    /// Read as bytes, not characters: faster for thousands of rows, and a line break written as CR LF
    /// (one `Character` in Swift) is seen as the two bytes that need quoting.
    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.utf8.first, startsFormula(first) { value = "'" + value }
        guard value.utf8.contains(where: needsQuotes) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // Tested byte by byte over every cell of an export: a switch, not a set to hash each byte into.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): true
        default: false
        }
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"): true
        default: false
        }
    }
}
