/// Splits CSV bytes into records (RFC 4180: commas, double-quoted fields with `""` for a quote,
/// LF or CRLF line ends), one record at a time. An unquoted field is handed out as a view of the
/// input, untouched; only a quoted field is copied (to drop its quotes), so reading a large
/// return copies almost nothing.
///
/// Blank lines are skipped, as pandas does for the DfE tool.
struct CSVScanner {
    enum Failure: Error { case unterminatedQuote(line: Int) }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var nextLine = 1

    /// Each field of the current record: where it lies in the input, or in `unquoted` when it was quoted.
    private var fields: [(start: Int, end: Int, quoted: Bool)] = []
    /// The current record's quoted fields, quotes removed.
    private var unquoted: [UInt8] = []
    /// The line on which the current record starts (1-based).
    private(set) var line = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        fields.reserveCapacity(16)
    }

    var fieldCount: Int { fields.count }

    /// Calls `body` with field `index`'s bytes; the view is valid only inside `body`.
    func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let field = fields[index]
        guard field.quoted else { return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])) }
        return unquoted.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
    }

    /// Reads the next non-blank record; false at the end of the input.
    mutating func next() throws(Failure) -> Bool {
        while position < bytes.count {
            line = nextLine
            fields.removeAll(keepingCapacity: true)
            unquoted.removeAll(keepingCapacity: true)
            let blank = try scanRecord()
            if !blank { return true }
        }
        return false
    }

    /// Scans one line's record; true when the line was blank.
    private mutating func scanRecord() throws(Failure) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let count = bytes.count
        var start = position
        while position < count {
            let byte = bytes[position]
            if byte == comma {
                fields.append((start, position, false))
                position += 1
                start = position
            } else if byte == lf {
                let end = position > start && bytes[position - 1] == cr ? position - 1 : position
                let blank = fields.isEmpty && end == start
                fields.append((start, end, false))
                position += 1
                nextLine += 1
                return blank
            } else if byte == quote && position == start {
                try scanQuoted()
                start = position
                // The field ends at the comma or line end after the closing quote.
                if position < count, bytes[position] == comma { position += 1; start = position; continue }
                if position < count, bytes[position] == cr { position += 1 }
                if position < count, bytes[position] == lf { position += 1; nextLine += 1 }
                return false
            } else {
                position += 1
            }
        }
        let end = position > start && bytes[position - 1] == cr ? position - 1 : position
        let blank = fields.isEmpty && end == start
        fields.append((start, end, false))
        return blank
    }

    /// Scans a quoted field from its opening quote to just past its closing quote (and any stray
    /// bytes before the next comma or line end, kept as pandas keeps them).
    private mutating func scanQuoted() throws(Failure) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let begin = unquoted.count
        position += 1
        while true {
            guard position < bytes.count else { throw .unterminatedQuote(line: line) }
            let byte = bytes[position]
            position += 1
            if byte == quote {
                if position < bytes.count, bytes[position] == quote {
                    unquoted.append(quote)
                    position += 1
                    continue
                }
                break
            }
            if byte == lf { nextLine += 1 }
            unquoted.append(byte)
        }
        while position < bytes.count, bytes[position] != comma, bytes[position] != lf, bytes[position] != cr {
            unquoted.append(bytes[position])
            position += 1
        }
        fields.append((begin, unquoted.count, true))
    }
}
